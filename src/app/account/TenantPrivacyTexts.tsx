import { useApp } from '../context.ts';
import { useRemote } from '../ui/use-remote.ts';
import type { AccountT } from './pack.ts';
import { RemoteState } from './RemoteState.tsx';

/**
 * The programme's own verwerkingsregister and toegankelijkheidsverklaring,
 * as its coordinator wrote them (admin: PrivacyTextsSection). They live on
 * the server, so they need a connection; the app's own explanation above
 * them does not.
 */
export function TenantPrivacyTexts({ t }: { t: AccountT }) {
  const { api, me } = useApp();
  const { remote, reload } = useRemote(() => api().then((a) => a.privacyTexts()), []);
  return (
    <div class="privacy" data-testid="tenant-privacy-texts">
      <RemoteState remote={remote} t={t} onRetry={reload} />
      {remote.state === 'ready' && (
        <>
          <section aria-labelledby="privacy-register">
            <h2 id="privacy-register">{t('privacy.registerTitle', { tenant: me.tenantName })}</h2>
            <p class="privacy-document">{remote.value.processingRegister}</p>
          </section>
          <section aria-labelledby="privacy-accessibility">
            <h2 id="privacy-accessibility">{t('privacy.accessibilityTitle')}</h2>
            <p class="privacy-document">{remote.value.accessibilityStatement}</p>
          </section>
        </>
      )}
    </div>
  );
}
