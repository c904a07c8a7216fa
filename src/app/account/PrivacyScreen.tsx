import '../ui/ui.css';
import './account.css';
import { hrefOf } from '../router.ts';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';
import { PrivacyText } from './PrivacyText.tsx';
import { useT } from '../i18n/use-t.ts';
import { accountPack } from './pack.ts';

/** `#/privacy`: what Buurtlog keeps and why, from Settings. */
export function PrivacyScreen() {
  const t = useT(accountPack);
  return (
    <>
      <ScreenTitle>{t('privacy.title')}</ScreenTitle>
      <PrivacyText t={t} />
      <a class="button button-block" href={hrefOf({ name: 'settings' })}>
        {t('nav.settings')}
      </a>
    </>
  );
}
