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
export type { SyncEngine, SyncResult, SyncStatus as SyncEngineStatus } from '../sync/engine.ts';
