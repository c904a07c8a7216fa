/** The words of the global sync status, as a pure function (tests/unit/app-sync-status.test.ts). */
import { formatRelative } from '../format.ts';
import { reasonText } from '../i18n/reasons.ts';
import { plural, type Lang, type T } from '../i18n/translate.ts';
import type { SyncControllerStatus } from '../ports.ts';
import type { SyncSummary } from '../../store/outbox-store.ts';

export type SyncStatusText = {
  state: string;
  /** "3 wijzigingen alleen op dit toestel" or "Alles is verstuurd". */
  pending: string;
  rejected: string | null;
  last: string;
  /** Why the last attempt failed, when it did. */
  problem: string | null;
  hasUnsent: boolean;
};

export function syncStatusText(t: T, lang: Lang, status: SyncControllerStatus, summary: SyncSummary | undefined, now: number, isOnline = true): SyncStatusText {
  const pending = summary?.pending ?? 0;
  const rejected = summary?.rejected.length ?? 0;
  const lastAt = Math.max(summary?.lastSyncAt ?? 0, status.lastSuccessAt ?? 0);
  return {
    // The controller does not even try while the browser knows it is offline, so
    // its state would still say "ready"; the browser's word wins then.
    state: t(`sync.state.${!isOnline && status.state !== 'syncing' ? 'offline' : status.state}`),
    pending: pending > 0 ? plural(t, 'sync.pending', pending) : t('sync.pending.none'),
    rejected: rejected > 0 ? plural(t, 'sync.rejected', rejected) : null,
    last: lastAt > 0 ? t('sync.lastSync', { when: formatRelative(lang, t, lastAt, now) }) : t('sync.neverSynced'),
    problem: (status.state === 'error' || status.state === 'offline') && status.lastError ? reasonText(status.lastError, t) : null,
    hasUnsent: pending > 0 || rejected > 0,
  };
}
