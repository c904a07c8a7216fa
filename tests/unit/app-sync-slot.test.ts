import { describe, expect, it } from 'vitest';
import { createSyncSlot, type StartedSync } from '../../src/app/sync-slot.ts';
import type { SyncEngine, SyncStatus } from '../../src/sync/engine.ts';

function fakeStarted(): StartedSync & { setStatus(next: Partial<SyncStatus>): void; calls: string[] } {
  let status: SyncStatus = { state: 'idle', lastSuccessAt: null, lastError: null, nextAttemptAt: null };
  const listeners = new Set<(s: SyncStatus) => void>();
  const calls: string[] = [];
  const engine = {
    status: () => status,
    subscribe(listener: (s: SyncStatus) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as unknown as SyncEngine;
  const triggers = Object.assign(() => undefined, {
    notifyChange: () => undefined,
    syncNow: async (trigger = 'manual') => {
      calls.push(trigger);
      return { ok: true as const, pushed: 0, pulled: 0 };
    },
  });
  return {
    engine,
    triggers,
    calls,
    setStatus(next) {
      status = { ...status, ...next };
      for (const listener of listeners) listener(status);
    },
  };
}

describe('the sync slot (the engine loads right after the first render)', () => {
  it('reads idle before the engine is there, and the engine’s status after', () => {
    const slot = createSyncSlot();
    const seen: string[] = [];
    slot.subscribe(() => seen.push(slot.status().state));
    expect(slot.status().state).toBe('idle');
    expect(slot.started()).toBeNull();

    const started = fakeStarted();
    slot.attach(started);
    started.setStatus({ state: 'syncing' });
    expect(slot.status().state).toBe('syncing');
    expect(seen).toEqual(['idle', 'syncing']);
    expect(slot.started()).toBe(started.triggers);
  });

  it('lets "sync now" wait for the engine instead of failing', async () => {
    const slot = createSyncSlot();
    const result = slot.syncNow('manual');
    const started = fakeStarted();
    slot.attach(started);
    await expect(result).resolves.toEqual({ ok: true, pushed: 0, pulled: 0 });
    expect(started.calls).toEqual(['manual']);
  });

  it('rejects "sync now" when the sync code could not load', async () => {
    const slot = createSyncSlot();
    slot.fail(new Error('chunk failed'));
    await expect(slot.syncNow()).rejects.toThrow('chunk failed');
  });

  it('never starts a sync that arrives after the device was wiped, and stops one that runs', () => {
    let stopped = 0;
    const early = fakeStarted();
    const late = { ...early, triggers: Object.assign(() => void stopped++, { notifyChange: () => undefined, syncNow: early.triggers.syncNow }) };
    const wiped = createSyncSlot();
    wiped.stop();
    wiped.attach(late);
    expect(stopped).toBe(1);
    expect(wiped.started()).toBeNull();

    const running = createSyncSlot();
    running.attach(late);
    running.stop();
    expect(stopped).toBe(2);
  });
});
