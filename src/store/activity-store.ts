/**
 * Activities as the screens write and read them. Its code (activity-write.ts,
 * views.ts) loads while the database opens, beside the first screen, not in it.
 */
import type { Activity, ActivityInput } from '../domain/activity.ts';
import type { StoreCore } from './core.ts';
import type { SyncState } from './sync-state.ts';

export type ActivityView = Activity & { id: string; syncState: SyncState };

export type ActivityStore = {
  /** Resolves to the new activity's id. */
  create(input: ActivityInput): Promise<string>;
  update(id: string, changes: Partial<ActivityInput>): Promise<void>;
  delete(id: string): Promise<void>;
  /** Not deleted, by date and start. */
  list(): Promise<ActivityView[]>;
  get(id: string): Promise<ActivityView | null>;
};

export function activityStore(core: StoreCore): ActivityStore {
  const { db } = core;
  const writes = core.lazy(() => import('./activity-write.ts'));
  const views = core.lazy(() => import('./views.ts'));
  writes.preload();
  views.preload();
  return {
    create: (input) => writes((w) => w.createActivity(core, input)),
    update: (id, changes) => writes((w) => w.updateActivity(core, id, changes)),
    delete: (id) => writes((w) => w.deleteActivity(core, id)),
    list: () => views((v) => db.transaction('r', [db.records, db.outbox], () => v.readActivities(db))),
    get: (id) => views((v) => db.transaction('r', [db.records, db.outbox], () => v.readActivity(db, id))),
  };
}
