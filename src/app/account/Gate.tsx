import '../ui/ui.css';
import './account.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Session } from '../../domain/auth.ts';
import type { AccountApi } from '../../sync/account-api.ts';
import { reasonText } from '../i18n/reasons.ts';
import { Language, useT, type LanguageValue } from '../i18n/use-t.ts';
import { hrefOf, parseRoute } from '../router.ts';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';
import type { AccountEnv } from './account-env.ts';
import { InviteRedeem } from './InviteRedeem.tsx';
import { accountPack } from './pack.ts';
import { PrivacyText } from './PrivacyText.tsx';
import { SignInForm } from './SignInForm.tsx';

/** Why the gate is shown again: this device was revoked, or its person signed out (both wiped it). */
export type GateNotice = 'device-revoked' | 'signed-out' | null;

export type GateProps = {
  language: LanguageValue;
  deviceId: string;
  notice: GateNotice;
  isPrivacyAcknowledged: boolean;
  acknowledgePrivacy(): Promise<void>;
  api(): Promise<AccountApi>;
  window: Window;
  now(): number;
  onSignedIn(session: Session): void;
};

/**
 * Before anyone is signed in on this device: first "Wat Buurtlog bewaart en
 * waarom" (once), then the invite a volunteer opened (`#/uitnodiging/…`) or
 * the sign-in form. Runs without a store: nothing is kept before sign-in.
 */
export function Gate(props: GateProps) {
  return (
    <Language.Provider value={props.language}>
      <GateSteps {...props} />
    </Language.Provider>
  );
}

function GateSteps(props: GateProps) {
  const t = useT(accountPack);
  const win = props.window;
  const [hash, setHash] = useState(win.location.hash);
  const [isAcknowledged, setAcknowledged] = useState(props.isPrivacyAcknowledged);
  const [tenantName, setTenantName] = useState<string | null>(null);
  const [message, setMessage] = useState({ text: '', flip: false });
  const mainRef = useRef<HTMLElement>(null);
  const isFirstStep = useRef(true);

  useEffect(() => {
    const onChange = () => setHash(win.location.hash);
    win.addEventListener('hashchange', onChange);
    // A hash change between the first render and this effect fired no event for us.
    onChange();
    return () => win.removeEventListener('hashchange', onChange);
  }, [win]);
  useEffect(() => {
    // The programme's name when online; the form works without it.
    void props
      .api()
      .then((api) => api.tenant())
      .then(
        (tenant) => setTenantName(tenant.name),
        () => {},
      );
  }, []);

  const route = parseRoute(hash);
  // An invite comes first: its screen carries the privacy summary, and joining acknowledges it.
  const isBadInvite = route.name === 'not-found' && /^#\/uitnodiging(\/|$)/.test(hash);
  const step =
    route.name === 'invite' ? 'invite' : isBadInvite ? 'bad-invite' : !isAcknowledged ? 'privacy' : route.name === 'privacy' ? 'privacy-again' : 'sign-in';
  useEffect(() => {
    const title = t(step === 'invite' || step === 'bad-invite' ? 'invite.title' : step === 'sign-in' ? 'signIn.title' : 'privacy.title');
    win.document.title = `${title} – ${t('app.name')}`;
    if (isFirstStep.current) {
      isFirstStep.current = false;
      return;
    }
    // A new step is a new screen: focus its title, as the app does.
    mainRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [step]);

  const env: AccountEnv = {
    lang: props.language.lang,
    api: props.api,
    deviceId: props.deviceId,
    now: props.now,
    navigator: win.navigator,
    announce: (text) => setMessage((m) => ({ text, flip: !m.flip })),
  };

  const acknowledge = async () => {
    await props.acknowledgePrivacy().catch(() => {});
    setAcknowledged(true);
  };

  return (
    <>
      <header class="app-header">
        <p class="app-name">{t('app.name')}</p>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} class="app-main start-screen">
        {props.notice && (
          <p class="notice notice-alert" role="alert" data-testid="gate-notice">
            {props.notice === 'device-revoked' ? reasonText('device-revoked', t) : t('signIn.signedOut')}
          </p>
        )}
        {step === 'privacy' || step === 'privacy-again' ? (
          <>
            <ScreenTitle>{t('privacy.title')}</ScreenTitle>
            <PrivacyText t={t} />
            {step === 'privacy' ? (
              <button type="button" class="button button-primary button-large button-block" onClick={() => void acknowledge()}>
                {t('privacy.acknowledge')}
              </button>
            ) : (
              <a class="button button-block" href={hrefOf({ name: 'sign-in' })}>
                {t('signIn.title')}
              </a>
            )}
          </>
        ) : step === 'invite' && route.name === 'invite' ? (
          <>
            <ScreenTitle>{t('invite.title')}</ScreenTitle>
            <InviteRedeem env={env} code={route.code} onSignedIn={props.onSignedIn} acknowledgePrivacy={isAcknowledged ? undefined : acknowledge} />
            <p>
              <a href={hrefOf({ name: 'sign-in' })}>{t('invite.toSignIn')}</a>
            </p>
          </>
        ) : step === 'bad-invite' ? (
          <>
            <ScreenTitle>{t('invite.title')}</ScreenTitle>
            <p class="notice notice-alert" role="alert" data-testid="invite-malformed">
              {t('invite.malformed')}
            </p>
            <p>
              <a href={hrefOf({ name: 'sign-in' })}>{t('invite.toSignIn')}</a>
            </p>
          </>
        ) : (
          <>
            <ScreenTitle>{t('signIn.title')}</ScreenTitle>
            <p class="lead">{tenantName ? t('signIn.lead', { tenant: tenantName }) : t('signIn.leadNoTenant')}</p>
            <SignInForm env={env} onSignedIn={props.onSignedIn} />
            <p class="field-hint">{t('signIn.volunteerHint')}</p>
            <p>
              <a class="link-target" href={hrefOf({ name: 'privacy' })}>
                {t('signIn.privacyLink')}
              </a>
            </p>
          </>
        )}
      </main>
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {message.text}
        {message.flip ? '\u00a0' : ''}
      </div>
    </>
  );
}
