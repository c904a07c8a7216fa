import { useEffect, useRef, useState } from 'preact/hooks';
import { FINDING_ACTIONS, FINDING_STATUSES, type FindingStatus } from '../../domain/finding.ts';
import { useApp } from '../context.ts';
import { findingLabel } from './labels.ts';
import { useT } from '../i18n/use-t.ts';
import { findingsPack } from './pack.ts';
import { LOCALES } from '../i18n/translate.ts';
import type { FindingHistoryEntry, FindingView } from '../../store/schouw-store.ts';
import { SyncBadge } from '../ui/SyncBadge.tsx';
import { useUnsavedWork } from '../ui/use-unsaved-work.ts';
import { followUpDraftOf, followUpSaveOf, isFollowUpDirty, whoOf, type FollowUpDraft } from './follow-up-logic.ts';
import { DetailItem } from '../ui/DetailItem.tsx';

/**
 * What is done about a finding, in one form with one way of saving: the
 * action, the partner responsible, and the follow-up status — the one status
 * model: nieuw → gemeld (with the melding number as the person sees it in
 * FIXI, typed by hand: FIXI has no public API, and the app never pretends to
 * report) → in behandeling → opgelost | wordt niet opgepakt. Every input shows
 * the pending choice at once; "Opvolging opslaan" writes the changed fields
 * and, when the status changed or a note was written, one entry of the
 * append-only history.
 */
export function FollowUp({ finding, history, mayUpdate }: { finding: FindingView; history: readonly FindingHistoryEntry[]; mayUpdate: boolean }) {
  const t = useT(findingsPack);
  const { config } = useApp();
  const partnerName = (id: string | null) => (id === null ? t('followUp.noPartner') : (config.partners.find((p) => p.id === id)?.name ?? id));

  return (
    <section aria-labelledby="follow-up-title" class="round-section" data-testid="follow-up">
      <h2 id="follow-up-title">{t('followUp.title')}</h2>
      {mayUpdate ? (
        <FollowUpForm finding={finding} />
      ) : (
        <>
          <p class="muted">{t('followUp.readOnly')}</p>
          <dl class="details">
            <DetailItem term={t('followUp.action')}>{finding.action ? findingLabel(t, 'action', finding.action) : t('followUp.noAction')}</DetailItem>
            <DetailItem term={t('followUp.responsible')}>{partnerName(finding.responsiblePartnerId)}</DetailItem>
            <DetailItem term={t('followUp.statusTerm')}>{findingLabel(t, 'findingStatus', finding.status)}</DetailItem>
            <DetailItem term={t('followUp.meldingNumber')}>{finding.meldingNumber ?? '—'}</DetailItem>
          </dl>
        </>
      )}
      <History entries={history} />
    </section>
  );
}

function FollowUpForm({ finding }: { finding: FindingView }) {
  const { store, me, config, announce } = useApp();
  const t = useT(findingsPack);
  const [draft, setDraft] = useState<FollowUpDraft>(() => followUpDraftOf(finding));
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);
  const isDirty = isFollowUpDirty(finding, draft);
  useUnsavedWork(isDirty);
  // The stored finding changed (here, or on another phone): an untouched form shows it; a form being filled in keeps its choices.
  const shown = useRef(followUpDraftOf(finding));
  useEffect(() => {
    const stored = followUpDraftOf(finding);
    const before = shown.current;
    if (JSON.stringify(stored) === JSON.stringify(before)) return; // not on mount, not for an unchanged record
    shown.current = stored;
    setDraft((current) => (JSON.stringify(current) === JSON.stringify(before) ? stored : current));
  }, [finding.action, finding.responsiblePartnerId, finding.status, finding.meldingNumber]);

  const partners = config.partners.filter((partner) => !partner.hidden || partner.id === finding.responsiblePartnerId);
  const set = (patch: Partial<FollowUpDraft>) => setDraft((current) => ({ ...current, ...patch }));

  const submit = async (event: Event) => {
    event.preventDefault();
    if (isSaving) return;
    const { changes, entry } = followUpSaveOf(finding, draft);
    if (Object.keys(changes).length === 0 && entry === null) {
      setError(t('followUp.noteRequired'));
      return;
    }
    setError(null);
    setSaving(true);
    try {
      if (Object.keys(changes).length > 0) await store.schouw.updateFinding(finding.id, changes);
      if (entry) await store.schouw.setFindingStatus(finding.id, { to: entry.to, note: entry.note, by: me.userId });
      shown.current = { ...draft, note: '' };
      setDraft((current) => ({ ...current, note: '' }));
      announce(entry && entry.to !== finding.status ? t('followUp.changed', { status: findingLabel(t, 'findingStatus', entry.to) }) : t('followUp.saved'));
    } catch {
      setError(t('round.saveFailed'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form class="form status-change" onSubmit={(event) => void submit(event)} aria-labelledby="status-change-title" data-testid="status-change">
      <h3 id="status-change-title">{t('followUp.status')}</h3>
      <fieldset class="fieldset">
        <legend>{t('followUp.action')}</legend>
        <div class="checks">
          {FINDING_ACTIONS.map((action) => (
            <label key={action} class="check">
              <input type="radio" name="finding-action" value={action} checked={draft.action === action} onChange={() => set({ action })} />
              <span>{findingLabel(t, 'action', action)}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <div class="capture-step">
        <label for="finding-partner">{t('followUp.responsible')}</label>
        <select
          id="finding-partner"
          value={draft.responsiblePartnerId ?? ''}
          onChange={(event) => set({ responsiblePartnerId: event.currentTarget.value === '' ? null : event.currentTarget.value })}
        >
          <option value="">{t('followUp.noPartner')}</option>
          {partners.map((partner) => (
            <option key={partner.id} value={partner.id}>
              {partner.name}
            </option>
          ))}
        </select>
      </div>

      <fieldset class="fieldset">
        <legend>{t('followUp.statusTerm')}</legend>
        <p class="field-hint">{t('followUp.current', { status: findingLabel(t, 'findingStatus', finding.status) })}</p>
        <div class="checks">
          {FINDING_STATUSES.map((status) => (
            <label key={status} class="check">
              <input type="radio" name="finding-status" value={status} checked={draft.status === status} onChange={() => set({ status })} />
              <span>{findingLabel(t, 'findingStatus', status)}</span>
            </label>
          ))}
        </div>
        {draft.status !== 'new' && (
          <div class="capture-step status-melding">
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
              value={draft.meldingNumber}
              onInput={(event) => set({ meldingNumber: event.currentTarget.value })}
            />
          </div>
        )}
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
        value={draft.note}
        onInput={(event) => set({ note: event.currentTarget.value })}
      />
      {error && (
        <p class="field-error" id="status-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" class="button button-primary button-large button-block" disabled={isSaving}>
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
