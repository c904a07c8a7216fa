/**
 * What the activity and attendance screens read: records turned into plain
 * views with their sync state. It reads records with the domain's schemas of
 * every record type, so the store loads it while the database opens rather
 * than with the first screen's code. Callers run these inside a read
 * transaction over records and outbox.
 */
import { ATTENDANCE_METHODS, attendanceIdFor, type AttendanceMethod } from '../domain/attendance.ts';
import { counterValue } from '../domain/merge.ts';
import { activityOf, attendanceTotals, type SyncRecord } from '../domain/records.ts';
import type { ActivityView } from './activity-store.ts';
import type { AttendanceView } from './attendance-store.ts';
import type { BuurtlogDatabase } from './database.ts';
import { stateOf, syncStates, type SyncState } from './sync-state.ts';

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

export async function readActivity(db: BuurtlogDatabase, id: string): Promise<ActivityView | null> {
  const [record, entries] = await Promise.all([db.records.get(id), db.outbox.where('recordId').equals(id).toArray()]);
  if (record?.type !== 'activity') return null;
  const view = activityView(record, stateOf(record, entries));
  return view && !view.deleted ? view : null;
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
