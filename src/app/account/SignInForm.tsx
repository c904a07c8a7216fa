import { useRef, useState } from 'preact/hooks';
import * as z from 'zod/mini';
import { DeviceNameSchema, EmailSchema, type Session } from '../../domain/auth.ts';
import { ErrorSummary } from '../ui/ErrorSummary.tsx';
import { controlProps } from '../ui/field.ts';
import { FieldMessages } from '../ui/FieldMessages.tsx';
import { useT } from '../i18n/use-t.ts';
import { formsPack } from '../ui/forms/pack.ts';
import { useUnsavedWork } from '../ui/use-unsaved-work.ts';
import { accountPack } from './pack.ts';
import type { AccountEnv } from './account-env.ts';
import { defaultDeviceName } from './device-name.ts';
import { problemText } from '../ui/problem-text.ts';

type Field = 'email' | 'password' | 'deviceName';
const FIELDS: readonly Field[] = ['email', 'password', 'deviceName'];

/**
 * E-mail, password and a name for this device. The device name starts as
 * "Telefoon (Chrome)" and can be changed. Errors come from the server as
 * reasons (wrong password, too many attempts, no connection) and are read
 * out; nothing is kept of the password.
 */
export function SignInForm({ env, initialEmail, onSignedIn }: { env: AccountEnv; initialEmail?: string | null; onSignedIn(session: Session): void }) {
  const t = useT(accountPack, formsPack);
  const [email, setEmail] = useState(initialEmail ?? '');
  const [password, setPassword] = useState('');
  const [deviceName, setDeviceName] = useState(() =>
    defaultDeviceName(env.navigator.userAgent, (kind) => t(`deviceName.${kind}`), env.navigator.maxTouchPoints),
  );
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  // Signing in again inside the app (the session ran out): no update reload under a typed password.
  const release = useUnsavedWork(password !== '' || email !== (initialEmail ?? ''));

  const submit = async (event: Event) => {
    event.preventDefault();
    if (isBusy) return;
    const found: Partial<Record<Field, string>> = {};
    if (email.trim() === '') found.email = t('error.required');
    else if (!z.safeParse(EmailSchema, email.trim()).success) found.email = t('error.invalid');
    if (password === '') found.password = t('error.required');
    if (!z.safeParse(DeviceNameSchema, deviceName.trim()).success)
      found.deviceName = deviceName.trim() === '' ? t('error.required') : t('error.tooLong', { max: 80 });
    setErrors(found);
    setProblem(null);
    const first = FIELDS.find((name) => found[name]);
    if (first) {
      env.announce(t('form.errorSummary'));
      formRef.current?.querySelector<HTMLElement>(`#sign-in-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const api = await env.api();
      const session = await api.signIn({ email: email.trim(), password, deviceId: env.deviceId, deviceName: deviceName.trim() });
      env.announce(t('signIn.done', { name: session.me.displayName }));
      release();
      onSignedIn(session);
    } catch (error) {
      const text = problemText(error, t, 'signIn.needsNetwork');
      setProblem(text);
      env.announce(text);
      setBusy(false);
    }
  };

  return (
    <form ref={formRef} class="form" noValidate onSubmit={(e) => void submit(e)}>
      <ErrorSummary message={problem} />
      <div class="field">
        <label for="sign-in-email">{t('signIn.email')}</label>
        <input
          {...controlProps('sign-in-email', { error: errors.email })}
          type="email"
          inputMode="email"
          autocomplete="username"
          autoCapitalize="off"
          spellcheck={false}
          maxLength={254}
          value={email}
          onInput={(e) => setEmail(e.currentTarget.value)}
        />
        <FieldMessages id="sign-in-email" error={errors.email} />
      </div>
      <div class="field">
        <label for="sign-in-password">{t('signIn.password')}</label>
        <input
          {...controlProps('sign-in-password', { error: errors.password })}
          type="password"
          autocomplete="current-password"
          maxLength={200}
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
        <FieldMessages id="sign-in-password" error={errors.password} />
      </div>
      <div class="field">
        <label for="sign-in-deviceName">{t('signIn.deviceName')}</label>
        <input
          {...controlProps('sign-in-deviceName', { hint: true, error: errors.deviceName })}
          type="text"
          autocomplete="off"
          maxLength={80}
          value={deviceName}
          onInput={(e) => setDeviceName(e.currentTarget.value)}
        />
        <FieldMessages id="sign-in-deviceName" hint={t('signIn.deviceNameHint')} error={errors.deviceName} />
      </div>
      <button type="submit" class="button button-primary button-large button-block" aria-disabled={isBusy ? 'true' : undefined}>
        {isBusy ? t('signIn.busy') : t('signIn.submit')}
      </button>
    </form>
  );
}
