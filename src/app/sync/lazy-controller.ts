/**
 * The sync controller as the app holds it from the first render, while its
 * code (with the engine, ./start-sync.ts) loads right after: the header
 * reads the status the controller will write (injected, so there is nothing
 * to forward), "Nu synchroniseren" waits for the code instead of failing, and
 * a stop that comes first (a wipe) keeps it from ever starting. Everything
 * else is the controller's own (src/sync/controller.ts).
 */
import type { SyncController } from '../../sync/controller.ts';
import { createObservable, type Observable } from '../../sync/observable.ts';
import { IDLE_SYNC_STATUS, type SyncStatus } from '../../sync/status.ts';

/** `load` makes the controller, writing its status into `status`; it is called once, on `start` or the first `syncNow`. */
export function lazyController(load: (status: Observable<SyncStatus>) => Promise<SyncController>): SyncController {
  const status = createObservable(IDLE_SYNC_STATUS);
  let phase: 'new' | 'started' | 'stopped' = 'new';
  let loading: Promise<SyncController> | null = null;
  const controller = (): Promise<SyncController> =>
    (loading ??= load(status).catch((error: unknown) => {
      console.error('Buurtlog could not start syncing', error);
      // The next "sync now" tries to load the code again.
      loading = null;
      throw error;
    }));

  return {
    status: () => status.current(),
    subscribe: (listener) => status.subscribe(listener),
    syncNow: (trigger = 'manual') =>
      phase === 'stopped'
        ? Promise.resolve(null)
        : controller().then(
            (loaded) => loaded.syncNow(trigger),
            () => ({ ok: false, reason: 'internal' }) as const,
          ),
    start() {
      if (phase !== 'new') return;
      phase = 'started';
      // Stopped before the code arrived (a wipe): it must never start.
      void controller().then(
        (loaded) => phase === 'started' && loaded.start(),
        () => undefined,
      );
    },
    stop() {
      phase = 'stopped';
      void loading?.then(
        (loaded) => loaded.stop(),
        () => undefined,
      );
    },
  };
}
