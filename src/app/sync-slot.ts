/**
 * Where the sync engine and its triggers arrive: main.tsx loads them right
 * after the first render (./start-sync.ts), so the first screen never waits
 * for the sync code. Until then the header reads the engine's initial status,
 * and "Nu synchroniseren" waits for the engine instead of failing.
 */
import type { SyncTriggers } from '../sync/triggers.ts';
import type { SyncEngine, SyncEngineStatus, SyncResult } from './ports.ts';

export type StartedSync = { engine: SyncEngine; triggers: SyncTriggers };

export type SyncSlot = Pick<SyncEngine, 'status' | 'subscribe'> & {
  /** Sync now inside the tab lock, once the engine is there; null when another tab is syncing. */
  syncNow(trigger?: string): Promise<SyncResult | null>;
  /** The running triggers, or null while they are still loading. */
  started(): SyncTriggers | null;
  attach(started: StartedSync): void;
  /** Stop the triggers for good (the device is being wiped); a sync under way finishes. */
  stop(): void;
  /** Loading the sync code failed: a waiting or later "sync now" rejects. */
  fail(error: unknown): void;
};

const INITIAL: SyncEngineStatus = { state: 'idle', lastSuccessAt: null, lastError: null, nextAttemptAt: null };

export function createSyncSlot(): SyncSlot {
  let current: StartedSync | null = null;
  let isStopped = false;
  let resolveReady: (started: StartedSync) => void = () => {};
  let rejectReady: (error: unknown) => void = () => {};
  const ready = new Promise<StartedSync>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  // A failure surfaces through syncNow; without a caller it must not be an unhandled rejection.
  ready.catch(() => {});
  const listeners = new Set<(status: SyncEngineStatus) => void>();

  return {
    status: () => current?.engine.status() ?? INITIAL,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    syncNow: (trigger = 'manual') => ready.then(({ triggers }) => triggers.syncNow(trigger)),
    started: () => current?.triggers ?? null,
    attach(started) {
      // Stopped before the sync code arrived (a wipe): it must never start.
      if (isStopped) {
        started.triggers();
        return;
      }
      current = started;
      started.engine.subscribe((status) => {
        for (const listener of listeners) listener(status);
      });
      resolveReady(started);
      for (const listener of listeners) listener(started.engine.status());
    },
    fail: (error) => rejectReady(error),
    stop() {
      isStopped = true;
      current?.triggers();
    },
  };
}
