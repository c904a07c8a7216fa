import { useEffect, useRef, useState } from 'preact/hooks';
import type { Invite } from '../../domain/auth.ts';
import type { Team } from '../../domain/config-records.ts';
import { problemText } from '../ui/problem-text.ts';
import { useApp } from '../context.ts';
import { formatDateLong, localDate } from '../format.ts';
import { LOCALES } from '../i18n/translate.ts';
import { ErrorSummary } from '../ui/ErrorSummary.tsx';
import { controlProps } from '../ui/field.ts';
import { FieldMessages } from '../ui/FieldMessages.tsx';
import { useT } from '../i18n/use-t.ts';
import { accountPack } from '../account/pack.ts';
import { formsPack } from '../ui/forms/pack.ts';
import { adminPack } from './pack.ts';
import { FormActions } from '../ui/FormActions.tsx';
import { hasChanged, useUnsavedWork } from '../ui/use-unsaved-work.ts';

const VALIDITY_HOURS = [24, 72, 24 * 7, 24 * 30] as const;
const DEFAULT_HOURS = 72;

/**
 * "Uitnodiging maken" for a team: a one-time invite for a volunteer, shown
 * as a link, a QR code to scan with their phone, "Kopiëren" and "Delen"
 * (the share sheet: WhatsApp is where teams talk). Needs a connection.
 */
export function InvitePanel({ team, user, onClose }: { team: Team; user?: { id: string; displayName: string }; onClose(): void }) {
  const { api, announce, platform } = useApp();
  const t = useT(adminPack, accountPack, formsPack);
  const prefix = `invite-${user?.id ?? team.id}`;
  // With `user`: another phone for someone already on the team (a volunteer has no password).
  const [name, setName] = useState(user?.displayName ?? '');
  const [hours, setHours] = useState<number>(DEFAULT_HOURS);
  const [error, setError] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [invite, setInvite] = useState<Invite | null>(null);
  useUnsavedWork(invite === null && hasChanged({ name: user?.displayName ?? '', hours: DEFAULT_HOURS }, { name, hours }));
  const nameRef = useRef<HTMLInputElement>(null);
  useEffect(() => nameRef.current?.focus(), []);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (isBusy) return;
    if (name.trim() === '') {
      setError(t('error.required'));
      nameRef.current?.focus();
      return;
    }
    setError(undefined);
    setProblem(null);
    setBusy(true);
    try {
      const made = await (await api()).createInvite({ teamId: team.id, displayName: name.trim(), expiresInHours: hours, ...(user ? { userId: user.id } : {}) });
      setInvite(made);
      announce(t('adminInvite.made', { name: made.displayName }));
    } catch (failure) {
      const text = problemText(failure, t);
      setProblem(text);
      announce(text);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby={`${prefix}-title`} data-testid="invite-panel">
      <h2 id={`${prefix}-title`}>{user ? t('adminInvite.deviceTitle', { name: user.displayName }) : t('adminInvite.title', { team: team.name })}</h2>
      {invite ? (
        <InviteResult
          invite={invite}
          team={team}
          onAnother={() => {
            setInvite(null);
            setName('');
          }}
          onClose={onClose}
        />
      ) : (
        <form class="form" noValidate onSubmit={(e) => void submit(e)}>
          <ErrorSummary message={problem} />
          <div class="field">
            <label for={`${prefix}-name`}>{t('adminInvite.name')}</label>
            <input
              ref={nameRef}
              {...controlProps(`${prefix}-name`, { hint: true, error })}
              type="text"
              maxLength={120}
              autocomplete="off"
              readOnly={user !== undefined}
              value={name}
              onInput={(e) => setName(e.currentTarget.value)}
            />
            <FieldMessages id={`${prefix}-name`} hint={t('adminInvite.nameHint')} error={error} />
          </div>
          <div class="field">
            <label for={`${prefix}-hours`}>{t('adminInvite.expires')}</label>
            <select id={`${prefix}-hours`} value={String(hours)} onChange={(e) => setHours(Number(e.currentTarget.value))}>
              {VALIDITY_HOURS.map((h) => (
                <option key={h} value={String(h)}>
                  {h < 48 ? t('adminInvite.hours', { count: h }) : t('adminInvite.days', { count: h / 24 })}
                </option>
              ))}
            </select>
          </div>
          <FormActions save={isBusy ? t('adminInvite.busy') : t('adminInvite.submit')} cancel={t('admin.cancel')} onCancel={onClose} isBusy={isBusy} />
        </form>
      )}
      {platform.document.defaultView?.navigator.onLine === false && !invite && <p class="field-hint">{t('online.needed')}</p>}
    </section>
  );
}

function InviteResult({ invite, team, onAnother, onClose }: { invite: Invite; team: Team; onAnother(): void; onClose(): void }) {
  const { announce, lang, platform, now } = useApp();
  const t = useT(adminPack, accountPack, formsPack);
  const [qr, setQr] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const nav = platform.document.defaultView?.navigator;
  const canShare = typeof nav?.share === 'function';
  const linkId = `invite-link-${invite.code}`;

  useEffect(() => {
    let live = true;
    // The QR encoder loads only here. It draws an SVG string; shown as an
    // <img> with a data: URL, it needs neither innerHTML nor style
    // attributes, which the Content-Security-Policy forbids.
    void import('uqr').then(({ renderSVG }) => {
      if (live) setQr(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(renderSVG(invite.url, { ecc: 'M', border: 4 }))}`);
    });
    return () => {
      live = false;
    };
  }, [invite.url]);

  // Said on screen as well as to a screen reader: the coordinator sees the link was copied.
  const copy = async () => {
    try {
      if (!nav?.clipboard) throw new Error('no clipboard');
      await nav.clipboard.writeText(invite.url);
      setCopied(t('adminInvite.copied'));
      announce(t('adminInvite.copied'));
    } catch {
      platform.document.getElementById(linkId)?.focus();
      (platform.document.getElementById(linkId) as HTMLInputElement | null)?.select();
      setCopied(t('adminInvite.copyFailed'));
      announce(t('adminInvite.copyFailed'));
    }
  };
  // The phone's share sheet (WhatsApp, Signal, mail…); where there is none, or it fails, copy instead.
  const share = async () => {
    if (!canShare) return copy();
    try {
      await nav?.share({ title: 'Buurtlog', text: t('adminInvite.shareText', { team: team.name }), url: invite.url });
    } catch (error) {
      // Closing the share sheet is not an error; anything else falls back to copying.
      if (!(error instanceof DOMException && error.name === 'AbortError')) await copy();
    }
  };
  const time = new Intl.DateTimeFormat(LOCALES[lang], { timeStyle: 'short' }).format(invite.expiresAt);
  const until = `${formatDateLong(lang, localDate(invite.expiresAt), localDate(now()))}, ${time}`;

  return (
    <div class="form">
      <p class="lead">{invite.displayName}</p>
      {qr ? (
        <img class="invite-qr" src={qr} alt={t('adminInvite.qr', { name: invite.displayName })} width={288} height={288} data-testid="invite-qr" />
      ) : (
        <p class="muted">{t('app.loading')}</p>
      )}
      <div class="field">
        <label for={linkId}>{t('adminInvite.link')}</label>
        <input id={linkId} class="invite-link" type="text" readOnly value={invite.url} onFocus={(e) => e.currentTarget.select()} data-testid="invite-url" />
      </div>
      <p class="field-hint">{t('adminInvite.validUntil', { when: until })}</p>
      <div class="form-actions">
        <button type="button" class="button button-primary" onClick={() => void share()}>
          {canShare ? t('adminInvite.share') : t('adminInvite.copy')}
        </button>
        {canShare && (
          <button type="button" class="button" onClick={() => void copy()}>
            {t('adminInvite.copy')}
          </button>
        )}
      </div>
      {copied && (
        <p class="notice" data-testid="invite-copied">
          {copied}
        </p>
      )}
      <div class="form-actions">
        <button type="button" class="button" onClick={onAnother}>
          {t('adminInvite.another')}
        </button>
        <button type="button" class="button" onClick={onClose}>
          {t('adminInvite.close')}
        </button>
      </div>
    </div>
  );
}
