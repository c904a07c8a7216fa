// Dexie's liveQuery needs a global indexedDB, read when dexie loads; each store still gets its own IDBFactory.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { attendanceIdFor } from '../../../src/domain/attendance.ts';
import { formatHlc } from '../../../src/domain/hlc.ts';
import { uuidv7 } from '../../../src/domain/ids.ts';
import type { SyncRecord } from '../../../src/domain/records.ts';
import { activityInput, manualClock, openTestStore, type TestStore } from '../../fixtures/factories.ts';
import { DEVICE_A, DEVICE_B, NOW, TENANT } from '../../fixtures/fixed.ts';

const stamp = (offsetMs: number, node = DEVICE_B) => formatHlc({ wall: NOW + offsetMs, counter: 0, node });

/** The store's own record of `id`, as the server would send it back. */
async function asServerHas(store: TestStore, id: string): Promise<SyncRecord> {
  const record = (await store.ui.outbox.exportUnsent()).records.find((r) => r.id === id);
  if (!record) throw new Error(`no unsent record ${id}`);
  return record;
}

async function acknowledgeAll(store: TestStore): Promise<void> {
  const batch = await store.sync.takeBatch({ maxCount: 500, maxBytes: 10_000_000 });
  await store.sync.applyPushResults(batch.map((m) => ({ mutationId: m.mutationId, status: 'applied' as const })));
}

describe('applying a pulled page', () => {
  it('adds new records and stores the cursor', async () => {
    const store = await openTestStore();
    const id = uuidv7(NOW);
    const fields = Object.fromEntries(
      Object.entries({ ...activityInput({ title: 'Van collega' }), createdAt: NOW, createdBy: DEVICE_B }).map(([k, v]) => [k, { v, t: stamp(0) }]),
    );
    await store.sync.applyPullPage([{ id, type: 'activity', tenantId: TENANT, fields, counters: {} }], '17');

    expect(await store.sync.getCursor()).toBe('17');
    expect(await store.ui.activities.get(id)).toMatchObject({ title: 'Van collega', syncState: 'sent' });
    expect(await store.sync.pendingCount()).toBe(0);
  });

  it('never overwrites a field with a pending local edit, and takes the remote value once the edit is acknowledged', async () => {
    const clock = manualClock();
    const store = await openTestStore({ now: clock.now });
    const id = await store.ui.activities.create(activityInput());
    const original = await asServerHas(store, id);
    await acknowledgeAll(store);
    clock.advance(1_000);
    await store.ui.activities.update(id, { title: 'Mijn titel' });

    // A colleague's later edits of the title and the notes arrive.
    const remote = { ...original, fields: { ...original.fields, title: { v: 'Hun titel', t: stamp(5_000) }, notes: { v: 'Hun notitie', t: stamp(5_000) } } };
    await store.sync.applyPullPage([remote], '2');
    expect(await store.ui.activities.get(id)).toMatchObject({ title: 'Mijn titel', notes: 'Hun notitie', syncState: 'local' });

    // The server answered: the pending edit is in; by HLC the colleague's title wins everywhere.
    await acknowledgeAll(store);
    expect(await store.ui.activities.get(id)).toMatchObject({ title: 'Hun titel', notes: 'Hun notitie', syncState: 'sent' });
  });

  it('keeps a later local write over an older remote one', async () => {
    const clock = manualClock(NOW + 10_000);
    const store = await openTestStore({ now: clock.now });
    const id = await store.ui.activities.create(activityInput({ title: 'Nieuw' }));
    const mine = await asServerHas(store, id);
    await acknowledgeAll(store);
    await store.sync.applyPullPage([{ ...mine, fields: { ...mine.fields, title: { v: 'Oud', t: stamp(0) } } }], '3');
    expect((await store.ui.activities.get(id))?.title).toBe('Nieuw');
  });

  it('adds counters up per device and never loses a local tap', async () => {
    const store = await openTestStore();
    const activityId = await store.ui.activities.create(activityInput());
    for (let i = 0; i < 3; i++) await store.ui.attendance.bump(activityId, 'residents', 1);
    const id = attendanceIdFor(activityId);
    const counted = await asServerHas(store, id);

    // The server still has an old total of this phone, and phone B's 4.
    const remote = { ...counted, counters: { residents: { [DEVICE_A]: { p: 1, n: 0 }, [DEVICE_B]: { p: 4, n: 0 } } } };
    await store.sync.applyPullPage([remote], '4');
    expect(await store.ui.attendance.get(activityId)).toMatchObject({ counts: { residents: 7 }, ownCounts: { residents: 3 } });
  });

  it('hides an activity deleted elsewhere (tombstone)', async () => {
    const store = await openTestStore();
    const id = await store.ui.activities.create(activityInput());
    const record = await asServerHas(store, id);
    await acknowledgeAll(store);
    await store.sync.applyPullPage([{ ...record, fields: { ...record.fields, deleted: { v: true, t: stamp(60_000) } } }], '5');
    expect(await store.ui.activities.list()).toEqual([]);
    expect(await store.ui.activities.get(id)).toBeNull();
  });

  it('folds remote clocks in, so the next local edit is ordered after them', async () => {
    const store = await openTestStore();
    const id = await store.ui.activities.create(activityInput());
    const record = await asServerHas(store, id);
    await acknowledgeAll(store);
    const later = stamp(120_000);
    await store.sync.applyPullPage([{ ...record, fields: { ...record.fields, title: { v: 'Van B', t: later } } }], '6');
    await store.ui.activities.update(id, { title: 'Daarna van A' });
    const [mutation] = await store.sync.takeBatch({ maxCount: 1, maxBytes: 100_000 });
    expect((mutation?.fields['title']?.t ?? '') > later).toBe(true);
    expect((await store.ui.activities.get(id))?.title).toBe('Daarna van A');
  });

  it('ignores records of another tenant', async () => {
    const store = await openTestStore();
    const id = uuidv7(NOW);
    await store.sync.applyPullPage([{ id, type: 'activity', tenantId: 'ridderkerk', fields: { title: { v: 'x', t: stamp(0) } }, counters: {} }], '7');
    expect((await store.ui.outbox.exportUnsent()).records).toEqual([]);
    expect(await store.ui.activities.get(id)).toBeNull();
  });
});

describe('a pull that starts over (the person’s scope changed)', () => {
  const remoteActivity = (title: string, offset: number): SyncRecord => {
    const id = uuidv7(NOW + offset);
    const fields = Object.fromEntries(
      Object.entries({ ...activityInput({ title }), createdAt: NOW, createdBy: DEVICE_B }).map(([k, v]) => [k, { v, t: stamp(offset) }]),
    );
    return { id, type: 'activity', tenantId: TENANT, fields, counters: {} };
  };

  it('drops every synced record on its first page, and keeps pending and refused local work', async () => {
    const clock = manualClock();
    const store = await openTestStore({ now: clock.now });
    const old = remoteActivity('Van het oude team', 1);
    await store.sync.applyPullPage([old], 'aaa.5');
    const pending = await store.ui.activities.create(activityInput({ title: 'Nog niet verstuurd' }));
    const refused = await store.ui.activities.create(activityInput({ title: 'Geweigerd' }));
    const sent = await store.ui.activities.create(activityInput({ title: 'Al verstuurd' }));
    const batch = await store.sync.takeBatch({ maxCount: 10, maxBytes: 1_000_000 });
    const idOf = (recordId: string) => batch.find((m) => m.recordId === recordId)?.mutationId as string;
    await store.sync.applyPushResults([
      { mutationId: idOf(refused), status: 'rejected', reason: 'forbidden', message: 'not your team' },
      { mutationId: idOf(sent), status: 'applied' },
    ]);

    const fresh = remoteActivity('Van het nieuwe team', 2);
    await store.sync.applyPullPage([fresh], 'bbb.9', { reset: true });

    const titles = (await store.ui.activities.list()).map((a) => a.title).sort();
    expect(titles).toEqual(['Geweigerd', 'Nog niet verstuurd', 'Van het nieuwe team']);
    expect(await store.ui.activities.get(old.id)).toBeNull();
    expect(await store.ui.activities.get(sent)).toBeNull();
    expect(await store.ui.activities.get(pending)).toMatchObject({ syncState: 'local' });
    expect((await store.ui.outbox.summary()).rejected).toEqual([expect.objectContaining({ recordId: refused, reason: 'forbidden' })]);
    expect(await store.sync.getCursor()).toBe('bbb.9');
  });

  it('adds the later pages of the new view to the first, without dropping again', async () => {
    const store = await openTestStore();
    const first = remoteActivity('Eerste pagina', 1);
    const second = remoteActivity('Tweede pagina', 2);
    await store.sync.applyPullPage([remoteActivity('Oud', 0)], 'aaa.3');
    await store.sync.applyPullPage([first], 'bbb.4', { reset: true });
    await store.sync.applyPullPage([second], 'bbb.8');
    expect((await store.ui.activities.list()).map((a) => a.title).sort()).toEqual(['Eerste pagina', 'Tweede pagina']);
  });
});
