/**
 * The follow-up's rules apart from the screen: who made a history entry as
 * the person reads it ("jij" or "een collega": the app holds no names of
 * others), and whether a status change may be saved. Pure; tested in
 * tests/unit/app-schouw-follow-up.test.ts.
 */
import type { FindingAction, FindingStatus } from '../../domain/finding.ts';
import { meldingStatusFor } from '../../domain/follow-up.ts';
import type { FindingChanges, FindingView } from '../../store/schouw-store.ts';

export type Who = 'you' | 'colleague';

export function whoOf(by: string, meUserId: string): Who {
  return by === meUserId ? 'you' : 'colleague';
}

/** A status change needs a new status, or — keeping the status — a note that says something (as the store demands). */
export function isStatusChangeValid(from: FindingStatus, to: FindingStatus, note: string): boolean {
  return from !== to || note.trim() !== '';
}

/** The melding number as stored: trimmed, null when empty. */
export function meldingNumberOf(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

/** What the one follow-up form holds until "Opvolging opslaan". */
export type FollowUpDraft = {
  readonly action: FindingAction | null;
  readonly responsiblePartnerId: string | null;
  readonly status: FindingStatus;
  /** As typed; stored trimmed (meldingNumberOf). Belongs to the "gemeld" step and after. */
  readonly meldingNumber: string;
  readonly note: string;
};

export function followUpDraftOf(finding: FindingView): FollowUpDraft {
  return {
    action: finding.action,
    responsiblePartnerId: finding.responsiblePartnerId,
    status: finding.status,
    meldingNumber: finding.meldingNumber ?? '',
    note: '',
  };
}

/** Whether the draft differs from the stored finding (unsaved work). */
export function isFollowUpDirty(finding: FindingView, draft: FollowUpDraft): boolean {
  const stored = followUpDraftOf(finding);
  return (
    draft.action !== stored.action ||
    draft.responsiblePartnerId !== stored.responsiblePartnerId ||
    draft.status !== stored.status ||
    meldingNumberOf(draft.meldingNumber) !== finding.meldingNumber ||
    draft.note.trim() !== ''
  );
}

/**
 * One save of the form: the finding's fields that changed (the melding
 * status follows the status, domain/follow-up.ts), and a history entry when
 * the status changed or a note was written. Null entry: nothing for the history.
 */
export function followUpSaveOf(finding: FindingView, draft: FollowUpDraft): { changes: FindingChanges; entry: { to: FindingStatus; note: string } | null } {
  const changes: { -readonly [K in keyof FindingChanges]: FindingChanges[K] } = {};
  if (draft.action !== finding.action) changes.action = draft.action;
  if (draft.responsiblePartnerId !== finding.responsiblePartnerId) changes.responsiblePartnerId = draft.responsiblePartnerId;
  const meldingNumber = draft.status === 'new' ? finding.meldingNumber : meldingNumberOf(draft.meldingNumber);
  if (meldingNumber !== finding.meldingNumber) changes.meldingNumber = meldingNumber;
  const meldingStatus = meldingStatusFor(draft.status);
  if (meldingStatus !== finding.meldingStatus) changes.meldingStatus = meldingStatus;
  const note = draft.note.trim();
  const entry = isStatusChangeValid(finding.status, draft.status, note) ? { to: draft.status, note } : null;
  return { changes, entry };
}
