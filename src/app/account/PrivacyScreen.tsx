import '../ui/ui.css';
import './account.css';
import { hrefOf } from '../router.ts';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';
import { PrivacyText } from './PrivacyText.tsx';
import { TenantPrivacyTexts } from './TenantPrivacyTexts.tsx';
import { useLive } from '../hooks.ts';
import { useT } from '../i18n/use-t.ts';
import { accountPack } from './pack.ts';

/**
 * `#/privacy`: what Buurtlog keeps and why, from Settings; below it the
 * programme's verwerkingsregister and toegankelijkheidsverklaring, fetched
 * from the server (last, so nothing above them moves when they arrive).
 */
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
      <TenantPrivacyTexts t={t} />
    </>
  );
}
