// Dexie's liveQuery needs a global indexedDB, read when dexie loads; each store still gets its own IDBFactory.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { activityInput, manualClock } from '../../fixtures/factories.ts';
import { DEVICE_A, DEVICE_B, NOW } from '../../fixtures/fixed.ts';
import { SEEDED_RECORDS, openDevice, eachTestServer, type ManualClock, type TestServer } from './harness.ts';

const DAY = 24 * 60 * 60_000;

let server: TestServer;
let clock: ManualClock;
eachTestServer((s, c) => ((server = s), (clock = c)));

describe('syncing two phones through the server', () => {
  it('pushes a new activity from one phone and pulls it onto the other, and an edit back', async () => {
    const a = await openDevice(server, DEVICE_A, { now: clock.now });
    const b = await openDevice(server, DEVICE_B, { now: clock.now });
    const id = await a.store.ui.activities.create(activityInput());

    // The first pull also brings the configuration (buurten, partners, …) as records.
    expect(await a.sync()).toEqual({ ok: true, pushed: 1, pulled: 1 + SEEDED_RECORDS });
    expect(await a.store.ui.activities.get(id)).toMatchObject({ syncState: 'sent' });
    expect(a.network.calls).toEqual(['POST /api/v1/sync/push', 'GET /api/v1/sync/pull']);
    expect(a.controller.status()).toEqual({ state: 'idle', lastSuccessAt: NOW, lastError: null, nextAttemptAt: null });
    expect((await a.store.ui.outbox.summary()).lastSyncAt).toBe(NOW);

    expect(await b.sync()).toEqual({ ok: true, pushed: 0, pulled: 1 + SEEDED_RECORDS });
    expect(await b.store.ui.activities.get(id)).toMatchObject({ title: 'Buurtbarbecue Oranjebuurt', syncState: 'sent' });

    clock.advance(1_000);
    await b.store.ui.activities.update(id, { status: 'held', notes: 'Veertig mensen, mooi weer' });
    await b.sync();
    await a.sync();
    expect(await a.store.ui.activities.get(id)).toMatchObject({ status: 'held', notes: 'Veertig mensen, mooi weer', title: 'Buurtbarbecue Oranjebuurt' });
  });

  it('adds up two phones counting the same activity offline: 10 and 15 make 25 on both', async () => {
    const a = await openDevice(server, DEVICE_A, { now: clock.now });
    const b = await openDevice(server, DEVICE_B, { now: clock.now });
    const id = await a.store.ui.activities.create(activityInput());
    await a.sync();
    await b.sync();

    a.network.mode = b.network.mode = 'offline';
    await Promise.all([
      ...Array.from({ length: 10 }, () => a.store.ui.attendance.bump(id, 'residents', 1)),
      ...Array.from({ length: 15 }, () => b.store.ui.attendance.bump(id, 'residents', 1)),
    ]);
    expect(await a.sync()).toEqual({ ok: false, reason: 'network' });

    a.network.mode = b.network.mode = 'up';
    await a.sync();
    await b.sync();
    await a.sync();
    for (const phone of [a, b]) expect((await phone.store.ui.attendance.get(id)).counts.residents).toBe(25);
    expect((await a.store.ui.attendance.get(id)).ownCounts).toEqual({ residents: 10 });
    expect((await b.store.ui.attendance.get(id)).ownCounts).toEqual({ residents: 15 });
  });

  it('counts a push whose answer was lost exactly once when it is sent again', async () => {
    const a = await openDevice(server, DEVICE_A, { now: clock.now });
    const id = await a.store.ui.activities.create(activityInput());
    for (let i = 0; i < 3; i++) await a.store.ui.attendance.bump(id, 'children', 1);
    a.network.mode = 'lose-push-answer';
    expect(await a.sync()).toEqual({ ok: false, reason: 'network' });
    expect(await a.store.sync.pendingCount()).toBe(2);

    a.network.mode = 'up';
    expect(await a.sync()).toMatchObject({ ok: true, pushed: 2 });
    const fresh = await openDevice(server, DEVICE_B, { now: clock.now });
    await fresh.sync();
    expect((await fresh.store.ui.attendance.get(id)).counts.children).toBe(3);
  });

  it('keeps the user\u2019s pending edit during a pull, then converges on the server\u2019s winner', async () => {
    const clockA = manualClock(NOW + 10_000);
    const a = await openDevice(server, DEVICE_A, { now: clockA.now });
    const b = await openDevice(server, DEVICE_B, { now: clock.now });
    const id = await a.store.ui.activities.create(activityInput());
    await a.sync();
    await b.sync();

    clockA.advance(5_000);
    await a.store.ui.activities.update(id, { title: 'Titel van A' });
    await a.sync();

    // B edits the title while its sync is between push and pull; B's clock is behind A's.
    b.network.beforeCall = async (url) => {
      if (url.includes('/pull')) {
        b.network.beforeCall = undefined;
        await b.store.ui.activities.update(id, { title: 'Titel van B' });
      }
    };
    await b.sync();
    expect(await b.store.ui.activities.get(id)).toMatchObject({ title: 'Titel van B', syncState: 'local' });

    await b.sync();
    await a.sync();
    expect((await b.store.ui.activities.get(id))?.title).toBe('Titel van A');
    expect((await a.store.ui.activities.get(id))?.title).toBe('Titel van A');
  });
});

describe('when things go wrong', () => {
  it.each([
    ['offline', 'network', 'offline'],
    ['server-error', 'server-unavailable', 'error'],
    ['unauthenticated', 'unauthenticated', 'error'],
    ['outdated', 'client-outdated', 'error'],
  ] as const)('%s: answers %s, keeps the outbox, and backs off', async (mode, reason, state) => {
    const a = await openDevice(server, DEVICE_A, { now: clock.now });
    const id = await a.store.ui.activities.create(activityInput());
    await a.store.ui.attendance.bump(id, 'residents', 1);
    const before = await a.store.ui.outbox.exportUnsent();

    a.network.mode = mode;
    expect(await a.sync()).toEqual({ ok: false, reason });
    expect(await a.store.ui.outbox.exportUnsent()).toEqual(before);
    expect(a.controller.status()).toMatchObject({ state, lastError: reason, lastSuccessAt: null });
    expect(a.controller.status().nextAttemptAt).toBeGreaterThan(NOW);

    a.network.mode = 'up';
    expect(await a.sync()).toMatchObject({ ok: true, pushed: 2 });
    expect(a.controller.status()).toMatchObject({ state: 'idle', lastError: null, nextAttemptAt: null });
  });

  it('shows a mutation the server refuses, and goes on with the rest', async () => {
    const wrongTenant = await openDevice(server, DEVICE_A, { now: clock.now, tenantId: 'ridderkerk' });
    await wrongTenant.store.ui.activities.create(activityInput());
    expect(await wrongTenant.sync()).toEqual({ ok: true, pushed: 0, pulled: SEEDED_RECORDS });
    const summary = await wrongTenant.store.ui.outbox.summary();
    expect(summary.pending).toBe(0);
    expect(summary.rejected).toEqual([expect.objectContaining({ reason: 'tenant-mismatch', recordType: 'activity' })]);
  });

  it('corrects a phone whose clock runs a day ahead and re-sends its changes', async () => {
    const phoneClock = manualClock(NOW + DAY);
    const a = await openDevice(server, DEVICE_A, { now: phoneClock.now });
    const id = await a.store.ui.activities.create(activityInput());

    expect(await a.sync()).toMatchObject({ ok: true, pushed: 1 });
    expect(await a.store.sync.getClockOffset()).toBe(-DAY);
    expect(await a.store.ui.outbox.summary()).toMatchObject({ pending: 0, rejected: [] });

    const b = await openDevice(server, DEVICE_B, { now: clock.now });
    await b.sync();
    expect((await b.store.ui.activities.get(id))?.title).toBe('Buurtbarbecue Oranjebuurt');
  });

  it('runs one sync at a time, and once more after it when asked meanwhile', async () => {
    const a = await openDevice(server, DEVICE_A, { now: clock.now });
    await a.store.ui.activities.create(activityInput());
    const states: string[] = [];
    a.controller.subscribe((status) => states.push(status.state));

    const first = a.sync('one');
    const second = a.sync('two');
    expect(second).toBe(first);
    await first;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(a.network.calls).toEqual(['POST /api/v1/sync/push', 'GET /api/v1/sync/pull', 'GET /api/v1/sync/pull']);
    expect(states).toEqual(['syncing', 'idle', 'syncing', 'idle']);
  });

  it('pushes a large outbox in bounded batches and pulls every page', async () => {
    const a = await openDevice(server, DEVICE_A, { now: clock.now, engine: { batch: { maxCount: 4, maxBytes: 256 * 1024 }, pullLimit: 3 } });
    for (let i = 0; i < 10; i++) await a.store.ui.activities.create(activityInput({ title: `Activiteit ${i}` }));
    expect(await a.sync()).toEqual({ ok: true, pushed: 10, pulled: 10 + SEEDED_RECORDS });
    expect(a.network.calls.filter((call) => call.startsWith('POST'))).toHaveLength(3);
    expect(a.network.calls.filter((call) => call.startsWith('GET'))).toHaveLength(Math.ceil((10 + SEEDED_RECORDS) / 3));
    const b = await openDevice(server, DEVICE_B, { now: clock.now, engine: { pullLimit: 3 } });
    await b.sync();
    expect(await b.store.ui.activities.list()).toHaveLength(10);
  });
});
