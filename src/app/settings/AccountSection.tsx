import { useState } from 'preact/hooks';
import { useApp } from '../context.ts';
import { RemoteDeviceList } from '../account/DeviceList.tsx';
import { formatDate, localDate } from '../format.ts';
import { useLive } from '../hooks.ts';
import { accountPack } from '../account/pack.ts';
import { useT } from '../i18n/use-t.ts';
import { hrefOf } from '../router.ts';
import { ConfirmButton } from '../ui/ConfirmButton.tsx';
import { useSyncActions } from '../sync/use-sync-actions.ts';

/** Who is signed in (name, role, programme), signing out, and "Mijn toestellen". */
export function AccountSection() {
  const { lang, me, session, config } = useApp();
  const t = useT(accountPack);
  return (
    <>
      <section class="card" aria-labelledby="settings-account">
        <h2 id="settings-account">{t('account.title')}</h2>
        <dl class="details" data-testid="account">
          <div class="details-item">
            <dt>{t('account.name')}</dt>
            <dd>{me.displayName}</dd>
          </div>
          <div class="details-item">
            <dt>{t('account.role')}</dt>
            <dd>{t(`role.${me.role}`)}</dd>
          </div>
          <div class="details-item">
            <dt>{t('account.tenant')}</dt>
            <dd>{me.tenantName || config.name}</dd>
          </div>
          {me.email && (
            <div class="details-item">
              <dt>{t('account.email')}</dt>
              <dd>{emailWithBreak(me.email)}</dd>
            </div>
          )}
          <div class="details-item">
            <dt>{t('account.sessionUntil')}</dt>
            <dd>{formatDate(lang, localDate(session.expiresAt))}</dd>
          </div>
        </dl>
        <p>
          <a class="link-target" href={hrefOf({ name: 'privacy' })}>
            {t('account.privacy')}
          </a>
        </p>
        <SignOut />
      </section>
      <Devices />
    </>
  );
}

function SignOut() {
  const { signOut, announce } = useApp();
  const t = useT(accountPack);
  const actions = useSyncActions();
  const summary = useLive((store) => store.outbox.summary(), []);
  const [isBusy, setBusy] = useState(false);
  const unsent = (summary?.pending ?? 0) + (summary?.rejected.length ?? 0);

  const confirm = async () => {
    setBusy(true);
    announce(t('account.signingOut'));
    await signOut();
  };

  return (
    <div class="danger-zone">
      <h3>{t('account.signOut')}</h3>
      <p class="field-hint">{t('account.signOutHint')}</p>
      <ConfirmButton
        variant="stacked"
        label={t('account.signOut')}
        questionId="sign-out-confirm"
        question={t('account.signOutConfirm')}
        yes={t('account.signOutYes')}
        no={t('account.signOutNo')}
        focus="yes"
        isBusy={isBusy}
        busyLabel={t('account.signingOut')}
        before={
          unsent > 0 && (
            <>
              <p class="form-error-summary" data-testid="sign-out-unsent">
                {t('account.signOutUnsent', { count: unsent })}
              </p>
              <button type="button" class="button button-block" onClick={actions.syncNow}>
                {t('sync.now')}
              </button>
              <button type="button" class="button button-primary button-block" onClick={() => void actions.exportUnsent()}>
                {t('sync.exportLong')}
              </button>
            </>
          )
        }
        onConfirm={confirm}
      />
    </div>
  );
}

function Devices() {
  const t = useT(accountPack);
  return (
    <section class="card" aria-labelledby="settings-devices">
      <h2 id="settings-devices">{t('devices.title')}</h2>
      <p class="field-hint">{t('devices.hint')}</p>
      <RemoteDeviceList load={(api) => api.devices()} deps={[]} t={t} />
    </section>
  );
}

/** An address too long for the line breaks before its "@", not somewhere inside a word. */
function emailWithBreak(email: string) {
  const at = email.lastIndexOf('@');
  if (at <= 0) return email;
  return (
    <>
      {email.slice(0, at)}
      <wbr />
      {email.slice(at)}
    </>
  );
}
