import { describe, expect, it, vi } from 'vitest';
import { BACKGROUND_SYNC_TAG, createSyncController, FLUSH, SYNC_LOCK, type SyncControllerOptions, type WatchedOutbox } from '../../src/sync/controller.ts';
import type { SyncResult } from '../../src/sync/engine.ts';
import type { SyncStatus } from '../../src/sync/status.ts';

/** Timers that run only when the test moves time on. */
function fakeTime() {
  let time = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; run: () => void }>();
  return {
    now: () => time,
    setTimeout: (run: () => void, ms: number) => {
      const id = nextId++;
      timers.set(id, { at: time + ms, run });
      return id;
    },
    clearTimeout: (id: unknown) => void timers.delete(id as number),
    pending: () => timers.size,
    async advance(ms: number) {
      const until = time + ms;
      for (;;) {
        const due = [...timers].filter(([, t]) => t.at <= until).sort(([, a], [, b]) => a.at - b.at)[0];
        if (!due) break;
        timers.delete(due[0]);
        time = due[1].at;
        due[1].run();
        await settle();
      }
      time = until;
      await settle();
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** An engine that answers from a list (then `ok`), and records why it ran. */
function fakeEngine(results: SyncResult[] = []) {
  const calls: string[] = [];
  const run = async (trigger: string): Promise<SyncResult> => {
    calls.push(trigger);
    return results.shift() ?? { ok: true, pushed: 0, pulled: 0 };
  };
  return { run, calls };
}

/**
 * An outbox that answers like the store's live query: once when watched, then
 * after every committed change; `localChange` commits one more pending entry.
 */
function fakeOutbox() {
  let pending = 0;
  const listeners = new Set<() => void>();
  const outbox: WatchedOutbox = {
    pendingCount: async () => pending,
    observe(query, onValue) {
      const answer = () => void query(outbox).then(onValue);
      listeners.add(answer);
      answer();
      return () => listeners.delete(answer);
    },
  };
  const commit = () => listeners.forEach((answer) => answer());
  return {
    outbox,
    localChange: () => {
      pending++;
      commit();
    },
    /** The engine's own write: the server acknowledged everything. */
    acknowledged: () => {
      pending = 0;
      commit();
    },
  };
}

function environment(overrides: Partial<SyncControllerOptions> = {}) {
  const time = fakeTime();
  const window = new EventTarget();
  const document = Object.assign(new EventTarget(), { visibilityState: 'visible' });
  const engine = fakeEngine();
  const { outbox, localChange, acknowledged } = fakeOutbox();
  const options: SyncControllerOptions = {
    run: engine.run,
    outbox,
    window,
    document,
    navigator: {},
    now: time.now,
    setTimeout: time.setTimeout,
    clearTimeout: time.clearTimeout,
    random: () => 1,
    ...overrides,
  };
  return { time, window, document, options, calls: engine.calls, localChange, acknowledged };
}

function started(overrides: Partial<SyncControllerOptions> = {}) {
  const env = environment(overrides);
  const controller = createSyncController(env.options);
  controller.start();
  return { ...env, controller };
}

describe('the sync controller: when to sync', () => {
  it('syncs on start, then periodically', async () => {
    const { time, calls } = started({ periodicMs: 60_000 });
    await settle();
    expect(calls).toEqual(['start']);
    await time.advance(59_000);
    expect(calls).toEqual(['start']);
    await time.advance(1_000);
    expect(calls).toEqual(['start', 'periodic']);
  });

  it('syncs once, shortly after a burst of local changes', async () => {
    const { time, calls, localChange } = started({ afterChangeMs: 1_500 });
    await settle();
    for (let i = 0; i < 5; i++) {
      localChange();
      await time.advance(500);
    }
    expect(calls).toEqual(['start']);
    await time.advance(1_500);
    expect(calls).toEqual(['start', 'change']);
  });

  it('does not sync for a change that leaves nothing to send (the engine’s own acknowledgement)', async () => {
    const { time, calls, acknowledged } = started({ periodicMs: 600_000 });
    await settle();
    acknowledged();
    await time.advance(10_000);
    expect(calls).toEqual(['start']);
  });

  it('syncs when the page becomes visible, not when it is hidden', async () => {
    const { document, calls } = started();
    await settle();
    document.visibilityState = 'hidden';
    document.dispatchEvent(new Event('visibilitychange'));
    document.visibilityState = 'visible';
    document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(calls).toEqual(['start', 'visible']);
  });

  it('backs off after a failure, lets changes wait for it, and starts afresh when back online', async () => {
    const engine = fakeEngine([
      { ok: false, reason: 'network' },
      { ok: false, reason: 'network' },
      { ok: false, reason: 'network' },
    ]);
    // random 1: the full ceiling of 30 s, then 60 s.
    const { time, window, controller, localChange } = started({ run: engine.run, afterChangeMs: 1_500, backoff: { baseMs: 30_000, capMs: 600_000 } });
    await settle();
    expect(controller.status()).toMatchObject({ state: 'offline', lastError: 'network', nextAttemptAt: 30_000 });
    localChange();
    await time.advance(20_000);
    expect(engine.calls).toEqual(['start']);
    await time.advance(10_000);
    expect(engine.calls).toEqual(['start', 'retry']);
    expect(controller.status().nextAttemptAt).toBe(30_000 + 60_000);

    window.dispatchEvent(new Event('online'));
    await settle();
    expect(engine.calls).toEqual(['start', 'retry', 'online']);
    // The count of failures began again: 30 s, not 120 s.
    expect(controller.status().nextAttemptAt).toBe(30_000 + 30_000);
  });

  it('skips a sync while another tab holds the lock', async () => {
    const requested: string[] = [];
    const locks = {
      request: <T>(name: string, options: { ifAvailable: boolean }, callback: (lock: unknown) => Promise<T>) => {
        requested.push(`${name} ${options.ifAvailable}`);
        return callback(null);
      },
    };
    const { calls, controller } = started({ navigator: { locks } });
    await settle();
    expect(requested).toEqual([`${SYNC_LOCK} true`]);
    expect(calls).toEqual([]);
    expect(controller.status().state).toBe('idle');
  });

  it('asks for Background Sync after a local change made offline', async () => {
    const tags: string[] = [];
    const serviceWorker = { getRegistration: async () => ({ sync: { register: async (tag: string) => void tags.push(tag) } }) };
    const { localChange } = started({ navigator: { onLine: false, serviceWorker } });
    localChange();
    await settle();
    expect(tags).toEqual([BACKGROUND_SYNC_TAG]);
  });

  it('does not ask for Background Sync while a change can be sent now (it would fire at once, a sync per tap)', async () => {
    const tags: string[] = [];
    const serviceWorker = { getRegistration: async () => ({ sync: { register: async (tag: string) => void tags.push(tag) } }) };
    const { localChange } = started({ navigator: { onLine: true, serviceWorker } });
    await settle();
    localChange();
    localChange();
    await settle();
    expect(tags).toEqual([]);
  });

  it('syncs when the service worker asks (Background Sync fired while this tab is open)', async () => {
    const serviceWorker = Object.assign(new EventTarget(), { getRegistration: async () => undefined });
    const { calls, controller } = started({
      navigator: { serviceWorker: serviceWorker as unknown as NonNullable<SyncControllerOptions['navigator']>['serviceWorker'] },
    });
    await settle();
    serviceWorker.dispatchEvent(new MessageEvent('message', { data: { type: 'SKIP_WAITING' } }));
    serviceWorker.dispatchEvent(new MessageEvent('message', { data: { type: FLUSH } }));
    await settle();
    expect(calls).toEqual(['start', 'background-sync']);
    controller.stop();
    serviceWorker.dispatchEvent(new MessageEvent('message', { data: { type: FLUSH } }));
    await settle();
    expect(calls).toEqual(['start', 'background-sync']);
  });

  it('syncs a stream of changes at least every ten seconds, not only when it stops', async () => {
    const { time, calls, localChange } = started({ periodicMs: 600_000 });
    await settle();
    calls.length = 0;
    for (let i = 0; i < 120; i++) {
      localChange();
      await time.advance(100);
    }
    expect(calls.filter((c) => c === 'change').length).toBeGreaterThanOrEqual(1);
  });

  it('waits for `online` while the browser says it is offline', async () => {
    const navigator = { onLine: false };
    const { window, calls } = started({ navigator });
    await settle();
    expect(calls).toEqual([]);
    navigator.onLine = true;
    window.dispatchEvent(new Event('online'));
    await settle();
    expect(calls).toEqual(['online']);
  });

  it('stops listening and clears its timers', async () => {
    const { time, window, calls, localChange, controller } = started();
    await settle();
    controller.stop();
    localChange();
    window.dispatchEvent(new Event('online'));
    await time.advance(10 * 60_000);
    expect(calls).toEqual(['start']);
    expect(time.pending()).toBe(0);
    expect(await controller.syncNow()).toBeNull();
  });

  it('syncs at once at each poke of the server (the live stream), one run at a time, and stops the stream with it', async () => {
    let poke: (trigger: 'poke' | 'reconnect') => void = () => {};
    const stream = { start: vi.fn((onPoke: typeof poke) => void (poke = onPoke)), stop: vi.fn() };
    let release: () => void = () => {};
    const calls: string[] = [];
    const { controller } = started({
      pokes: stream,
      run: async (trigger) => {
        calls.push(trigger);
        if (trigger === 'poke') await new Promise<void>((resolve) => (release = resolve));
        return { ok: true, pushed: 0, pulled: 1 };
      },
    });
    await settle();
    expect(stream.start).toHaveBeenCalledTimes(1);
    poke('poke');
    await settle();
    expect(calls).toEqual(['start', 'poke']);
    // Two more pokes during that run: one follow-up run takes both.
    poke('poke');
    poke('reconnect');
    release();
    await settle();
    expect(calls).toEqual(['start', 'poke', 'follow-up']);
    controller.stop();
    expect(stream.stop).toHaveBeenCalledTimes(1);
  });
});

describe('the sync controller: one run at a time', () => {
  it('runs once more after a sync when triggered meanwhile, never two at once', async () => {
    let release: () => void = () => undefined;
    const calls: string[] = [];
    let running = 0;
    let overlap = false;
    const run = async (trigger: string): Promise<SyncResult> => {
      calls.push(trigger);
      running++;
      overlap ||= running > 1;
      await new Promise<void>((resolve) => (release = resolve));
      running--;
      return { ok: true, pushed: 0, pulled: 0 };
    };
    const { window, controller } = started({ run });
    window.dispatchEvent(new Event('online'));
    const manual = controller.syncNow();
    release();
    await settle();
    release();
    await settle();
    expect(calls).toEqual(['start', 'follow-up']);
    expect(overlap).toBe(false);
    await expect(manual).resolves.toEqual({ ok: true, pushed: 0, pulled: 0 });
  });

  it('shows the status: idle before any run, syncing during one, then the outcome', async () => {
    let release: (result: SyncResult) => void = () => undefined;
    const run = () => new Promise<SyncResult>((resolve) => (release = resolve));
    const { options, time } = environment({ run });
    const controller = createSyncController(options);
    const seen: SyncStatus['state'][] = [];
    controller.subscribe((status) => seen.push(status.state));
    expect(controller.status()).toEqual({ state: 'idle', lastSuccessAt: null, lastError: null, nextAttemptAt: null });

    const first = controller.syncNow();
    expect(controller.status().state).toBe('syncing');
    await time.advance(5_000);
    release({ ok: false, reason: 'server-unavailable' });
    await first;
    expect(controller.status()).toEqual({ state: 'error', lastSuccessAt: null, lastError: 'server-unavailable', nextAttemptAt: 5_000 + 2_000 });

    const second = controller.syncNow();
    release({ ok: true, pushed: 1, pulled: 0 });
    await second;
    expect(controller.status()).toEqual({ state: 'idle', lastSuccessAt: 5_000, lastError: null, nextAttemptAt: null });
    expect(seen).toEqual(['syncing', 'error', 'syncing', 'idle']);
  });

  it('never throws: a run that rejects counts as an internal failure', async () => {
    const { options } = environment({ run: () => Promise.reject(new Error('chunk failed')) });
    const controller = createSyncController(options);
    await expect(controller.syncNow()).resolves.toEqual({ ok: false, reason: 'internal' });
    expect(controller.status()).toMatchObject({ state: 'error', lastError: 'internal' });
  });

  it('lets "sync now" wait for an engine that is still loading', async () => {
    let loaded: () => void = () => undefined;
    const engine = fakeEngine();
    const loading = new Promise<void>((resolve) => (loaded = resolve));
    const { options } = environment({ run: (trigger) => loading.then(() => engine.run(trigger)) });
    const controller = createSyncController(options);
    const result = controller.syncNow('manual');
    loaded();
    await expect(result).resolves.toEqual({ ok: true, pushed: 0, pulled: 0 });
    expect(engine.calls).toEqual(['manual']);
  });

  it('tells the app about a refused token after the run, and runs no follow-up after it', async () => {
    let release: () => void = () => undefined;
    const calls: string[] = [];
    const problems: string[] = [];
    const run = async (trigger: string): Promise<SyncResult> => {
      calls.push(trigger);
      await new Promise<void>((resolve) => (release = resolve));
      expect(problems).toEqual([]);
      return { ok: false, reason: 'device-revoked' };
    };
    const { window, time } = started({ run, onAuthProblem: (reason) => problems.push(reason) });
    window.dispatchEvent(new Event('online'));
    release();
    await settle();
    expect(problems).toEqual(['device-revoked']);
    expect(calls).toEqual(['start']);
    await time.advance(1_000);
    expect(problems).toEqual(['device-revoked']);
  });

  it('does not call the app for a failure that is not about the token', async () => {
    const onAuthProblem = vi.fn();
    const { options } = environment({ run: async () => ({ ok: false, reason: 'network' }), onAuthProblem });
    await createSyncController(options).syncNow();
    expect(onAuthProblem).not.toHaveBeenCalled();
  });

  it('never starts after it was stopped (the device was wiped before the sync code arrived)', async () => {
    const { options, calls, time } = environment();
    const controller = createSyncController(options);
    controller.stop();
    controller.start();
    await time.advance(10 * 60_000);
    expect(calls).toEqual([]);
    expect(time.pending()).toBe(0);
  });

  it('sets no timers and watches nothing until started (the service worker syncs once with it)', async () => {
    const observe = vi.fn();
    const { options, time, calls } = environment();
    const controller = createSyncController({ ...options, outbox: { pendingCount: async () => 0, observe } });
    await expect(controller.syncNow('background-sync')).resolves.toMatchObject({ ok: true });
    expect(calls).toEqual(['background-sync']);
    expect(time.pending()).toBe(0);
    expect(observe).not.toHaveBeenCalled();
  });
});
