import { useEffect, useRef, useState } from 'preact/hooks';
import { FINDING_ACTIONS, FINDING_STATUSES, MELDING_STATUSES, type FindingStatus } from '../../domain/finding.ts';
import { useApp } from '../context.ts';
import { findingLabel } from './labels.ts';
import { useT } from '../i18n/use-t.ts';
import { findingsPack } from './pack.ts';
import { LOCALES } from '../i18n/translate.ts';
import type { FindingChanges, FindingHistoryEntry, FindingView } from '../../store/schouw-store.ts';
import { SyncBadge } from '../ui/SyncBadge.tsx';
import { useUnsavedWork } from '../ui/use-unsaved-work.ts';
import { isStatusChangeValid, meldingNumberOf, whoOf } from './follow-up-logic.ts';
import { DetailItem } from '../ui/DetailItem.tsx';

/**
 * What is done about a finding: the action, the partner responsible, the
 * melding number and status as the person sees them in FIXI (typed by hand:
 * FIXI has no public API, and the app never pretends to report), and the
 * follow-up status with its append-only history.
 */
export function FollowUp({ finding, history, mayUpdate }: { finding: FindingView; history: readonly FindingHistoryEntry[]; mayUpdate: boolean }) {
  const { store, config, announce } = useApp();
  const t = useT(findingsPack);
  const save = (changes: FindingChanges) => {
    store.schouw.updateFinding(finding.id, changes).then(
      () => announce(t('followUp.saved')),
      () => announce(t('round.saveFailed')),
    );
  };
  const partners = config.partners.filter((partner) => !partner.hidden || partner.id === finding.responsiblePartnerId);
  const partnerName = (id: string | null) => (id === null ? t('followUp.noPartner') : (config.partners.find((p) => p.id === id)?.name ?? id));

  return (
    <section aria-labelledby="follow-up-title" class="round-section" data-testid="follow-up">
      <h2 id="follow-up-title">{t('followUp.title')}</h2>
      {mayUpdate ? (
        <div class="form">
          <fieldset class="fieldset">
            <legend>{t('followUp.action')}</legend>
            <div class="checks">
              {FINDING_ACTIONS.map((action) => (
                <label key={action} class="check">
                  <input type="radio" name="finding-action" value={action} checked={finding.action === action} onChange={() => save({ action })} />
                  <span>{findingLabel(t, 'action', action)}</span>
                </label>
              ))}
            </div>
          </fieldset>

          <div class="capture-step">
            <label for="finding-partner">{t('followUp.responsible')}</label>
            <select
              id="finding-partner"
              value={finding.responsiblePartnerId ?? ''}
              onChange={(event) => save({ responsiblePartnerId: event.currentTarget.value === '' ? null : event.currentTarget.value })}
            >
              <option value="">{t('followUp.noPartner')}</option>
              {partners.map((partner) => (
                <option key={partner.id} value={partner.id}>
                  {partner.name}
                </option>
              ))}
            </select>
          </div>

          <MeldingNumber value={finding.meldingNumber} onSave={(meldingNumber) => save({ meldingNumber })} />

          <fieldset class="fieldset" aria-describedby="melding-status-hint">
            <legend>{t('followUp.meldingStatus')}</legend>
            <p class="field-hint" id="melding-status-hint">
              {t('followUp.meldingStatusHint')}
            </p>
            <div class="checks">
              {MELDING_STATUSES.map((status) => (
                <label key={status} class="check">
                  <input
                    type="radio"
                    name="melding-status"
                    value={status}
                    checked={finding.meldingStatus === status}
                    onChange={() => save({ meldingStatus: status })}
                  />
                  <span>{findingLabel(t, 'meldingStatus', status)}</span>
                </label>
              ))}
            </div>
          </fieldset>

          <StatusChange finding={finding} />
        </div>
      ) : (
        <>
          <p class="muted">{t('followUp.readOnly')}</p>
          <dl class="details">
            <DetailItem term={t('followUp.action')}>{finding.action ? findingLabel(t, 'action', finding.action) : t('followUp.noAction')}</DetailItem>
            <DetailItem term={t('followUp.responsible')}>{partnerName(finding.responsiblePartnerId)}</DetailItem>
            <DetailItem term={t('followUp.meldingNumber')}>{finding.meldingNumber ?? '—'}</DetailItem>
            <DetailItem term={t('followUp.meldingStatus')}>{findingLabel(t, 'meldingStatus', finding.meldingStatus)}</DetailItem>
          </dl>
        </>
      )}
      <History entries={history} />
    </section>
  );
}

/** Typed, saved when the field is left or Enter is pressed; follows the stored value while not being typed in. */
function MeldingNumber({ value, onSave }: { value: string | null; onSave(next: string | null): void }) {
  const t = useT(findingsPack);
  const [text, setText] = useState(value ?? '');
  const [isTyping, setTyping] = useState(false);
  useUnsavedWork(isTyping && meldingNumberOf(text) !== value);
  useEffect(() => {
    if (!isTyping) setText(value ?? '');
  }, [value, isTyping]);
  const commit = () => {
    setTyping(false);
    const next = meldingNumberOf(text);
    if (next !== value) onSave(next);
  };
  return (
    <form
      class="capture-step"
      onSubmit={(event) => {
        event.preventDefault();
        commit();
      }}
    >
      <label for="melding-number">{t('followUp.meldingNumber')}</label>
      <p class="field-hint" id="melding-number-hint">
        {t('followUp.meldingHint')}
      </p>
      <input
        id="melding-number"
        type="text"
        inputMode="text"
        autoComplete="off"
        maxLength={40}
        aria-describedby="melding-number-hint"
        value={text}
        onInput={(event) => {
          setTyping(true);
          setText(event.currentTarget.value);
        }}
        onBlur={commit}
      />
    </form>
  );
}

function StatusChange({ finding }: { finding: FindingView }) {
  const { store, me, announce } = useApp();
  const t = useT(findingsPack);
  const [to, setTo] = useState<FindingStatus>(finding.status);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  useUnsavedWork(note.trim() !== '' || to !== finding.status);
  // When the status changes (here or on another phone), the choice starts from the new one; not on mount.
  const shownStatus = useRef(finding.status);
  useEffect(() => {
    if (shownStatus.current === finding.status) return;
    shownStatus.current = finding.status;
    setTo(finding.status);
  }, [finding.status]);

  const submit = (event: Event) => {
    event.preventDefault();
    if (!isStatusChangeValid(finding.status, to, note)) {
      setError(t('followUp.noteRequired'));
      return;
    }
    setError(null);
    store.schouw.setFindingStatus(finding.id, { to, note: note.trim(), by: me.userId }).then(
      () => {
        setNote('');
        announce(t('followUp.changed', { status: findingLabel(t, 'findingStatus', to) }));
      },
      () => setError(t('round.saveFailed')),
    );
  };

  return (
    <form class="fieldset status-change" onSubmit={submit} aria-labelledby="status-change-title" data-testid="status-change">
      <h3 id="status-change-title">{t('followUp.status')}</h3>
      <p>{t('followUp.current', { status: findingLabel(t, 'findingStatus', finding.status) })}</p>
      <fieldset class="fieldset fieldset-plain">
        <legend>{t('followUp.newStatus')}</legend>
        <div class="checks">
          {FINDING_STATUSES.map((status) => (
            <label key={status} class="check">
              <input type="radio" name="finding-status" value={status} checked={to === status} onChange={() => setTo(status)} />
              <span>{findingLabel(t, 'findingStatus', status)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <label for="status-note">{t('followUp.note')}</label>
      <p class="field-hint" id="status-note-hint">
        {t('capture.noteHint')}
      </p>
      <textarea
        id="status-note"
        rows={2}
        maxLength={2000}
        aria-describedby={error ? 'status-note-hint status-error' : 'status-note-hint'}
        aria-invalid={error ? 'true' : undefined}
        value={note}
        onInput={(event) => setNote(event.currentTarget.value)}
      />
      {error && (
        <p class="field-error" id="status-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" class="button button-primary button-large button-block">
        {t('followUp.submit')}
      </button>
    </form>
  );
}

function History({ entries }: { entries: readonly FindingHistoryEntry[] }) {
  const { me, lang } = useApp();
  const t = useT(findingsPack);
  const format = new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium', timeStyle: 'short' });
  const status = (s: FindingStatus) => findingLabel(t, 'findingStatus', s);
  return (
    <>
      <h3 id="history-title">{t('followUp.history.title')}</h3>
      {entries.length === 0 ? (
        <p class="muted">{t('followUp.history.none')}</p>
      ) : (
        <ol class="history" aria-labelledby="history-title" data-testid="history">
          {entries.map((entry) => (
            <li key={entry.id} class="history-entry">
              <p class="history-step">
                {entry.from === entry.to
                  ? t('followUp.history.noteOnly', { status: status(entry.to) })
                  : t('followUp.history.change', { from: status(entry.from), to: status(entry.to) })}
              </p>
              <p class="history-meta">
                <time dateTime={new Date(entry.at).toISOString()}>{format.format(entry.at)}</time>
                {' · '}
                <span data-testid="history-who">{t(whoOf(entry.by, me.userId) === 'you' ? 'followUp.history.you' : 'followUp.history.colleague')}</span>{' '}
                <SyncBadge state={entry.syncState} />
              </p>
              {entry.note && <p class="history-note">{entry.note}</p>}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
