/**
 * The sync controller: the one place that decides when the engine runs, and
 * the status the app shows about it (src/sync/README.md, "Failure and
 * scheduling"). It owns
 * - single-flight: one run at a time; a trigger during a run gets the running
 *   promise, and one more run follows;
 * - the tab lock: one tab syncs at a time (Web Lock `buurtlog-sync`);
 * - the triggers: start, `online`, visible, the outbox (debounced), the
 *   server's poke while online (`pokes`, ./live.ts), a periodic timer (the
 *   fallback when no poke comes), the service worker's flush request,
 *   Background Sync, and the retry after failures with backoff and full jitter;
 * - the status: idle, syncing, offline or error, the last success, the next
 *   attempt.
 * The engine only runs once when asked (./engine.ts). A tap never waits for
 * any of this: the controller sees a change in the outbox after it committed,
 * and a sync only ever starts from a timer or an event.
 *
 * @example
 * const sync = createSyncController({ run: () => engine.run(), outbox: store, window, document, navigator });
 * sync.start();
 * sync.subscribe((status) => render(status));
 * await sync.syncNow(); // { ok: true, … } | { ok: false, reason } | null (another tab syncs)
 */
import { isAuthReason, type AuthReason } from './auth-reasons.ts';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.ts';
import type { SyncResult } from './engine.ts';
import type { PokeSource } from './live.ts';
import { createObservable, type Observable } from './observable.ts';
import { IDLE_SYNC_STATUS, type SyncStatus } from './status.ts';

type Listen = { addEventListener(type: string, listener: () => void): void; removeEventListener(type: string, listener: () => void): void };
type MessageListener = (event: { data: unknown }) => void;
type LockManagerLike = {
  request<T>(name: string, options: { ifAvailable: boolean }, callback: (lock: unknown) => Promise<T>): Promise<T>;
};
type ServiceWorkerContainerLike = {
  addEventListener?(type: 'message', listener: MessageListener): void;
  removeEventListener?(type: 'message', listener: MessageListener): void;
  getRegistration(): Promise<{ sync?: { register(tag: string): Promise<void> } } | undefined>;
};

/** The outbox as the controller watches it: the store, or anything with its `observe` and `pendingCount`. */
export type WatchedOutbox = {
  pendingCount(): Promise<number>;
  observe<T>(query: (outbox: WatchedOutbox) => Promise<T>, onValue: (value: T) => void): () => void;
};

export type SyncControllerOptions = {
  /**
   * One sync: push, photos, pull (the engine's `run`). `trigger` names why it
   * runs ('start', 'online', 'change' …); it does not change what a run does.
   * A rejection counts as `{ ok: false, reason: 'internal' }`.
   */
  run(trigger: string): Promise<SyncResult>;
  /** Every committed change while it holds pending entries asks for a sync soon. */
  outbox: WatchedOutbox;
  /**
   * A run ended on a 401: 'session-expired' or 'unauthenticated' → sign in
   * again, local data kept; 'device-revoked' → the app wipes the device.
   * Called after the run, so nothing of it still writes to the store; no
   * follow-up run starts after it.
   */
  onAuthProblem?: (reason: AuthReason) => void;
  window?: Listen;
  document?: Listen & { visibilityState?: string };
  navigator?: { onLine?: boolean; locks?: LockManagerLike; serviceWorker?: ServiceWorkerContainerLike };
  now?: () => number;
  random?: () => number;
  setTimeout?: (callback: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
  periodicMs?: number;
  afterChangeMs?: number;
  /** A stream of changes (a tap session at the door) still syncs at least this often. */
  maxChangeWaitMs?: number;
  backoff?: BackoffPolicy;
  /** Where the status goes: given by the app when the header shows it before this code loads. */
  status?: Observable<SyncStatus>;
  /**
   * The server's "something changed for you" (the live stream, ./live.ts):
   * each poke syncs at once (single-flight like every trigger). Started and
   * stopped with the controller.
   */
  pokes?: PokeSource;
};

export type SyncController = {
  status(): SyncStatus;
  subscribe(listener: (status: SyncStatus) => void): () => void;
  /**
   * Sync now (the user asked, a new sign-in), inside the tab lock. Resolves to
   * null when another tab is syncing, the browser is offline (the controller
   * waits for `online`) or the controller was stopped. Never rejects.
   */
  syncNow(trigger?: string): Promise<SyncResult | null>;
  /** Begin: a first sync, then the triggers. Syncing now works before it too. */
  start(): void;
  /** For good (the device is being wiped): no run starts any more; one under way finishes. */
  stop(): void;
};

export const SYNC_LOCK = 'buurtlog-sync';
/**
 * A change is pushed this long after the last one (debounced, at most
 * maxChangeWaitMs after the first): a burst of taps at the door goes in one
 * push, and a single tap reaches an online colleague within the 2 s of
 * issue 13 (push, poke, their pull).
 */
export const AFTER_CHANGE_MS = 500;
export const BACKGROUND_SYNC_TAG = 'buurtlog-flush';
/** The service worker's message to open tabs when Background Sync fires: the tab syncs (src/sw/background-sync.ts). */
export const FLUSH = 'FLUSH';

export function createSyncController(options: SyncControllerOptions): SyncController {
  const { run: runEngine, outbox, onAuthProblem, window: win, document: doc, navigator: nav } = options;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const setTimer = options.setTimeout ?? ((callback: () => void, ms: number) => globalThis.setTimeout(callback, ms));
  const clearTimer = options.clearTimeout ?? ((handle: unknown) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>));
  const periodicMs = options.periodicMs ?? 60_000;
  const afterChangeMs = options.afterChangeMs ?? AFTER_CHANGE_MS;
  const maxChangeWaitMs = options.maxChangeWaitMs ?? 10_000;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;

  const status = options.status ?? createObservable(IDLE_SYNC_STATUS);
  const setStatus = (next: Partial<SyncStatus>): void => {
    const { lastErrorCode: _stale, ...current } = status.current();
    // A foutcode belongs to its error: a new outcome (success or another error) drops the old one.
    status.set('lastError' in next ? { ...current, ...next } : { ...status.current(), ...next });
  };
  let phase: 'new' | 'started' | 'stopped' = 'new';
  /** Failed runs in a row: the backoff grows with them. */
  let failures = 0;
  let active: Promise<SyncResult | null> | null = null;
  let again = false;
  let nextTimer: unknown = null;
  let changeTimer: unknown = null;
  /** When the oldest change not yet taken by a sync was made. */
  let firstChangeAt: number | null = null;
  let unwatch = (): void => {};

  const isHidden = () => doc?.visibilityState === 'hidden';

  /** One run of the engine, and what it means for the status and the backoff. */
  const runOnce = async (trigger: string): Promise<SyncResult> => {
    setStatus({ state: 'syncing' });
    const result: SyncResult = await runEngine(trigger).catch(() => ({ ok: false, reason: 'internal' }) as const);
    if (result.ok) {
      failures = 0;
      setStatus({ state: 'idle', lastSuccessAt: now(), lastError: null, nextAttemptAt: null });
    } else {
      failures++;
      // A 429 names when to come back (Retry-After): never sooner than that, the outbox keeps everything meanwhile.
      const nextAttemptAt = now() + Math.max(backoffDelay(failures, random, backoff), result.retryAfterMs ?? 0);
      setStatus({
        state: result.reason === 'network' ? 'offline' : 'error',
        lastError: result.reason,
        nextAttemptAt,
        ...(result.errorCode ? { lastErrorCode: result.errorCode } : {}),
      });
    }
    return result;
  };

  /** One tab at a time: another tab holding the lock is already syncing the same database. */
  const locked = (trigger: string): Promise<SyncResult | null> => {
    if (!nav?.locks) return runOnce(trigger);
    return nav.locks.request(SYNC_LOCK, { ifAvailable: true }, (lock) => (lock ? runOnce(trigger) : Promise.resolve(null)));
  };

  /** The next periodic sync, or the retry after a failure, whichever the status says. Only once started. */
  const scheduleNext = (): void => {
    if (phase !== 'started') return;
    if (nextTimer !== null) clearTimer(nextTimer);
    const retryAt = status.current().nextAttemptAt;
    const at = retryAt ?? now() + periodicMs;
    nextTimer = setTimer(
      () => {
        nextTimer = null;
        // While hidden, periodic syncs rest; becoming visible syncs at once.
        if (isHidden()) scheduleNext();
        else void run(retryAt === null ? 'periodic' : 'retry');
      },
      Math.max(0, at - now()),
    );
  };

  const run = (trigger: string): Promise<SyncResult | null> => {
    if (phase === 'stopped') return Promise.resolve(null);
    if (active) {
      again = true;
      return active;
    }
    if (nav?.onLine === false) {
      // Certainly offline: wait for `online` (or the next timer) instead.
      scheduleNext();
      return Promise.resolve(null);
    }
    // This run takes every change committed so far.
    if (changeTimer !== null) clearTimer(changeTimer);
    changeTimer = null;
    firstChangeAt = null;
    const started = locked(trigger)
      .catch(() => null)
      .then((result) => {
        active = null;
        const isAuthProblem = result !== null && !result.ok && isAuthReason(result.reason);
        if (isAuthProblem) {
          try {
            onAuthProblem?.(result.reason as AuthReason);
          } catch {
            // The app's handler must not turn a sync into an exception.
          }
        }
        // After a 401 another run would only meet it again: the app acts first (sign in, wipe).
        const followUp = again && !isAuthProblem && phase !== 'stopped';
        again = false;
        if (followUp) void run('follow-up');
        else scheduleNext();
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

  /** Something waits in the outbox: sync shortly, debounced, but not before the backoff allows. */
  const syncSoon = (): void => {
    if (phase !== 'started') return;
    // Background Sync is for a change that cannot be sent now: the browser
    // wakes us when the device is back online. Asked for while online it fires
    // at once and turns every tap into a sync of its own (bench: 199 pushes
    // for 200 taps), defeating the debounce below.
    const { state, nextAttemptAt } = status.current();
    if (nav?.onLine === false || state === 'offline' || state === 'error') registerBackgroundSync();
    if (changeTimer !== null) clearTimer(changeTimer);
    changeTimer = null;
    // After a failure the backoff decides, not every tap: the retry timer
    // is already set and will take this change along.
    if (nextAttemptAt !== null && nextAttemptAt > now() + afterChangeMs) return;
    firstChangeAt ??= now();
    // Debounced, but never pushed back past maxChangeWaitMs after the first change.
    const delay = Math.max(0, Math.min(afterChangeMs, firstChangeAt + maxChangeWaitMs - now()));
    changeTimer = setTimer(() => {
      changeTimer = null;
      void run('change');
    }, delay);
  };

  /**
   * The outbox, watched directly: the store answers again after every
   * committed change (this tab or another). A local write always leaves a
   * pending entry, so "something changed and something is pending" covers
   * every tap; the first answer is what was there at start ('start' syncs it).
   */
  let isFirstAnswer = true;
  const onOutbox = (pending: number): void => {
    if (isFirstAnswer) isFirstAnswer = false;
    else if (pending > 0) syncSoon();
  };

  const onOnline = (): void => {
    failures = 0;
    if (status.current().nextAttemptAt !== null) setStatus({ nextAttemptAt: null });
    void run('online');
  };
  const onVisibility = (): void => {
    if (doc?.visibilityState === 'visible') void run('visible');
  };
  const onServiceWorkerMessage: MessageListener = (event) => {
    const data = event.data;
    if (typeof data === 'object' && data !== null && 'type' in data && data.type === FLUSH) void run('background-sync');
  };

  return {
    status: () => status.current(),
    subscribe: (listener) => status.subscribe(listener),
    syncNow: (trigger = 'manual') => run(trigger),
    start() {
      if (phase !== 'new') return;
      phase = 'started';
      win?.addEventListener('online', onOnline);
      doc?.addEventListener('visibilitychange', onVisibility);
      nav?.serviceWorker?.addEventListener?.('message', onServiceWorkerMessage);
      unwatch = outbox.observe((o) => o.pendingCount(), onOutbox);
      void run('start');
      options.pokes?.start((trigger) => void run(trigger));
    },
    stop() {
      const wasStarted = phase === 'started';
      phase = 'stopped';
      if (!wasStarted) return;
      win?.removeEventListener('online', onOnline);
      doc?.removeEventListener('visibilitychange', onVisibility);
      nav?.serviceWorker?.removeEventListener?.('message', onServiceWorkerMessage);
      options.pokes?.stop();
      unwatch();
      if (nextTimer !== null) clearTimer(nextTimer);
      if (changeTimer !== null) clearTimer(changeTimer);
      nextTimer = changeTimer = null;
    },
  };
}
