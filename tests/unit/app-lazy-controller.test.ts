import { describe, expect, it, vi } from 'vitest';
import { lazyController } from '../../src/app/sync/lazy-controller.ts';
import type { SyncController } from '../../src/sync/controller.ts';
import type { Observable } from '../../src/sync/observable.ts';
import type { SyncStatus } from '../../src/sync/status.ts';

/** A controller as start-sync.ts makes it: it writes its status where it is told. */
function fakeController(status: Observable<SyncStatus>) {
  const calls: string[] = [];
  const controller: SyncController = {
    status: () => status.current(),
    subscribe: (listener) => status.subscribe(listener),
    syncNow: async (trigger = 'manual') => {
      calls.push(trigger);
      return { ok: true, pushed: 0, pulled: 0 };
    },
    start: () => void calls.push('start'),
    stop: () => void calls.push('stop'),
  };
  return { controller, calls, setStatus: (next: Partial<SyncStatus>) => status.set({ ...status.current(), ...next }) };
}

/** A load the test completes by hand. */
function manualLoad() {
  let made: ReturnType<typeof fakeController> | null = null;
  let arrive: () => void = () => undefined;
  const load = vi.fn((status: Observable<SyncStatus>) => {
    made = fakeController(status);
    return new Promise<SyncController>((resolve) => (arrive = () => resolve((made as ReturnType<typeof fakeController>).controller)));
  });
  return { load, arrive: () => arrive(), made: () => made as unknown as ReturnType<typeof fakeController> };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the sync controller before its code has loaded (it loads right after the first render)', () => {
  it('reads idle before the code is there, and the controller’s status after', async () => {
    const { load, arrive, made } = manualLoad();
    const sync = lazyController(load);
    const seen: string[] = [];
    sync.subscribe(() => seen.push(sync.status().state));
    expect(sync.status().state).toBe('idle');

    sync.start();
    arrive();
    await settle();
    made().setStatus({ state: 'syncing' });
    expect(sync.status().state).toBe('syncing');
    expect(seen).toEqual(['syncing']);
    expect(made().calls).toEqual(['start']);
  });

  it('lets "sync now" wait for the code instead of failing, and starts it when asked later', async () => {
    const { load, arrive, made } = manualLoad();
    const sync = lazyController(load);
    const result = sync.syncNow('manual');
    arrive();
    await expect(result).resolves.toEqual({ ok: true, pushed: 0, pulled: 0 });
    sync.start();
    await settle();
    expect(made().calls).toEqual(['manual', 'start']);
    expect(load).toHaveBeenCalledOnce();
  });

  it('fails "sync now" (as internal) when the sync code could not load, and tries again next time', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let attempts = 0;
    const sync = lazyController((status) =>
      ++attempts === 1 ? Promise.reject(new Error('chunk failed')) : Promise.resolve(fakeController(status).controller),
    );
    await expect(sync.syncNow()).resolves.toEqual({ ok: false, reason: 'internal' });
    await expect(sync.syncNow()).resolves.toEqual({ ok: true, pushed: 0, pulled: 0 });
    expect(errors).toHaveBeenCalledOnce();
    errors.mockRestore();
  });

  it('never starts a controller that arrives after the device was wiped, and stops one that runs', async () => {
    const early = manualLoad();
    const wiped = lazyController(early.load);
    wiped.start();
    wiped.stop();
    early.arrive();
    await settle();
    expect(early.made().calls).toEqual(['stop']);
    await expect(wiped.syncNow()).resolves.toBeNull();

    const late = manualLoad();
    const running = lazyController(late.load);
    running.start();
    late.arrive();
    await settle();
    running.stop();
    await settle();
    expect(late.made().calls).toEqual(['start', 'stop']);
  });
});
