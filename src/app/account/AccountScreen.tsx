import { useEffect } from 'preact/hooks';
import { useApp } from '../context.ts';
import type { Route } from '../router.ts';
import { useT } from '../i18n/use-t.ts';
import { accountPack } from './pack.ts';
import { InviteScreen } from './InviteScreen.tsx';
import { PrivacyScreen } from './PrivacyScreen.tsx';
import { SignInAgainScreen } from './SignInAgainScreen.tsx';

/** The account screens of the running app, loaded together on first use: privacy, signing in again, an opened invite. */
export function AccountScreen({ route }: { route: Extract<Route, { name: 'privacy' | 'sign-in' | 'invite' }> }) {
  const { platform, isSessionExpired } = useApp();
  const t = useT(accountPack);
  const title = t(
    route.name === 'privacy' ? 'privacy.title' : route.name === 'invite' ? 'invite.title' : isSessionExpired ? 'signIn.again.title' : 'signIn.title',
  );
  useEffect(() => {
    platform.document.title = `${title} – ${t('app.name')}`;
  }, [title]);
  switch (route.name) {
    case 'privacy':
      return <PrivacyScreen />;
    case 'sign-in':
      return <SignInAgainScreen />;
    case 'invite':
      return <InviteScreen code={route.code} />;
  }
}
