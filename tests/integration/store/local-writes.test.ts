// Dexie's liveQuery needs a global indexedDB, read when dexie loads; each store still gets its own IDBFactory.
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange, forceCloseDatabase } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { attendanceIdFor, pc4CounterKey } from '../../../src/domain/attendance.ts';
import { parseHlc } from '../../../src/domain/hlc.ts';
import { createDatabase, type BuurtlogDatabase } from '../../../src/store/database.ts';
import { TAP_MEASURE } from '../../../src/store/attendance-store.ts';
import { InvalidInputError } from '../../../src/store/invalid-input.ts';
import { createLocal } from '../../../src/store/local-write.ts';
import { activityInput, manualClock, openTestStore, type TestStore } from '../../fixtures/factories.ts';
import { DEVICE_A, NOW, TENANT } from '../../fixtures/fixed.ts';

/** A database whose writes to `table` fail while `failing.on` is set (a quota error, a crash mid-write). */
function failingDatabase(table: string): { db: BuurtlogDatabase; failing: { on: boolean } } {
  const failing = { on: false };
  const db = createDatabase(`failing-${table}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  db.use({
    stack: 'dbcore',
    name: 'fail-writes',
    create: (down) => ({
      ...down,
      table: (name) => {
        const inner = down.table(name);
        return name !== table
          ? inner
          : { ...inner, mutate: (req) => (failing.on ? Promise.reject(new DOMException('quota exceeded', 'QuotaExceededError')) : inner.mutate(req)) };
      },
    }),
  });
  return { db, failing };
}

async function outboxOf(store: TestStore) {
  return (await store.ui.outbox.exportUnsent()).changes;
}

describe('a local write', () => {
  it('saves the activity and its outbox entry together', async () => {
    const store = await openTestStore();
    const id = await store.ui.activities.create(activityInput());

    const [view] = await store.ui.activities.list();
    expect(view).toMatchObject({ id, title: 'Buurtbarbecue Oranjebuurt', createdBy: DEVICE_A, createdAt: NOW, deleted: false, syncState: 'local' });
    const changes = await outboxOf(store);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      recordId: id,
      recordType: 'activity',
      state: 'pending',
      mutation: { recordId: id, tenantId: TENANT, schemaVersion: 1 },
    });
    expect(Object.keys(changes[0]?.mutation.fields ?? {})).toEqual(
      expect.arrayContaining(['title', 'type', 'buurtId', 'date', 'start', 'status', 'createdAt', 'createdBy']),
    );
  });

  // A pure tap carries no HLC: it writes the record and its outbox entry, not the clock in meta.
  it.each([
    ['records', true],
    ['outbox', true],
    ['meta', false],
  ] as const)('leaves neither record nor outbox entry when the %s write fails', async (table, isTapWrite) => {
    const { db, failing } = failingDatabase(table);
    const store = await openTestStore({ database: db });
    const id = await store.ui.activities.create(activityInput());
    await store.ui.attendance.bump(id, 'residents', 1);
    const before = await store.ui.outbox.exportUnsent();

    failing.on = true;
    await expect(store.ui.activities.update(id, { title: 'Nieuwe titel' })).rejects.toThrow();
    if (isTapWrite) await expect(store.ui.attendance.bump(id, 'residents', 1)).rejects.toThrow();
    await expect(store.ui.activities.create(activityInput({ title: 'Nooit opgeslagen' }))).rejects.toThrow();
    failing.on = false;

    expect(await store.ui.outbox.exportUnsent()).toEqual(before);
    expect((await store.ui.attendance.get(id)).counts.residents).toBe(1);
    expect((await store.ui.activities.list()).map((a) => a.title)).toEqual(['Buurtbarbecue Oranjebuurt']);
  });

  it('refuses invalid input with field messages and writes nothing', async () => {
    const store = await openTestStore();
    const error = await store.ui.activities.create(activityInput({ title: '  ', date: '2025-13-01' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).issues.map((issue) => issue.path)).toEqual(['title', 'date']);
    await expect(store.ui.attendance.bump('not-an-id', 'residents', 1)).rejects.toBeInstanceOf(InvalidInputError);
    await expect(store.ui.attendance.bump('0195940a-0000-7000-8000-000000000001', pc4CounterKey('123'), 1)).rejects.toBeInstanceOf(InvalidInputError);
    expect(await outboxOf(store)).toEqual([]);
  });

  it('gives new HLCs only to the fields that changed', async () => {
    const clock = manualClock();
    const store = await openTestStore({ now: clock.now });
    const id = await store.ui.activities.create(activityInput());
    clock.advance(60_000);
    await store.ui.activities.update(id, { title: 'Buurtbarbecue', place: 'Speeltuin Oranjelaan', notes: 'Neem een stoel mee' });

    const { records } = await store.ui.outbox.exportUnsent();
    const fields = records[0]?.fields ?? {};
    expect(parseHlc(fields['title']?.t ?? '').wall).toBe(NOW + 60_000);
    expect(parseHlc(fields['notes']?.t ?? '').wall).toBe(NOW + 60_000);
    expect(parseHlc(fields['place']?.t ?? '').wall).toBe(NOW);
  });

  it('writes nothing when an update changes nothing', async () => {
    const store = await openTestStore();
    const id = await store.ui.activities.create(activityInput());
    const before = await outboxOf(store);
    await store.ui.activities.update(id, { title: 'Buurtbarbecue Oranjebuurt' });
    expect(await outboxOf(store)).toEqual(before);
  });

  it('deletes by tombstone: hidden from the list, kept as a record, sent as a change', async () => {
    const store = await openTestStore();
    const keep = await store.ui.activities.create(activityInput({ title: 'Blijft' }));
    const gone = await store.ui.activities.create(activityInput({ title: 'Gaat weg' }));
    await store.ui.activities.delete(gone);

    expect((await store.ui.activities.list()).map((a) => a.id)).toEqual([keep]);
    expect(await store.ui.activities.get(gone)).toBeNull();
    const { records, changes } = await store.ui.outbox.exportUnsent();
    expect(records.find((r) => r.id === gone)?.fields['deleted']?.v).toBe(true);
    expect(changes.find((c) => c.recordId === gone)?.mutation.fields['deleted']?.v).toBe(true);
  });

  it('lists activities by date and start time', async () => {
    const store = await openTestStore();
    await store.ui.activities.create(activityInput({ title: 'c', date: '2025-06-21', start: '19:00' }));
    await store.ui.activities.create(activityInput({ title: 'a', date: '2025-05-01', start: '10:00' }));
    await store.ui.activities.create(activityInput({ title: 'b', date: '2025-06-21', start: '09:30' }));
    expect((await store.ui.activities.list()).map((a) => a.title)).toEqual(['a', 'b', 'c']);
  });
});

describe('counting at the door', () => {
  it('counts ten taps made at once, in one attendance record with one pending entry', async () => {
    const store = await openTestStore();
    const activityId = await store.ui.activities.create(activityInput());
    // Nothing counted yet: no record, so nothing is "Verstuurd" either.
    expect((await store.ui.attendance.get(activityId)).syncState).toBeNull();
    await Promise.all(Array.from({ length: 10 }, () => store.ui.attendance.bump(activityId, 'residents', 1)));

    const attendance = await store.ui.attendance.get(activityId);
    expect(attendance).toMatchObject({ activityId, method: 'headcount', ownCounts: { residents: 10 }, syncState: 'local' });
    expect(attendance.counts.residents).toBe(10);
    const entries = (await outboxOf(store)).filter((c) => c.recordType === 'attendance');
    expect(entries).toHaveLength(1);
    expect(entries[0]?.recordId).toBe(attendanceIdFor(activityId));
    expect(entries[0]?.mutation.counters).toEqual({ residents: { [DEVICE_A]: { p: 10, n: 0 } } });
    expect(entries[0]?.mutation.fields['activityId']?.v).toBe(activityId);
  });

  it('takes a tap back, but never below zero', async () => {
    const store = await openTestStore();
    const activityId = await store.ui.activities.create(activityInput());
    await store.ui.attendance.bump(activityId, 'children', -1);
    expect(await outboxOf(store)).toHaveLength(1);
    await store.ui.attendance.bump(activityId, 'children', 1);
    await store.ui.attendance.bump(activityId, 'children', 1);
    await store.ui.attendance.bump(activityId, 'children', -1);
    await store.ui.attendance.bump(activityId, pc4CounterKey('2951'), 1);
    const attendance = await store.ui.attendance.get(activityId);
    expect(attendance.counts.children).toBe(1);
    expect(attendance.postcodes).toEqual([['2951', 1]]);
  });

  it('shows zeros for an activity nobody counted yet', async () => {
    const store = await openTestStore();
    const activityId = await store.ui.activities.create(activityInput());
    const attendance = await store.ui.attendance.get(activityId);
    expect(Object.values(attendance.counts)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(attendance).toMatchObject({ postcodes: [], ownCounts: {}, method: 'headcount' });
  });

  it('sets the attendance method once', async () => {
    const store = await openTestStore();
    const activityId = await store.ui.activities.create(activityInput());
    await store.ui.attendance.setMethod(activityId, 'estimate');
    await store.ui.attendance.setMethod(activityId, 'estimate');
    expect((await store.ui.attendance.get(activityId)).method).toBe('estimate');
  });

  it('marks how long a tap takes to become durable', async () => {
    const store = await openTestStore();
    const activityId = await store.ui.activities.create(activityInput());
    performance.clearMeasures(TAP_MEASURE);
    await store.ui.attendance.bump(activityId, 'residents', 1);
    expect(performance.getEntriesByName(TAP_MEASURE, 'measure')).toHaveLength(1);
  });
});

describe('when iOS closes the database', () => {
  it('reopens after the connection is force-closed under the store', async () => {
    const db = createDatabase('forced', { indexedDB: new IDBFactory(), IDBKeyRange });
    const store = await openTestStore({ database: db });
    const activityId = await store.ui.activities.create(activityInput());
    forceCloseDatabase(db.backendDB() as never);
    await store.ui.attendance.bump(activityId, 'residents', 1);
    expect((await store.ui.attendance.get(activityId)).counts.residents).toBe(1);
  });

  it('reopens after the database was closed and retries the write once', async () => {
    const db = createDatabase('closed', { indexedDB: new IDBFactory(), IDBKeyRange });
    const store = await openTestStore({ database: db });
    const activityId = await store.ui.activities.create(activityInput());
    db.close();
    await store.ui.attendance.bump(activityId, 'residents', 1);
    db.close();
    expect((await store.ui.attendance.get(activityId)).counts.residents).toBe(1);
    db.close();
    expect(await store.ui.activities.list()).toHaveLength(1);
  });
});

describe('creating a record that cannot exist yet (createLocal)', () => {
  const context = (db: BuurtlogDatabase) => ({ db, deviceId: DEVICE_A, tenantId: TENANT, now: () => NOW });
  const fresh = () => createDatabase(`create-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  const clockOf = async (db: BuurtlogDatabase) => (await db.meta.toArray()).find((row) => row.key.includes('clock') && !row.key.includes('ffset'))?.value;

  it('writes the record, its outbox entry and the clock in one transaction, each create with a later HLC', async () => {
    const db = fresh();
    const ctx = context(db);
    await createLocal(ctx, { id: 'obs-1', type: 'safetyObservation' }, async () => ({ type: 'openWindowOrDoor', roundId: 'r' }));
    await createLocal(ctx, { id: 'obs-2', type: 'safetyObservation' }, async () => ({ type: 'streetLightOut', roundId: 'r' }));
    const [first, second] = await db.records.bulkGet(['obs-1', 'obs-2']);
    expect(first?.fields['type']?.v).toBe('openWindowOrDoor');
    const t1 = parseHlc(first?.fields['type']?.t as string);
    const t2 = parseHlc(second?.fields['type']?.t as string);
    expect(t2.wall > t1.wall || (t2.wall === t1.wall && t2.counter > t1.counter)).toBe(true);
    const outbox = await db.outbox.toArray();
    expect(outbox.map((entry) => [entry.recordId, entry.state, entry.mutation.fields['type']?.v])).toEqual([
      ['obs-1', 'pending', 'openWindowOrDoor'],
      ['obs-2', 'pending', 'streetLightOut'],
    ]);
    expect(await clockOf(db)).toMatchObject({ wall: t2.wall, counter: t2.counter });
    db.close();
  });

  it('writes nothing when its own reads refuse (the round is not on the device)', async () => {
    const db = fresh();
    const refused = createLocal(context(db), { id: 'obs-1', type: 'safetyObservation' }, async () => {
      throw new InvalidInputError([{ path: 'roundId', message: 'no patrol round' }]);
    });
    await expect(refused).rejects.toBeInstanceOf(InvalidInputError);
    expect(await db.records.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await clockOf(db)).toBeUndefined();
    db.close();
  });

  it('leaves no record without its outbox entry when the outbox write fails', async () => {
    const { db, failing } = failingDatabase('outbox');
    failing.on = true;
    await expect(createLocal(context(db), { id: 'obs-1', type: 'safetyObservation' }, async () => ({ type: 'openWindowOrDoor' }))).rejects.toThrow();
    expect(await db.records.count()).toBe(0);
    expect(await clockOf(db)).toBeUndefined();
    db.close();
  });
});
