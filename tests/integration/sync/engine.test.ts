// Dexie's liveQuery needs a global indexedDB, read when dexie loads; each store still gets its own IDBFactory.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { PHONE_A, PHONE_B, T0, activityInput, manualClock } from '../../fixtures/factories.ts';
import { SEEDED_RECORDS, openDevice, eachTestServer, type ManualClock, type TestServer } from './harness.ts';

const DAY = 24 * 60 * 60_000;

let server: TestServer;
let clock: ManualClock;
eachTestServer((s, c) => ((server = s), (clock = c)));

describe('syncing two phones through the server', () => {
  it('pushes a new activity from one phone and pulls it onto the other, and an edit back', async () => {
    const a = await openDevice(server, PHONE_A, { now: clock.now });
    const b = await openDevice(server, PHONE_B, { now: clock.now });
    const id = await a.store.createActivity(activityInput());

    // The first pull also brings the configuration (buurten, partners, …) as records.
    expect(await a.sync()).toEqual({ ok: true, pushed: 1, pulled: 1 + SEEDED_RECORDS });
    expect(await a.store.getActivity(id)).toMatchObject({ syncState: 'sent' });
    expect(a.network.calls).toEqual(['POST /api/v1/sync/push', 'GET /api/v1/sync/pull']);
    expect(a.controller.status()).toEqual({ state: 'idle', lastSuccessAt: T0, lastError: null, nextAttemptAt: null });
    expect((await a.store.syncSummary()).lastSyncAt).toBe(T0);

    expect(await b.sync()).toEqual({ ok: true, pushed: 0, pulled: 1 + SEEDED_RECORDS });
    expect(await b.store.getActivity(id)).toMatchObject({ title: 'Buurtbarbecue Oranjebuurt', syncState: 'sent' });

    clock.advance(1_000);
    await b.store.updateActivity(id, { status: 'held', notes: 'Veertig mensen, mooi weer' });
    await b.sync();
    await a.sync();
    expect(await a.store.getActivity(id)).toMatchObject({ status: 'held', notes: 'Veertig mensen, mooi weer', title: 'Buurtbarbecue Oranjebuurt' });
  });

  it('adds up two phones counting the same activity offline: 10 and 15 make 25 on both', async () => {
    const a = await openDevice(server, PHONE_A, { now: clock.now });
    const b = await openDevice(server, PHONE_B, { now: clock.now });
    const id = await a.store.createActivity(activityInput());
    await a.sync();
    await b.sync();

    a.network.mode = b.network.mode = 'offline';
    await Promise.all([
      ...Array.from({ length: 10 }, () => a.store.bumpCount(id, 'residents', 1)),
      ...Array.from({ length: 15 }, () => b.store.bumpCount(id, 'residents', 1)),
    ]);
    expect(await a.sync()).toEqual({ ok: false, reason: 'network' });

    a.network.mode = b.network.mode = 'up';
    await a.sync();
    await b.sync();
    await a.sync();
    for (const phone of [a, b]) expect((await phone.store.getAttendance(id)).counts.residents).toBe(25);
    expect((await a.store.getAttendance(id)).ownCounts).toEqual({ residents: 10 });
    expect((await b.store.getAttendance(id)).ownCounts).toEqual({ residents: 15 });
  });

  it('counts a push whose answer was lost exactly once when it is sent again', async () => {
    const a = await openDevice(server, PHONE_A, { now: clock.now });
    const id = await a.store.createActivity(activityInput());
    for (let i = 0; i < 3; i++) await a.store.bumpCount(id, 'children', 1);
    a.network.mode = 'lose-push-answer';
    expect(await a.sync()).toEqual({ ok: false, reason: 'network' });
    expect(await a.store.pendingCount()).toBe(2);

    a.network.mode = 'up';
    expect(await a.sync()).toMatchObject({ ok: true, pushed: 2 });
    const fresh = await openDevice(server, PHONE_B, { now: clock.now });
    await fresh.sync();
    expect((await fresh.store.getAttendance(id)).counts.children).toBe(3);
  });

  it('keeps the user\u2019s pending edit during a pull, then converges on the server\u2019s winner', async () => {
    const clockA = manualClock(T0 + 10_000);
    const a = await openDevice(server, PHONE_A, { now: clockA.now });
    const b = await openDevice(server, PHONE_B, { now: clock.now });
    const id = await a.store.createActivity(activityInput());
    await a.sync();
    await b.sync();

    clockA.advance(5_000);
    await a.store.updateActivity(id, { title: 'Titel van A' });
    await a.sync();

    // B edits the title while its sync is between push and pull; B's clock is behind A's.
    b.network.beforeCall = async (url) => {
      if (url.includes('/pull')) {
        b.network.beforeCall = undefined;
        await b.store.updateActivity(id, { title: 'Titel van B' });
      }
    };
    await b.sync();
    expect(await b.store.getActivity(id)).toMatchObject({ title: 'Titel van B', syncState: 'local' });

    await b.sync();
    await a.sync();
    expect((await b.store.getActivity(id))?.title).toBe('Titel van A');
    expect((await a.store.getActivity(id))?.title).toBe('Titel van A');
  });
});

describe('when things go wrong', () => {
  it.each([
    ['offline', 'network', 'offline'],
    ['server-error', 'server-unavailable', 'error'],
    ['unauthenticated', 'unauthenticated', 'error'],
    ['outdated', 'client-outdated', 'error'],
  ] as const)('%s: answers %s, keeps the outbox, and backs off', async (mode, reason, state) => {
    const a = await openDevice(server, PHONE_A, { now: clock.now });
    const id = await a.store.createActivity(activityInput());
    await a.store.bumpCount(id, 'residents', 1);
    const before = await a.store.exportUnsent();

    a.network.mode = mode;
    expect(await a.sync()).toEqual({ ok: false, reason });
    expect(await a.store.exportUnsent()).toEqual(before);
    expect(a.controller.status()).toMatchObject({ state, lastError: reason, lastSuccessAt: null });
    expect(a.controller.status().nextAttemptAt).toBeGreaterThan(T0);

    a.network.mode = 'up';
    expect(await a.sync()).toMatchObject({ ok: true, pushed: 2 });
    expect(a.controller.status()).toMatchObject({ state: 'idle', lastError: null, nextAttemptAt: null });
  });

  it('shows a mutation the server refuses, and goes on with the rest', async () => {
    const wrongTenant = await openDevice(server, PHONE_A, { now: clock.now, tenantId: 'ridderkerk' });
    await wrongTenant.store.createActivity(activityInput());
    expect(await wrongTenant.sync()).toEqual({ ok: true, pushed: 0, pulled: SEEDED_RECORDS });
    const summary = await wrongTenant.store.syncSummary();
    expect(summary.pending).toBe(0);
    expect(summary.rejected).toEqual([expect.objectContaining({ reason: 'tenant-mismatch', recordType: 'activity' })]);
  });

  it('corrects a phone whose clock runs a day ahead and re-sends its changes', async () => {
    const phoneClock = manualClock(T0 + DAY);
    const a = await openDevice(server, PHONE_A, { now: phoneClock.now });
    const id = await a.store.createActivity(activityInput());

    expect(await a.sync()).toMatchObject({ ok: true, pushed: 1 });
    expect(await a.store.getClockOffset()).toBe(-DAY);
    expect(await a.store.syncSummary()).toMatchObject({ pending: 0, rejected: [] });

    const b = await openDevice(server, PHONE_B, { now: clock.now });
    await b.sync();
    expect((await b.store.getActivity(id))?.title).toBe('Buurtbarbecue Oranjebuurt');
  });

  it('runs one sync at a time, and once more after it when asked meanwhile', async () => {
    const a = await openDevice(server, PHONE_A, { now: clock.now });
    await a.store.createActivity(activityInput());
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
    const a = await openDevice(server, PHONE_A, { now: clock.now, engine: { batch: { maxCount: 4, maxBytes: 256 * 1024 }, pullLimit: 3 } });
    for (let i = 0; i < 10; i++) await a.store.createActivity(activityInput({ title: `Activiteit ${i}` }));
    expect(await a.sync()).toEqual({ ok: true, pushed: 10, pulled: 10 + SEEDED_RECORDS });
    expect(a.network.calls.filter((call) => call.startsWith('POST'))).toHaveLength(3);
    expect(a.network.calls.filter((call) => call.startsWith('GET'))).toHaveLength(Math.ceil((10 + SEEDED_RECORDS) / 3));
    const b = await openDevice(server, PHONE_B, { now: clock.now, engine: { pullLimit: 3 } });
    await b.sync();
    expect(await b.store.listActivities()).toHaveLength(10);
  });
});
