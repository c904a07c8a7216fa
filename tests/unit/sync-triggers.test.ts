import { describe, expect, it } from 'vitest';
import type { SyncEngine, SyncResult, SyncStatus } from '../../src/sync/engine.ts';
import { BACKGROUND_SYNC_TAG, SYNC_LOCK, startSyncTriggers, type TriggerOptions } from '../../src/sync/triggers.ts';

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

function fakeEngine(results: SyncResult[] = []) {
  const calls: string[] = [];
  let status: SyncStatus = { state: 'idle', lastSuccessAt: null, lastError: null, nextAttemptAt: null };
  let onChange: () => void = () => undefined;
  let resets = 0;
  const engine: SyncEngine = {
    async sync(trigger) {
      calls.push(trigger);
      const result = results.shift() ?? { ok: true, pushed: 0, pulled: 0 };
      status = result.ok ? { ...status, state: 'idle', nextAttemptAt: null } : { ...status, state: 'offline', nextAttemptAt: (clock?.now() ?? 0) + 30_000 };
      return result;
    },
    status: () => status,
    subscribe: () => () => undefined,
    resetBackoff() {
      resets++;
      status = { ...status, nextAttemptAt: null };
    },
    watchLocalChanges(listener) {
      onChange = listener;
      return () => {
        onChange = () => undefined;
      };
    },
  };
  let clock: ReturnType<typeof fakeTime> | undefined;
  return { engine, calls, localChange: () => onChange(), resets: () => resets, useClock: (c: ReturnType<typeof fakeTime>) => (clock = c) };
}

function environment(overrides: Partial<TriggerOptions> = {}) {
  const time = fakeTime();
  const window = new EventTarget();
  const document = Object.assign(new EventTarget(), { visibilityState: 'visible' });
  const options: TriggerOptions = { window, document, navigator: {}, now: time.now, setTimeout: time.setTimeout, clearTimeout: time.clearTimeout, ...overrides };
  return { time, window, document, options };
}

describe('sync triggers', () => {
  it('syncs on start, then periodically', async () => {
    const { engine, calls } = fakeEngine();
    const { time, options } = environment({ periodicMs: 60_000 });
    startSyncTriggers(engine, options);
    await settle();
    expect(calls).toEqual(['start']);
    await time.advance(59_000);
    expect(calls).toEqual(['start']);
    await time.advance(1_000);
    expect(calls).toEqual(['start', 'periodic']);
  });

  it('syncs once, shortly after a burst of local changes', async () => {
    const { engine, calls, localChange } = fakeEngine();
    const { time, options } = environment({ afterChangeMs: 1_500 });
    startSyncTriggers(engine, options);
    await settle();
    for (let i = 0; i < 5; i++) {
      localChange();
      await time.advance(500);
    }
    expect(calls).toEqual(['start']);
    await time.advance(1_500);
    expect(calls).toEqual(['start', 'change']);
  });

  it('syncs when the page becomes visible, not when it is hidden', async () => {
    const { engine, calls } = fakeEngine();
    const { document, options } = environment();
    startSyncTriggers(engine, options);
    await settle();
    document.visibilityState = 'hidden';
    document.dispatchEvent(new Event('visibilitychange'));
    document.visibilityState = 'visible';
    document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(calls).toEqual(['start', 'visible']);
  });

  it('backs off after a failure, lets changes wait for it, and starts afresh when back online', async () => {
    const fake = fakeEngine([{ ok: false, reason: 'network' }]);
    const { time, window, options } = environment({ afterChangeMs: 1_500 });
    fake.useClock(time);
    startSyncTriggers(fake.engine, options);
    await settle();
    fake.localChange();
    await time.advance(20_000);
    expect(fake.calls).toEqual(['start']);
    await time.advance(10_000);
    expect(fake.calls).toEqual(['start', 'retry']);

    window.dispatchEvent(new Event('online'));
    await settle();
    expect(fake.resets()).toBe(1);
    expect(fake.calls).toEqual(['start', 'retry', 'online']);
  });

  it('skips a sync while another tab holds the lock', async () => {
    const { engine, calls } = fakeEngine();
    const requested: string[] = [];
    const locks = {
      request: <T>(name: string, options: { ifAvailable: boolean }, callback: (lock: unknown) => Promise<T>) => {
        requested.push(`${name} ${options.ifAvailable}`);
        return callback(null);
      },
    };
    const { options } = environment({ navigator: { locks } });
    startSyncTriggers(engine, options);
    await settle();
    expect(requested).toEqual([`${SYNC_LOCK} true`]);
    expect(calls).toEqual([]);
  });

  it('asks for Background Sync after a local change made offline', async () => {
    const { engine, localChange } = fakeEngine();
    const tags: string[] = [];
    const serviceWorker = { getRegistration: async () => ({ sync: { register: async (tag: string) => void tags.push(tag) } }) };
    const navigator = { onLine: false, serviceWorker };
    const { options } = environment({ navigator });
    startSyncTriggers(engine, options);
    localChange();
    await settle();
    expect(tags).toEqual([BACKGROUND_SYNC_TAG]);
  });

  it('does not ask for Background Sync while a change can be sent now (it would fire at once, a sync per tap)', async () => {
    const { engine, localChange } = fakeEngine();
    const tags: string[] = [];
    const serviceWorker = { getRegistration: async () => ({ sync: { register: async (tag: string) => void tags.push(tag) } }) };
    const { options } = environment({ navigator: { onLine: true, serviceWorker } });
    startSyncTriggers(engine, options);
    await settle();
    localChange();
    localChange();
    await settle();
    expect(tags).toEqual([]);
  });

  it('syncs a stream of changes at least every ten seconds, not only when it stops', async () => {
    const { engine, calls, localChange } = fakeEngine();
    const { time, options } = environment({ periodicMs: 600_000 });
    startSyncTriggers(engine, options);
    await settle();
    calls.length = 0;
    for (let i = 0; i < 120; i++) {
      localChange();
      await time.advance(100);
    }
    expect(calls.filter((c) => c === 'change').length).toBeGreaterThanOrEqual(1);
  });

  it('waits for `online` while the browser says it is offline', async () => {
    const { engine, calls } = fakeEngine();
    const navigator = { onLine: false };
    const { window, options } = environment({ navigator });
    startSyncTriggers(engine, options);
    await settle();
    expect(calls).toEqual([]);
    navigator.onLine = true;
    window.dispatchEvent(new Event('online'));
    await settle();
    expect(calls).toEqual(['online']);
  });

  it('runs once more after a sync when triggered meanwhile, never two at once', async () => {
    let release: () => void = () => undefined;
    const calls: string[] = [];
    let running = 0;
    let overlap = false;
    const { engine } = fakeEngine();
    engine.sync = async (trigger) => {
      calls.push(trigger);
      running++;
      overlap ||= running > 1;
      await new Promise<void>((resolve) => (release = resolve));
      running--;
      return { ok: true, pushed: 0, pulled: 0 };
    };
    const { window, options } = environment();
    const triggers = startSyncTriggers(engine, options);
    window.dispatchEvent(new Event('online'));
    void triggers.syncNow();
    release();
    await settle();
    release();
    await settle();
    expect(calls).toEqual(['start', 'follow-up']);
    expect(overlap).toBe(false);
  });

  it('stops listening and clears its timers', async () => {
    const { engine, calls, localChange } = fakeEngine();
    const { time, window, options } = environment();
    const stop = startSyncTriggers(engine, options);
    await settle();
    stop();
    localChange();
    window.dispatchEvent(new Event('online'));
    await time.advance(10 * 60_000);
    expect(calls).toEqual(['start']);
    expect(time.pending()).toBe(0);
  });
});
