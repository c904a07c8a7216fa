/**
 * The follow-up's rules apart from the screen: who made a history entry as
 * the person reads it ("jij" or "een collega": the app holds no names of
 * others), and whether a status change may be saved. Pure; tested in
 * tests/unit/app-schouw-follow-up.test.ts.
 */
import type { FindingStatus } from '../../domain/finding.ts';

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
