/**
 * When to sync (DESIGN.md "When"): on start, on `online`, on becoming
 * visible, shortly after each local change, periodically while open, and
 * after failures with backoff. One tab syncs at a time (Web Locks); Background
 * Sync is asked for as an extra trigger where the browser has it.
 *
 * A tap never waits for any of this: local changes are seen through the
 * store after they commit, and a sync only ever starts from a timer or event.
 *
 * @example
 * const stop = startSyncTriggers(engine, { window, document, navigator });
 * // later: stop();
 */
import type { SyncEngine, SyncResult } from './engine.ts';

type Listen = { addEventListener(type: string, listener: () => void): void; removeEventListener(type: string, listener: () => void): void };
type LockManagerLike = {
  request<T>(name: string, options: { ifAvailable: boolean }, callback: (lock: unknown) => Promise<T>): Promise<T>;
};
type ServiceWorkerContainerLike = {
  getRegistration(): Promise<{ sync?: { register(tag: string): Promise<void> } } | undefined>;
};

export type TriggerOptions = {
  window?: Listen;
  document?: Listen & { visibilityState?: string };
  navigator?: { onLine?: boolean; locks?: LockManagerLike; serviceWorker?: ServiceWorkerContainerLike };
  now?: () => number;
  setTimeout?: (callback: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
  periodicMs?: number;
  afterChangeMs?: number;
  /** A stream of changes (a tap session at the door) still syncs at least this often. */
  maxChangeWaitMs?: number;
};

export type SyncTriggers = (() => void) & {
  /** Sync shortly (debounced), as after a local change; the store already reports its own changes. */
  notifyChange(): void;
  /** Sync now (the user asked), inside the tab lock; null when another tab is syncing. */
  syncNow(trigger?: string): Promise<SyncResult | null>;
};

export const SYNC_LOCK = 'buurtlog-sync';
export const BACKGROUND_SYNC_TAG = 'buurtlog-flush';

export function startSyncTriggers(engine: SyncEngine, options: TriggerOptions = {}): SyncTriggers {
  const { window: win, document: doc, navigator: nav } = options;
  const now = options.now ?? Date.now;
  const setTimer = options.setTimeout ?? ((callback: () => void, ms: number) => globalThis.setTimeout(callback, ms));
  const clearTimer = options.clearTimeout ?? ((handle: unknown) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>));
  const periodicMs = options.periodicMs ?? 60_000;
  const afterChangeMs = options.afterChangeMs ?? 1_500;
  const maxChangeWaitMs = options.maxChangeWaitMs ?? 10_000;

  let stopped = false;
  let nextTimer: unknown = null;
  let changeTimer: unknown = null;
  /** When the oldest change not yet taken by a sync was made. */
  let firstChangeAt: number | null = null;
  let active: Promise<SyncResult | null> | null = null;
  let again = false;

  const isHidden = () => doc?.visibilityState === 'hidden';

  /** The next periodic sync, or the retry after a failure, whichever the engine's status says. */
  const scheduleNext = (): void => {
    if (stopped) return;
    if (nextTimer !== null) clearTimer(nextTimer);
    const retryAt = engine.status().nextAttemptAt;
    const at = retryAt ?? now() + periodicMs;
    nextTimer = setTimer(() => {
      nextTimer = null;
      // While hidden, periodic syncs rest; becoming visible syncs at once.
      if (isHidden()) scheduleNext();
      else void run(retryAt === null ? 'periodic' : 'retry');
    }, Math.max(0, at - now()));
  };

  /** One tab at a time: another tab holding the lock is already syncing the same database. */
  const locked = (trigger: string): Promise<SyncResult | null> => {
    if (!nav?.locks) return engine.sync(trigger);
    return nav.locks.request(SYNC_LOCK, { ifAvailable: true }, (lock) => (lock ? engine.sync(trigger) : Promise.resolve(null)));
  };

  const run = (trigger: string): Promise<SyncResult | null> => {
    if (stopped) return Promise.resolve(null);
    if (active) {
      again = true;
      return active;
    }
    if (nav?.onLine === false) {
      // Certainly offline: wait for `online` (or the next timer) instead.
      scheduleNext();
      return Promise.resolve(null);
    }
    // This sync takes every change committed so far.
    if (changeTimer !== null) clearTimer(changeTimer);
    changeTimer = null;
    firstChangeAt = null;
    const started = locked(trigger)
      .catch(() => null)
      .then((result) => {
        active = null;
        if (again && !stopped) {
          again = false;
          void run('follow-up');
        } else {
          scheduleNext();
        }
        return result;
      });
    active = started;
    return started;
  };

  const registerBackgroundSync = (): void => {
    nav?.serviceWorker
      ?.getRegistration()
      .then((registration) => registration?.sync?.register(BACKGROUND_SYNC_TAG))
      .catch(() => undefined);
  };

  const notifyChange = (): void => {
    if (stopped) return;
    // Background Sync is for a change that cannot be sent now: the browser
    // wakes us when the device is back online. Asked for while online it fires
    // at once and turns every tap into a sync of its own (bench: 199 pushes
    // for 200 taps), defeating the debounce below.
    const state = engine.status().state;
    if (nav?.onLine === false || state === 'offline' || state === 'error') registerBackgroundSync();
    if (changeTimer !== null) clearTimer(changeTimer);
    changeTimer = null;
    // After a failure the backoff decides, not every tap: the retry timer
    // is already set and will take this change along.
    const retryAt = engine.status().nextAttemptAt;
    if (retryAt !== null && retryAt > now() + afterChangeMs) return;
    firstChangeAt ??= now();
    // Debounced, but never pushed back past maxChangeWaitMs after the first change.
    const delay = Math.max(0, Math.min(afterChangeMs, firstChangeAt + maxChangeWaitMs - now()));
    changeTimer = setTimer(() => {
      changeTimer = null;
      void run('change');
    }, delay);
  };

  const onOnline = (): void => {
    engine.resetBackoff();
    void run('online');
  };
  const onVisibility = (): void => {
    if (doc?.visibilityState === 'visible') void run('visible');
  };

  win?.addEventListener('online', onOnline);
  doc?.addEventListener('visibilitychange', onVisibility);
  const unwatch = engine.watchLocalChanges(notifyChange);
  void run('start');

  const stop = (): void => {
    stopped = true;
    win?.removeEventListener('online', onOnline);
    doc?.removeEventListener('visibilitychange', onVisibility);
    unwatch();
    if (nextTimer !== null) clearTimer(nextTimer);
    if (changeTimer !== null) clearTimer(changeTimer);
    nextTimer = changeTimer = null;
  };
  return Object.assign(stop, { notifyChange, syncNow: (trigger = 'manual') => run(trigger) });
}
