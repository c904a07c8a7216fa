// Dexie's liveQuery needs a global indexedDB, read when dexie loads; each store still gets its own IDBFactory.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createSyncController, type SyncController } from '../../../src/sync/controller.ts';
import { activityInput } from '../../fixtures/factories.ts';
import { DEVICE_A } from '../../fixtures/fixed.ts';
import { eachTestServer, openDevice, type Device, type ManualClock, type TestServer } from './harness.ts';

let server: TestServer;
let clock: ManualClock;
eachTestServer((s, c) => ((server = s), (clock = c)));

/** The device's engine under a started controller that watches the device's real outbox (short timers, real time). */
function startWatching(device: Device, afterChangeMs = 20): SyncController {
  const controller = createSyncController({ run: () => device.engine.run(), outbox: device.store.sync, afterChangeMs, periodicMs: 600_000 });
  controller.start();
  return controller;
}

async function until(condition: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const pushes = (device: Device) => device.network.calls.filter((call) => call.startsWith('POST')).length;

describe('the controller watching the outbox', () => {
  it('sends a local change shortly after it committed, and syncs no more after the server took it', async () => {
    const a = await openDevice(server, DEVICE_A, { now: clock.now });
    const controller = startWatching(a);
    await until(async () => controller.status().lastSuccessAt !== null);
    expect(pushes(a)).toBe(0);

    let runs = 0;
    controller.subscribe((status) => void (status.state === 'syncing' && runs++));
    const id = await a.store.ui.activities.create(activityInput());
    await until(async () => runs === 1 && controller.status().state === 'idle');
    expect(await a.store.ui.activities.get(id)).toMatchObject({ syncState: 'sent' });
    expect(a.network.calls).toEqual(['GET /api/v1/sync/pull', 'POST /api/v1/sync/push', 'GET /api/v1/sync/pull']);

    // The acknowledgement and the pull changed the store too, but left nothing to send.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(runs).toBe(1);
    controller.stop();
  });

  it('sends a burst of changes to one record (its pending entry replaced, the count unchanged) in one push', async () => {
    const a = await openDevice(server, DEVICE_A, { now: clock.now });
    const controller = startWatching(a, 300);
    await until(async () => controller.status().lastSuccessAt !== null);

    const id = await a.store.ui.activities.create(activityInput());
    await a.store.ui.activities.update(id, { notes: 'Veertig mensen' });
    await a.store.ui.activities.update(id, { notes: 'Veertig mensen, mooi weer' });
    expect((await a.store.ui.outbox.summary()).pending).toBe(1);
    await until(async () => (await a.store.ui.activities.get(id))?.syncState === 'sent');
    expect(pushes(a)).toBe(1);
    expect(await a.store.ui.activities.get(id)).toMatchObject({ notes: 'Veertig mensen, mooi weer' });
    controller.stop();
  });
});
