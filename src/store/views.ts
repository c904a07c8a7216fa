/**
 * What the activity and attendance screens read: records turned into plain
 * views with their sync state. It reads records with the domain's schemas of
 * every record type, so the store loads it while the database opens rather
 * than with the first screen's code. Callers run these inside a read
 * transaction over records and outbox.
 */
import { Dexie, type Collection } from 'dexie';
import { ATTENDANCE_METHODS, attendanceIdFor, turnedUp, type AttendanceMethod } from '../domain/attendance.ts';
import { counterValue } from '../domain/merge.ts';
import { activityOf, attendanceTotals, type SyncRecord } from '../domain/records.ts';
import type { ActivityPage, ActivityPageQuery, ActivityRow, ActivityView } from './activity-store.ts';
import type { AttendanceView } from './attendance-store.ts';
import type { BuurtlogDatabase, StoredRecord } from './database.ts';
import { stateOf, syncStates, syncStatesOf, type SyncState } from './sync-state.ts';

/** Every activity not deleted, by date and start. */
export async function readActivities(db: BuurtlogDatabase): Promise<ActivityView[]> {
  const [records, entries] = await Promise.all([db.records.where('type').equals('activity').toArray(), db.outbox.toArray()]);
  const states = syncStates(entries);
  const list: ActivityView[] = [];
  for (const record of records) {
    const view = activityView(record, states.get(record.id) ?? (record.onServer ? 'sent' : 'local'));
    if (view && !view.deleted) list.push(view);
  }
  return list.sort(byDateAndStart);
}

/**
 * One page of the activity list, read by the date index (database.ts version
 * 4): the page's records, their attendance and outbox entries, and an index
 * count — so opening the list costs the same with 500 activities or 50,000.
 * Tombstones and half-arrived records have no list keys, so they are in
 * neither the page nor the count.
 */
export async function readActivityPage(db: BuurtlogDatabase, query: ActivityPageQuery): Promise<ActivityPage> {
  const prefix = query.buurtId === null ? ['activity'] : ['activity', query.buurtId];
  const index = query.buurtId === null ? '[type+listKeys.date+listKeys.start]' : '[type+listKeys.buurt+listKeys.date+listKeys.start]';
  const range = (): Collection<StoredRecord, string> =>
    query.when === 'upcoming'
      ? db.records.where(index).between([...prefix, query.today], [...prefix, Dexie.maxKey], true, true)
      : db.records.where(index).between([...prefix, Dexie.minKey], [...prefix, query.today], true, false);
  const [total, records] = await Promise.all([
    range().count(),
    query.when === 'upcoming' ? range().limit(query.limit).toArray() : latestFirst(db, index, prefix, range(), query.limit),
  ]);
  const [stateOfRecord, attendance] = await Promise.all([syncStatesOf(db, records), db.records.bulkGet(records.map((r) => attendanceIdFor(r.id)))]);
  const rows: ActivityRow[] = [];
  records.forEach((record, i) => {
    const view = activityView(record, stateOfRecord(record));
    if (view && !view.deleted) rows.push({ ...view, turnedUp: turnedUp(attendanceTotals(attendance[i]).counts) });
  });
  return { rows: rows.sort(byDateAndStart), total };
}

/**
 * The first `limit` past activities in the list's order: latest date and
 * start first, and among equal ones the lowest id first. The index walked
 * backwards gives equal ones highest id first, so the last date and start of
 * the page are read whole and their lowest ids taken.
 */
async function latestFirst(
  db: BuurtlogDatabase,
  index: string,
  prefix: readonly string[],
  range: Collection<StoredRecord, string>,
  limit: number,
): Promise<StoredRecord[]> {
  const page = await range.reverse().limit(limit).toArray();
  const last = page.at(-1)?.listKeys;
  if (last?.date === undefined || last.start === undefined) return page;
  const isLast = (record: StoredRecord) => record.listKeys?.date === last.date && record.listKeys?.start === last.start;
  const before = page.filter((record) => !isLast(record));
  const tied = await db.records
    .where(index)
    .equals([...prefix, last.date, last.start])
    .toArray();
  return [...before, ...tied.slice(0, page.length - before.length)];
}

export async function readActivity(db: BuurtlogDatabase, id: string): Promise<ActivityView | null> {
  return (await readActivitiesById(db, [id]))[0] ?? null;
}

/** These activities (those not deleted, in the order asked), in one read. */
export async function readActivitiesById(db: BuurtlogDatabase, ids: readonly string[]): Promise<ActivityView[]> {
  const records = (await db.records.bulkGet([...ids])).filter((record): record is StoredRecord => record?.type === 'activity');
  const stateOfRecord = await syncStatesOf(db, records);
  return records.flatMap((record) => {
    const view = activityView(record, stateOfRecord(record));
    return view && !view.deleted ? [view] : [];
  });
}

export async function readAttendance(db: BuurtlogDatabase, deviceId: string, activityId: string): Promise<AttendanceView> {
  const id = attendanceIdFor(activityId);
  const [record, entries] = await Promise.all([db.records.get(id), db.outbox.where('recordId').equals(id).toArray()]);
  return attendanceView(activityId, record, deviceId, stateOf(record, entries));
}

function activityView(record: SyncRecord, syncState: SyncState): ActivityView | null {
  const activity = activityOf(record);
  return activity ? { ...activity, syncState } : null;
}

/** Newest plans last: by date, then start time; ties by id so the order is stable. */
function byDateAndStart(a: ActivityView, b: ActivityView): number {
  return a.date.localeCompare(b.date) || a.start.localeCompare(b.start) || a.id.localeCompare(b.id);
}

function attendanceView(activityId: string, record: SyncRecord | undefined, deviceId: string, syncState: SyncState): AttendanceView {
  const method = record?.fields['method']?.v;
  const ownCounts: Record<string, number> = {};
  for (const [key, counter] of Object.entries(record?.counters ?? {})) {
    const own = counter[deviceId];
    if (own) ownCounts[key] = counterValue({ [deviceId]: own });
  }
  return {
    ...attendanceTotals(record),
    activityId,
    method: (ATTENDANCE_METHODS as readonly unknown[]).includes(method) ? (method as AttendanceMethod) : 'headcount',
    ownCounts,
    syncState: record ? syncState : null,
  };
}
