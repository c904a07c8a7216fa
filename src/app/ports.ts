/** The store and sync types the UI codes against, in one place. */
export type {
  ActivityInput,
  ActivityView,
  AttendanceMethod,
  AttendanceView,
  RejectedChange,
  Store,
  SyncState,
  SyncSummary,
} from '../store/store.ts';
export type { SyncController } from '../sync/controller.ts';
export type { SyncStatus as SyncControllerStatus } from '../sync/status.ts';
export type { SyncResult } from '../sync/engine.ts';
