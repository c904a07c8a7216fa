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
export type { SyncController, SyncStatus as SyncControllerStatus } from '../sync/controller.ts';
export type { SyncResult } from '../sync/engine.ts';
