/** The words for a failed account call: no connection reads as "this needs the internet", the rest by reason. */
import { SyncFailure } from '../../sync/http.ts';
import { reasonText } from '../i18n/reasons.ts';
import type { AccountKey } from '../account/nl.ts';
import type { AccountT } from '../account/pack.ts';

export function problemText(error: unknown, t: AccountT, offlineKey: AccountKey = 'online.needed'): string {
  const reason = error instanceof SyncFailure ? error.reason : 'internal';
  return reason === 'network' ? t(offlineKey) : reasonText(reason, t);
}

export function issuesOf(error: unknown): ReadonlyArray<{ path: string; message: string }> {
  return error instanceof SyncFailure ? error.issues : [];
}
