/**
 * The device store as the screens see it: one part per feature, each its own
 * module, plus live queries. Nothing here pushes, pulls or marks a photo sent
 * — that is the engine's side (sync-store.ts). A new feature (say patrol
 * rounds) is one more part: its module beside these, one line below.
 *
 * @example
 * const id = await store.activities.create(input);
 * await store.attendance.bump(id, 'residents', 1);
 * useLive((s) => s.schouw.listFindings({ schouwId: id }), [id]);
 */
import { activityStore, type ActivityStore } from './activity-store.ts';
import { attendanceStore, type AttendanceStore } from './attendance-store.ts';
import { configStore, type ConfigStore } from './config-store.ts';
import { exportStore, type ExportStore } from './export-store.ts';
import type { StoreCore } from './core.ts';
import { monitoringStore, type MonitoringStore } from './monitoring-store.ts';
import { observeQuery } from './observe.ts';
import { outboxStore, type OutboxStore } from './outbox-store.ts';
import { patrolStore, type PatrolStore } from './patrol-store.ts';
import { photoStore, type PhotoStore } from './photo-store.ts';
import { rosterStore, type RosterStore } from './patrol-roster-store.ts';
import { schouwStore, type SchouwStore } from './schouw-store.ts';

export type UiStore = {
  readonly activities: ActivityStore;
  readonly attendance: AttendanceStore;
  readonly schouw: SchouwStore;
  readonly patrol: PatrolStore;
  readonly photos: PhotoStore;
  readonly config: ConfigStore;
  readonly outbox: OutboxStore;
  readonly roster: RosterStore;
  readonly monitoring: MonitoringStore;
  /** Everything on this device of the exported record types, for the CSV and GeoJSON downloads. */
  readonly exports: ExportStore;
  /**
   * Run `query` now and after every committed change (in any tab, or from
   * sync); paced by its own cost (observe.ts). Returns the unsubscribe.
   */
  observe<T>(query: (store: UiStore) => Promise<T>, onValue: (value: T) => void, onError?: (error: unknown) => void): () => void;
};

export function uiStore(core: StoreCore, tenantName: string): UiStore {
  const store: UiStore = {
    activities: activityStore(core),
    attendance: attendanceStore(core),
    schouw: schouwStore(core),
    patrol: patrolStore(core),
    photos: photoStore(core),
    config: configStore(core, tenantName),
    outbox: outboxStore(core),
    roster: rosterStore(core),
    monitoring: monitoringStore(core),
    exports: exportStore(core),
    observe: (query, onValue, onError) => observeQuery(core.db.name, () => query(store), onValue, onError, core.isBulkPullUnderWay),
  };
  return store;
}
