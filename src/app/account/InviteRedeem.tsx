import { useEffect, useState } from 'preact/hooks';
import type { Session } from '../../domain/auth.ts';
import type { InvitePreview } from '../../sync/account-api.ts';
import { LOCALES } from '../i18n/translate.ts';
import { useT } from '../i18n/use-t.ts';
import { ErrorSummary } from '../ui/ErrorSummary.tsx';
import { accountPack } from './pack.ts';
import type { AccountEnv } from './account-env.ts';
import { defaultDeviceName } from './device-name.ts';
import { problemText } from '../ui/problem-text.ts';

type State = { kind: 'loading' } | { kind: 'ready'; preview: InvitePreview } | { kind: 'failed'; text: string; canRetry: boolean };

/**
 * `#/uitnodiging/<code>` on a phone: who invited you to what, and one big
 * button that signs this phone in. The code works once; the preview does
 * not use it up.
 */
export function InviteRedeem({ env, code, onSignedIn }: { env: AccountEnv; code: string; onSignedIn(session: Session): void }) {
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
  const until = new Intl.DateTimeFormat(LOCALES[env.lang], { dateStyle: 'long', timeStyle: 'short' }).format(preview.expiresAt);
  return (
    <>
      <p class="lead" data-testid="invite-lead">
        {t('invite.lead', { team: preview.teamName, tenant: preview.tenantName, name: preview.displayName })}
      </p>
      <p class="muted">{t('invite.expires', { when: until })}</p>
      <ErrorSummary message={problem} />
      <button type="button" class="button button-primary button-large button-block" aria-disabled={isBusy ? 'true' : undefined} onClick={() => void redeem()}>
        {isBusy ? t('invite.busy') : t('invite.button')}
      </button>
    </>
  );
}
