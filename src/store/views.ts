/**
 * How activity and attendance records become the views the screens show. It
 * reads records with the domain's schemas of every record type, so the store
 * loads it while the database opens rather than with the first screen's code.
 */
import { ATTENDANCE_METHODS, type AttendanceMethod } from '../domain/attendance.ts';
import { counterValue } from '../domain/merge.ts';
import { activityOf, attendanceTotals, type SyncRecord } from '../domain/records.ts';
import type { ActivityView } from './activity-store.ts';
import type { AttendanceView } from './attendance-store.ts';
import type { SyncState } from './sync-state.ts';

// Re-exported for the store's parts that load this module lazily: they reach these through it.
export { attendanceIdFor } from '../domain/attendance.ts';
export { stateOf, syncStates } from './sync-state.ts';

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
