/**
 * Leaving scope (issue 13, item 5), in the device store on fake-indexeddb: a
 * pulled page's `gone` drops those records in the page's transaction — with
 * the photos only they showed, but never a photo of this phone's not yet
 * uploaded — except a record with outbox entries, which stays until its
 * last entry is acknowledged or its refusal dismissed. A record that comes
 * back into scope, or arrives in the same page, stays.
 */
// Dexie's liveQuery needs a global indexedDB, read when dexie loads; each store still gets its own IDBFactory.
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { attendanceIdFor } from '../../../src/domain/attendance.ts';
import { formatHlc } from '../../../src/domain/hlc.ts';
import { uuidv7 } from '../../../src/domain/ids.ts';
import type { SyncRecord } from '../../../src/domain/records.ts';
import { createDatabase, type BuurtlogDatabase } from '../../../src/store/database.ts';
import { activityInput, openTestStore, type TestStore } from '../../fixtures/factories.ts';
import { DEVICE_B, NOW, TENANT } from '../../fixtures/fixed.ts';

const stamp = (offsetMs: number) => formatHlc({ wall: NOW + offsetMs, counter: 0, node: DEVICE_B });
const values = (record: Record<string, unknown>, offsetMs: number) =>
  Object.fromEntries(Object.entries(record).map(([k, v]) => [k, { v, t: stamp(offsetMs) }]));
const hash = (n: number) => n.toString(16).padStart(64, '0');
const jpeg = (n: number) => ({ blob: new Blob([new Uint8Array(1_000).fill(n)], { type: 'image/jpeg' }), sha256: hash(n), type: 'image/jpeg' });

let made = 0;
/** A colleague's activity as pulled. */
function remoteActivity(title: string, extra: Record<string, unknown> = {}): SyncRecord {
  made += 1;
  return {
    id: uuidv7(NOW + made),
    type: 'activity',
    tenantId: TENANT,
    fields: values({ ...activityInput({ title }), createdAt: NOW, createdBy: DEVICE_B, ...extra }, made),
    counters: {},
  };
}

/** A colleague's finding of a schouw round, naming photos (and one thumbnail), as pulled. */
function remoteFinding(roundId: string, photos: readonly string[], thumbnails: Record<string, string> = {}): SyncRecord {
  made += 1;
  return {
    id: uuidv7(NOW + made),
    type: 'finding',
    tenantId: TENANT,
    fields: values(
      {
        schouwId: roundId,
        buurtId: 'oranjebuurt',
        teamId: null,
        element: 'playEquipment',
        aspect: 'damage',
        level: 'C',
        photos,
        thumbnails,
        createdAt: NOW,
        createdBy: DEVICE_B,
      },
      made,
    ),
    counters: {},
  };
}

const gone = (...records: ReadonlyArray<{ id: string; type: string }>) => ({ gone: records.map(({ id, type }) => ({ id, type })) });

async function openStoreWithDb(): Promise<{ store: TestStore; db: BuurtlogDatabase }> {
  const db = createDatabase(`leave-scope-${made}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  return { store: await openTestStore({ database: db }), db };
}

async function pushAnswered(
  store: TestStore,
  answer: (recordId: string) => { status: 'applied' } | { status: 'rejected'; reason: 'forbidden'; message: string },
) {
  const batch = await store.sync.takeBatch({ maxCount: 500, maxBytes: 10_000_000 });
  await store.sync.applyPushResults(batch.map((m) => ({ mutationId: m.mutationId, ...answer(m.recordId) })));
}

describe('a pulled page that names records gone', () => {
  it('drops them and their counts with the page’s cursor, ignores unknown ids, and adds a record that moved into scope', async () => {
    const { store, db } = await openStoreWithDb();
    const leaving = remoteActivity('Verhuisd naar Kinderdijk');
    const counts: SyncRecord = {
      id: attendanceIdFor(leaving.id),
      type: 'attendance',
      tenantId: TENANT,
      fields: values({ activityId: leaving.id }, 0),
      counters: {},
    };
    const staying = remoteActivity('Blijft van ons');
    await store.sync.applyPullPage([leaving, counts, staying], 'aaa.5');
    expect((await store.ui.activities.list()).map((activity) => activity.title).sort()).toEqual(['Blijft van ons', 'Verhuisd naar Kinderdijk']);

    const arriving = remoteActivity('Verhuisd naar ons');
    await store.sync.applyPullPage([arriving], 'aaa.9', gone(leaving, counts, { id: uuidv7(NOW + 999), type: 'activity' }));
    expect((await store.ui.activities.list()).map((activity) => activity.title).sort()).toEqual(['Blijft van ons', 'Verhuisd naar ons']);
    expect(await db.records.get(counts.id)).toBeUndefined();
    expect(await store.sync.getCursor()).toBe('aaa.9');
  });

  it('keeps a record with an unsent change until the push is refused and the refusal dismissed, showing the refusal meanwhile', async () => {
    const { store, db } = await openStoreWithDb();
    const moved = remoteActivity('Verhuisd');
    await store.sync.applyPullPage([moved], 'aaa.1');
    await store.ui.activities.update(moved.id, { title: 'Mijn wijziging' });

    await store.sync.applyPullPage([], 'aaa.2', gone(moved));
    expect(await store.ui.activities.get(moved.id)).toMatchObject({ title: 'Mijn wijziging', syncState: 'local' });
    expect(await store.sync.pendingCount()).toBe(1);

    await pushAnswered(store, () => ({ status: 'rejected', reason: 'forbidden', message: 'not your buurt' }));
    const { rejected } = await store.ui.outbox.summary();
    expect(rejected).toEqual([expect.objectContaining({ recordId: moved.id, reason: 'forbidden' })]);
    expect(await store.ui.activities.get(moved.id)).toMatchObject({ title: 'Mijn wijziging' });

    await store.ui.outbox.dismissRejected(rejected[0]?.mutationId as string);
    expect(await store.ui.activities.get(moved.id)).toBeNull();
    expect(await db.records.count()).toBe(0);
  });

  it('keeps a record with an unsent change until the server acknowledges it, then drops it', async () => {
    const { store } = await openStoreWithDb();
    const moved = remoteActivity('Verhuisd');
    await store.sync.applyPullPage([moved], 'aaa.1');
    await store.ui.activities.update(moved.id, { notes: 'Nog even dit' });
    await store.sync.applyPullPage([], 'aaa.2', gone(moved));
    expect(await store.ui.activities.get(moved.id)).toMatchObject({ notes: 'Nog even dit' });
    await pushAnswered(store, () => ({ status: 'applied' }));
    expect(await store.ui.activities.get(moved.id)).toBeNull();
  });

  it('keeps a record named gone that came back into scope before its change was acknowledged', async () => {
    const { store } = await openStoreWithDb();
    const moved = remoteActivity('Heen en terug');
    await store.sync.applyPullPage([moved], 'aaa.1');
    await store.ui.activities.update(moved.id, { notes: 'Lokaal' });
    await store.sync.applyPullPage([], 'aaa.2', gone(moved));
    await store.sync.applyPullPage([{ ...moved, fields: { ...moved.fields, buurtId: { v: 'oranjebuurt', t: stamp(50_000) } } }], 'aaa.3');
    await pushAnswered(store, () => ({ status: 'applied' }));
    expect(await store.ui.activities.get(moved.id)).toMatchObject({ title: 'Heen en terug', notes: 'Lokaal', syncState: 'sent' });
  });

  it('drops the photos and thumbnails only a gone record showed, but never a photo this phone has not uploaded', async () => {
    const { store } = await openStoreWithDb();
    const round = remoteActivity('Schouw', { type: 'schouw' });
    // Photo 1 and its thumbnail 2 fetched from the server; 3 shared with a finding that stays; 4 this phone's own, not sent yet.
    const leaving = remoteFinding(round.id, [hash(1), hash(3), hash(4)], { [hash(1)]: hash(2) });
    const staying = remoteFinding(round.id, [hash(3)]);
    await store.sync.applyPullPage([round, leaving, staying], 'aaa.1');
    for (const n of [1, 2, 3]) await store.ui.photos.cache(jpeg(n), 10_000_000);
    await store.ui.photos.add(jpeg(4));

    await store.sync.applyPullPage([], 'aaa.2', gone(leaving));
    const states = await store.ui.photos.states([hash(1), hash(2), hash(3), hash(4)]);
    expect(states).toEqual({ [hash(1)]: null, [hash(2)]: null, [hash(3)]: expect.anything(), [hash(4)]: expect.anything() });
  });
});
