import '../ui/ui.css';
import './account.css';
import { useApp } from '../context.ts';
import { useLive } from '../hooks.ts';
import { LIST, hrefOf } from '../router.ts';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';
import { SignInForm } from './SignInForm.tsx';
import { useT } from '../i18n/use-t.ts';
import { accountPack } from './pack.ts';
import { useAccountEnv } from './use-account-env.ts';

/**
 * `#/aanmelden` while the app runs: after a session ran out, sign in again
 * and KEEP everything on this device — the outbox is sent once signed in.
 */
export function SignInAgainScreen() {
  const { me, isSessionExpired, onSignedIn } = useApp();
  const env = useAccountEnv();
  const t = useT(accountPack);
  const summary = useLive((store) => store.outbox.summary(), []);
  const unsent = (summary?.pending ?? 0) + (summary?.rejected.length ?? 0);

  if (!isSessionExpired) {
    return (
      <>
        <ScreenTitle>{t('signIn.title')}</ScreenTitle>
        <p>{t('signIn.done', { name: me.displayName })}</p>
        <a class="button button-block" href={hrefOf(LIST)}>
          {t('app.backToList')}
        </a>
      </>
    );
  }
  return (
    <>
      <ScreenTitle>{t('signIn.again.title')}</ScreenTitle>
      <p class="lead">{t('signIn.again.lead')}</p>
      {unsent > 0 && <p>{t('signIn.again.unsent', { count: unsent })}</p>}
      <SignInForm env={env} initialEmail={me.email} onSignedIn={(session) => void onSignedIn(session)} />
      {me.email === null && <p class="field-hint">{t('signIn.again.inviteHint')}</p>}
    </>
  );
}
