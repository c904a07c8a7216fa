/**
 * An activity's attendance: the taps on its counters and how it was counted.
 * Its code (attendance-write.ts, views.ts) loads while the database opens, so
 * the first tap does not wait for it.
 */
import type { AttendanceMethod, CounterKey } from '../domain/attendance.ts';
import type { AttendanceTotals } from '../domain/records.ts';
import type { StoreCore } from './core.ts';
import type { SyncState } from './sync-state.ts';

export type AttendanceView = AttendanceTotals & {
  activityId: string;
  method: AttendanceMethod;
  /** This device's own net count per key, so the UI can tell what this phone counted. */
  ownCounts: Record<string, number>;
  /** Null while nothing has been counted for the activity on any phone: there is no record to send (not "Verstuurd"). */
  syncState: SyncState | null;
};

export type AttendanceStore = {
  get(activityId: string): Promise<AttendanceView>;
  /** One tap: +1 or -1 on this device's own count; a minus at zero does nothing. */
  bump(activityId: string, key: CounterKey, delta: 1 | -1): Promise<void>;
  setMethod(activityId: string, method: AttendanceMethod): Promise<void>;
};

/** The name of the performance measure from a tap to its commit (read by `npm run bench`). */
export const TAP_MEASURE = 'buurtlog:tap-durable';

export function attendanceStore(core: StoreCore): AttendanceStore {
  const { db } = core;
  const writes = core.lazy(() => import('./attendance-write.ts'));
  const views = core.lazy(() => import('./views.ts'));
  writes.preload();
  views.preload();
  return {
    get: (activityId) => views((v) => db.transaction('r', [db.records, db.outbox], () => v.readAttendance(db, core.deviceId, activityId))),
    async bump(activityId, key, delta) {
      const perf = globalThis.performance;
      const startedAt = typeof perf?.measure === 'function' ? perf.now() : null;
      await writes((w) => w.bumpCount(core, activityId, key, delta));
      if (startedAt !== null) perf.measure(TAP_MEASURE, { start: startedAt, end: perf.now() });
    },
    setMethod: (activityId, method) => writes((w) => w.setAttendanceMethod(core, activityId, method)),
  };
}
