// Dexie's liveQuery needs a global indexedDB, read when dexie loads; each store still gets its own IDBFactory.
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange, forceCloseDatabase } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { attendanceIdFor } from '../../../src/domain/attendance.ts';
import { parseHlc } from '../../../src/domain/hlc.ts';
import { createDatabase, type BuurtlogDatabase } from '../../../src/store/database.ts';
import { InvalidInputError, TAP_MEASURE, type Store } from '../../../src/store/store.ts';
import { PHONE_A, T0, TENANT, activityInput, manualClock, openTestStore } from '../../fixtures/factories.ts';

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
        return name !== table ? inner : { ...inner, mutate: (req) => (failing.on ? Promise.reject(new DOMException('quota exceeded', 'QuotaExceededError')) : inner.mutate(req)) };
      },
    }),
  });
  return { db, failing };
}

async function outboxOf(store: Store) {
  return (await store.exportUnsent()).changes;
}

describe('a local write', () => {
  it('saves the activity and its outbox entry together', async () => {
    const store = await openTestStore();
    const id = await store.createActivity(activityInput());

    const [view] = await store.listActivities();
    expect(view).toMatchObject({ id, title: 'Buurtbarbecue Oranjebuurt', createdBy: PHONE_A, createdAt: T0, deleted: false, syncState: 'local' });
    const changes = await outboxOf(store);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ recordId: id, recordType: 'activity', state: 'pending', mutation: { recordId: id, tenantId: TENANT, schemaVersion: 1 } });
    expect(Object.keys(changes[0]?.mutation.fields ?? {})).toEqual(expect.arrayContaining(['title', 'type', 'buurtId', 'date', 'start', 'status', 'createdAt', 'createdBy']));
  });

  // A pure tap carries no HLC: it writes the record and its outbox entry, not the clock in meta.
  it.each([
    ['records', true],
    ['outbox', true],
    ['meta', false],
  ] as const)('leaves neither record nor outbox entry when the %s write fails', async (table, isTapWrite) => {
    const { db, failing } = failingDatabase(table);
    const store = await openTestStore({ database: db });
    const id = await store.createActivity(activityInput());
    await store.bumpCount(id, 'residents', 1);
    const before = await store.exportUnsent();

    failing.on = true;
    await expect(store.updateActivity(id, { title: 'Nieuwe titel' })).rejects.toThrow();
    if (isTapWrite) await expect(store.bumpCount(id, 'residents', 1)).rejects.toThrow();
    await expect(store.createActivity(activityInput({ title: 'Nooit opgeslagen' }))).rejects.toThrow();
    failing.on = false;

    expect(await store.exportUnsent()).toEqual(before);
    expect((await store.getAttendance(id)).counts.residents).toBe(1);
    expect((await store.listActivities()).map((a) => a.title)).toEqual(['Buurtbarbecue Oranjebuurt']);
  });

  it('refuses invalid input with field messages and writes nothing', async () => {
    const store = await openTestStore();
    const error = await store.createActivity(activityInput({ title: '  ', date: '2025-13-01' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).issues.map((issue) => issue.path)).toEqual(['title', 'date']);
    await expect(store.bumpCount('not-an-id', 'residents', 1)).rejects.toBeInstanceOf(InvalidInputError);
    await expect(store.bumpCount('0195940a-0000-7000-8000-000000000001', 'pc4:123' as 'pc4:1234', 1)).rejects.toBeInstanceOf(InvalidInputError);
    expect(await outboxOf(store)).toEqual([]);
  });

  it('gives new HLCs only to the fields that changed', async () => {
    const clock = manualClock();
    const store = await openTestStore({ now: clock.now });
    const id = await store.createActivity(activityInput());
    clock.advance(60_000);
    await store.updateActivity(id, { title: 'Buurtbarbecue', place: 'Speeltuin Oranjelaan', notes: 'Neem een stoel mee' });

    const { records } = await store.exportUnsent();
    const fields = records[0]?.fields ?? {};
    expect(parseHlc(fields['title']?.t ?? '').wall).toBe(T0 + 60_000);
    expect(parseHlc(fields['notes']?.t ?? '').wall).toBe(T0 + 60_000);
    expect(parseHlc(fields['place']?.t ?? '').wall).toBe(T0);
  });

  it('writes nothing when an update changes nothing', async () => {
    const store = await openTestStore();
    const id = await store.createActivity(activityInput());
    const before = await outboxOf(store);
    await store.updateActivity(id, { title: 'Buurtbarbecue Oranjebuurt' });
    expect(await outboxOf(store)).toEqual(before);
  });

  it('deletes by tombstone: hidden from the list, kept as a record, sent as a change', async () => {
    const store = await openTestStore();
    const keep = await store.createActivity(activityInput({ title: 'Blijft' }));
    const gone = await store.createActivity(activityInput({ title: 'Gaat weg' }));
    await store.deleteActivity(gone);

    expect((await store.listActivities()).map((a) => a.id)).toEqual([keep]);
    expect(await store.getActivity(gone)).toBeNull();
    const { records, changes } = await store.exportUnsent();
    expect(records.find((r) => r.id === gone)?.fields['deleted']?.v).toBe(true);
    expect(changes.find((c) => c.recordId === gone)?.mutation.fields['deleted']?.v).toBe(true);
  });

  it('lists activities by date and start time', async () => {
    const store = await openTestStore();
    await store.createActivity(activityInput({ title: 'c', date: '2025-06-21', start: '19:00' }));
    await store.createActivity(activityInput({ title: 'a', date: '2025-05-01', start: '10:00' }));
    await store.createActivity(activityInput({ title: 'b', date: '2025-06-21', start: '09:30' }));
    expect((await store.listActivities()).map((a) => a.title)).toEqual(['a', 'b', 'c']);
  });
});

describe('counting at the door', () => {
  it('counts ten taps made at once, in one attendance record with one pending entry', async () => {
    const store = await openTestStore();
    const activityId = await store.createActivity(activityInput());
    await Promise.all(Array.from({ length: 10 }, () => store.bumpCount(activityId, 'residents', 1)));

    const attendance = await store.getAttendance(activityId);
    expect(attendance).toMatchObject({ activityId, method: 'headcount', ownCounts: { residents: 10 }, syncState: 'local' });
    expect(attendance.counts.residents).toBe(10);
    const entries = (await outboxOf(store)).filter((c) => c.recordType === 'attendance');
    expect(entries).toHaveLength(1);
    expect(entries[0]?.recordId).toBe(attendanceIdFor(activityId));
    expect(entries[0]?.mutation.counters).toEqual({ residents: { [PHONE_A]: { p: 10, n: 0 } } });
    expect(entries[0]?.mutation.fields['activityId']?.v).toBe(activityId);
  });

  it('takes a tap back, but never below zero', async () => {
    const store = await openTestStore();
    const activityId = await store.createActivity(activityInput());
    await store.bumpCount(activityId, 'children', -1);
    expect(await outboxOf(store)).toHaveLength(1);
    await store.bumpCount(activityId, 'children', 1);
    await store.bumpCount(activityId, 'children', 1);
    await store.bumpCount(activityId, 'children', -1);
    await store.bumpCount(activityId, 'pc4:2951', 1);
    const attendance = await store.getAttendance(activityId);
    expect(attendance.counts.children).toBe(1);
    expect(attendance.postcodes).toEqual([['2951', 1]]);
  });

  it('shows zeros for an activity nobody counted yet', async () => {
    const store = await openTestStore();
    const activityId = await store.createActivity(activityInput());
    const attendance = await store.getAttendance(activityId);
    expect(Object.values(attendance.counts)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(attendance).toMatchObject({ postcodes: [], ownCounts: {}, method: 'headcount' });
  });

  it('sets the attendance method once', async () => {
    const store = await openTestStore();
    const activityId = await store.createActivity(activityInput());
    await store.setAttendanceMethod(activityId, 'estimate');
    await store.setAttendanceMethod(activityId, 'estimate');
    expect((await store.getAttendance(activityId)).method).toBe('estimate');
  });

  it('marks how long a tap takes to become durable', async () => {
    const store = await openTestStore();
    const activityId = await store.createActivity(activityInput());
    performance.clearMeasures(TAP_MEASURE);
    await store.bumpCount(activityId, 'residents', 1);
    expect(performance.getEntriesByName(TAP_MEASURE, 'measure')).toHaveLength(1);
  });
});

describe('when iOS closes the database', () => {
  it('reopens after the connection is force-closed under the store', async () => {
    const db = createDatabase('forced', { indexedDB: new IDBFactory(), IDBKeyRange });
    const store = await openTestStore({ database: db });
    const activityId = await store.createActivity(activityInput());
    forceCloseDatabase(db.backendDB() as never);
    await store.bumpCount(activityId, 'residents', 1);
    expect((await store.getAttendance(activityId)).counts.residents).toBe(1);
  });

  it('reopens after the database was closed and retries the write once', async () => {
    const db = createDatabase('closed', { indexedDB: new IDBFactory(), IDBKeyRange });
    const store = await openTestStore({ database: db });
    const activityId = await store.createActivity(activityInput());
    db.close();
    await store.bumpCount(activityId, 'residents', 1);
    db.close();
    expect((await store.getAttendance(activityId)).counts.residents).toBe(1);
    db.close();
    expect(await store.listActivities()).toHaveLength(1);
  });
});
