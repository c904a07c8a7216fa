import '../ui/ui.css';
import './account.css';
import { hrefOf } from '../router.ts';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';
import { PrivacyText } from './PrivacyText.tsx';
import { useLive } from '../hooks.ts';
import { useT } from '../i18n/use-t.ts';
import { accountPack } from './pack.ts';

/** `#/privacy`: what Buurtlog keeps and why, from Settings. */
export function PrivacyScreen() {
  const t = useT(accountPack);
  const retention = useLive((store) => store.roster.settings(), []);
  return (
    <>
      <ScreenTitle>{t('privacy.title')}</ScreenTitle>
      <PrivacyText t={t} {...(retention ? { retention } : {})} />
      <a class="button button-block" href={hrefOf({ name: 'settings' })}>
        {t('nav.settings')}
      </a>
    </>
  );
}
