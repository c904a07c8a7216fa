/**
 * What the app shows about syncing. The controller (./controller.ts) is its
 * only writer; the type and the starting value live apart from it so the
 * first screen can show a status before the controller's code has loaded.
 */
import type { Reason } from '../domain/errors.ts';

export type SyncStatus = {
  state: 'idle' | 'syncing' | 'offline' | 'error';
  lastSuccessAt: number | null;
  lastError: Reason | null;
  /** The server's id of the request that failed (a 500), for the person to quote as "foutcode". */
  lastErrorCode?: string;
  /** When the next attempt is due after failures (backoff); null when not backing off. */
  nextAttemptAt: number | null;
};

export const IDLE_SYNC_STATUS: SyncStatus = { state: 'idle', lastSuccessAt: null, lastError: null, nextAttemptAt: null };
