/** The words of the global sync status, as a pure function (tests/unit/app-sync-status.test.tsx). */
import { formatRelative } from '../format.ts';
import { reasonText } from '../i18n/reasons.ts';
import { plural, type Lang, type T } from '../i18n/translate.ts';
import type { SyncControllerStatus } from '../ports.ts';
import type { SyncSummary } from '../../store/outbox-store.ts';

/**
 * What the header's one short status says: all sent, some only here, busy,
 * the phone has no network, the server does not answer, or it failed.
 */
export type SyncTone = 'sent' | 'unsent' | 'syncing' | 'offline' | 'unreachable' | 'error';

export type SyncStatusText = {
  tone: SyncTone;
  /** Two or three words for the fixed-size button in the header ("Alles verstuurd", "Geen verbinding"). */
  short: string;
  state: string;
  /** "3 wijzigingen alleen op dit toestel" or "Alles is verstuurd". */
  pending: string;
  rejected: string | null;
  last: string;
  /** What the state means for the person's work, or why the last attempt failed; never a repeat of `state`. */
  problem: string | null;
  hasUnsent: boolean;
  /** Busy, offline, unreachable or failed: the state is worth a line of its own (all sent or waiting says it in `pending`). */
  isTrouble: boolean;
};

/** The browser's word on the network, and since when it has said "offline" (null: it says online). */
export type Network = { online: boolean; offlineSince: number | null };

export function syncStatusText(
  t: T,
  lang: Lang,
  status: SyncControllerStatus,
  summary: SyncSummary | undefined,
  now: number,
  network: boolean | Network = true,
): SyncStatusText {
  const pending = summary?.pending ?? 0;
  const rejected = summary?.rejected.length ?? 0;
  const lastAt = Math.max(summary?.lastSyncAt ?? 0, status.lastSuccessAt ?? 0);
  const tone = toneOf(status, typeof network === 'boolean' ? { online: network, offlineSince: null } : network, pending + rejected);
  return {
    tone,
    short: tone === 'unsent' ? t('sync.short.unsent', { count: pending + rejected }) : t(`sync.short.${tone}`),
    state: t(`sync.state.${tone === 'sent' || tone === 'unsent' ? 'idle' : tone}`),
    pending: pending > 0 ? plural(t, 'sync.pending', pending) : t('sync.pending.none'),
    rejected: rejected > 0 ? plural(t, 'sync.rejected', rejected) : null,
    last: lastAt > 0 ? t('sync.lastSync', { when: formatRelative(lang, t, lastAt, now) }) : t('sync.neverSynced'),
    problem: problemOf(t, tone, status),
    hasUnsent: pending > 0 || rejected > 0,
    isTrouble: tone !== 'sent' && tone !== 'unsent',
  };
}

function toneOf(status: SyncControllerStatus, network: Network, unsent: number): SyncTone {
  if (status.state === 'syncing') return 'syncing';
  // The engine does not even try while the browser knows it is offline, so
  // its state would still say "ready"; the browser's word wins then, unless a
  // request succeeded after the browser said so: that is proof of a connection.
  const provenOnline = status.lastSuccessAt !== null && network.offlineSince !== null && status.lastSuccessAt > network.offlineSince;
  if (!network.online && !provenOnline) return 'offline';
  // Online, yet the request did not get through: the server does not answer.
  if (status.state === 'offline' || (status.state === 'error' && status.lastError === 'server-unavailable')) return 'unreachable';
  if (status.state === 'error') return 'error';
  return unsent > 0 ? 'unsent' : 'sent';
}

function problemOf(t: T, tone: SyncTone, status: SyncControllerStatus): string | null {
  if (tone === 'offline') return t('sync.problem.offline');
  if (tone === 'unreachable') return t('sync.problem.unreachable');
  if (tone === 'error' && status.lastError) {
    const text = reasonText(status.lastError, t);
    return status.lastErrorCode ? `${text} ${t('sync.problem.code', { code: status.lastErrorCode })}` : text;
  }
  return null;
}
