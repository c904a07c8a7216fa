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
    list: () =>
      views((v) =>
        db.transaction('r', [db.records, db.outbox], async () => {
          const [records, entries] = await Promise.all([db.records.where('type').equals('activity').toArray(), db.outbox.toArray()]);
          const states = v.syncStates(entries);
          const list: ActivityView[] = [];
          for (const record of records) {
            const view = v.activityView(record, states.get(record.id) ?? (record.onServer ? 'sent' : 'local'));
            if (view && !view.deleted) list.push(view);
          }
          return list.sort(v.byDateAndStart);
        }),
      ),
    get: (id) =>
      views((v) =>
        db.transaction('r', [db.records, db.outbox], async () => {
          const [record, entries] = await Promise.all([db.records.get(id), db.outbox.where('recordId').equals(id).toArray()]);
          if (record?.type !== 'activity') return null;
          const view = v.activityView(record, v.stateOf(record, entries));
          return view && !view.deleted ? view : null;
        }),
      ),
  };
}
