import { useEffect, useState } from 'preact/hooks';
import type { Session } from '../../domain/auth.ts';
import type { InvitePreview } from '../../sync/account-api.ts';
import { formatDateLong, localDate } from '../format.ts';
import { useT } from '../i18n/use-t.ts';
import { ErrorSummary } from '../ui/ErrorSummary.tsx';
import { accountPack } from './pack.ts';
import type { AccountEnv } from './account-env.ts';
import { defaultDeviceName } from './device-name.ts';
import { problemText } from '../ui/problem-text.ts';
import { PrivacyText } from './PrivacyText.tsx';

type State = { kind: 'loading' } | { kind: 'ready'; preview: InvitePreview } | { kind: 'failed'; text: string; canRetry: boolean };

/**
 * `#/uitnodiging/<code>` on a phone: who invited you to what, and one big
 * button that signs this phone in. The code works once; the preview does
 * not use it up. On a first start (`acknowledgePrivacy` given) the privacy
 * notice stands above the button as a summary, the full text one tap away,
 * and the one tap on "Aanmelden op dit toestel" also records "Ik heb dit gelezen".
 */
export function InviteRedeem({
  env,
  code,
  onSignedIn,
  acknowledgePrivacy,
}: {
  env: AccountEnv;
  code: string;
  onSignedIn(session: Session): void;
  acknowledgePrivacy?: (() => Promise<void>) | undefined;
}) {
  const t = useT(accountPack);
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [problem, setProblem] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  const load = () => {
    setState({ kind: 'loading' });
    env
      .api()
      .then((api) => api.invitePreview(code))
      .then(
        (preview) => setState({ kind: 'ready', preview }),
        (error: unknown) => {
          const text = problemText(error, t, 'invite.needsNetwork');
          setState({ kind: 'failed', text, canRetry: text === t('invite.needsNetwork') });
        },
      );
  };
  useEffect(load, [code]);

  const redeem = async () => {
    if (isBusy) return;
    setBusy(true);
    setProblem(null);
    try {
      const api = await env.api();
      if (acknowledgePrivacy) await acknowledgePrivacy();
      const deviceName = defaultDeviceName(env.navigator.userAgent, (kind) => t(`deviceName.${kind}`), env.navigator.maxTouchPoints);
      const session = await api.redeemInvite({ code, deviceId: env.deviceId, deviceName });
      env.announce(t('signIn.done', { name: session.me.displayName }));
      onSignedIn(session);
    } catch (error) {
      const text = problemText(error, t, 'invite.needsNetwork');
      setProblem(text);
      env.announce(text);
      setBusy(false);
    }
  };

  if (state.kind === 'loading') return <p role="status">{t('invite.loading')}</p>;
  if (state.kind === 'failed') {
    return (
      <>
        <ErrorSummary message={state.text} />
        {state.canRetry && (
          <button type="button" class="button button-block" onClick={load}>
            {t('online.retry')}
          </button>
        )}
      </>
    );
  }
  const { preview } = state;
  const until = formatDateLong(env.lang, localDate(preview.expiresAt), localDate(env.now()));
  return (
    <>
      <p class="lead" data-testid="invite-lead">
        {preview.issuerName
          ? t('invite.from', { issuer: preview.issuerName, team: preview.teamName, tenant: preview.tenantName })
          : t('invite.lead', { team: preview.teamName, tenant: preview.tenantName, name: preview.displayName })}
      </p>
      <p class="muted">{preview.issuerName ? t('invite.as', { name: preview.displayName, when: until }) : t('invite.expires', { when: until })}</p>
      {acknowledgePrivacy && (
        <section class="privacy-summary" aria-labelledby="privacy-summary-title">
          <h2 id="privacy-summary-title">{t('privacy.summaryTitle')}</h2>
          <p>{t('privacy.summary')}</p>
          <details class="privacy-full">
            <summary>{t('privacy.readAll')}</summary>
            <PrivacyText t={t} />
          </details>
          <p class="field-hint">{t('invite.implies')}</p>
        </section>
      )}
      <ErrorSummary message={problem} />
      <button type="button" class="button button-primary button-large button-block" aria-disabled={isBusy ? 'true' : undefined} onClick={() => void redeem()}>
        {isBusy ? t('invite.busy') : t('invite.button')}
      </button>
    </>
  );
}
