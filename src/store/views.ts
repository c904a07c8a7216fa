/**
 * What the UI reads: records turned into plain views, with whether this
 * phone's changes to them have reached the server. It reads records with
 * the domain's schemas of every record type, so the store loads it while the
 * database opens rather than with the first screen's code.
 */
import type { Activity } from '../domain/activity.ts';
import { ATTENDANCE_METHODS } from '../domain/attendance.ts';
import { counterValue } from '../domain/merge.ts';
import { activityOf, attendanceTotals, type AttendanceTotals, type SyncRecord } from '../domain/records.ts';
import type { OutboxEntry, StoredRecord } from './database.ts';

export { attendanceIdFor } from '../domain/attendance.ts';

/** 'local' = alleen op dit toestel; 'sent' = the server acknowledged it; 'rejected' = the server refused a change. */
export type SyncState = 'local' | 'sent' | 'rejected';
export type AttendanceMethod = (typeof ATTENDANCE_METHODS)[number];
export type ActivityView = Activity & { id: string; syncState: SyncState };
export type AttendanceView = AttendanceTotals & {
  activityId: string;
  method: AttendanceMethod;
  /** This device's own net count per key, so the UI can tell what this phone counted. */
  ownCounts: Record<string, number>;
  syncState: SyncState;
};

/**
 * A refused change outweighs an unsent one: the user has to act on it. (A
 * record with both shows 'rejected'; its pending change is in the summary.)
 */
export function syncStates(entries: readonly Pick<OutboxEntry, 'recordId' | 'state'>[]): Map<string, SyncState> {
  const states = new Map<string, SyncState>();
  for (const entry of entries) {
    if (entry.state === 'rejected') states.set(entry.recordId, 'rejected');
    else if (!states.has(entry.recordId)) states.set(entry.recordId, 'local');
  }
  return states;
}

/** A record's state: its entries decide; without any, whether the server is known to have it. */
export function stateOf(record: StoredRecord | undefined, entries: readonly OutboxEntry[]): SyncState {
  return syncStates(entries).get(record?.id ?? '') ?? (record && !record.onServer ? 'local' : 'sent');
}

export function activityView(record: SyncRecord, syncState: SyncState): ActivityView | null {
  const activity = activityOf(record);
  return activity ? { ...activity, syncState } : null;
}

/** Newest plans last: by date, then start time; ties by id so the order is stable. */
export function byDateAndStart(a: ActivityView, b: ActivityView): number {
  return a.date.localeCompare(b.date) || a.start.localeCompare(b.start) || a.id.localeCompare(b.id);
}

export function attendanceView(activityId: string, record: SyncRecord | undefined, deviceId: string, syncState: SyncState): AttendanceView {
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
    syncState,
  };
}
