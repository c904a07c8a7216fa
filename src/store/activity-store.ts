/**
 * Activities as the screens write and read them. Its code (activity-write.ts,
 * views.ts) loads while the database opens, beside the first screen, not in it.
 */
import type { Activity, ActivityInput } from '../domain/activity.ts';
import type { StoreCore } from './core.ts';
import type { SyncState } from './sync-state.ts';

export type ActivityView = Activity & { id: string; syncState: SyncState };

/**
 * One page of the activity list: upcoming (from `today` on, soonest first)
 * or past (before `today`, latest first), in every buurt or one, at most
 * `limit` activities.
 */
export type ActivityPageQuery = { when: 'upcoming' | 'past'; today: string; buurtId: string | null; limit: number };
/** A list row: the activity and how many turned up. */
export type ActivityRow = ActivityView & { turnedUp: number };
/**
 * The page's rows by date, start and id (the order `list()` gives; the
 * screen puts them in its own order), and how many activities the list has
 * in all (an index count).
 */
export type ActivityPage = { rows: ActivityRow[]; total: number };

export type ActivityStore = {
  /** Resolves to the new activity's id. */
  create(input: ActivityInput): Promise<string>;
  update(id: string, changes: Partial<ActivityInput>): Promise<void>;
  delete(id: string): Promise<void>;
  /** Not deleted, by date and start. */
  list(): Promise<ActivityView[]>;
  /** What the list screen shows: it reads only the page's activities, by index. */
  page(query: ActivityPageQuery): Promise<ActivityPage>;
  get(id: string): Promise<ActivityView | null>;
  /** These activities (those not deleted), in one read. */
  getMany(ids: readonly string[]): Promise<ActivityView[]>;
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
    page: (query) => views((v) => db.transaction('r', [db.records, db.outbox], () => v.readActivityPage(db, query))),
    get: (id) => views((v) => db.transaction('r', [db.records, db.outbox], () => v.readActivity(db, id))),
    getMany: (ids) => views((v) => db.transaction('r', [db.records, db.outbox], () => v.readActivitiesById(db, ids))),
  };
}
