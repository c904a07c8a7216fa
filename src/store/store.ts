/**
 * The device store: records and their outbox in IndexedDB (Dexie). The UI
 * writes here and is done; the sync engine takes it from the outbox.
 *
 * @example
 * const store = await openStore({ deviceId, tenantId: 'alblasserdam' });
 * const id = await store.createActivity(input);
 * await store.bumpCount(id, 'residents', 1);
 */
import { CONFIG_RECORD_TYPES, configFromRecords, type ConfigRecordType } from '../domain/config-records.ts';
import type { CountKey } from '../domain/attendance.ts';
import type { Reason } from '../domain/errors.ts';
import type { Mutation, PushResult } from '../domain/protocol.ts';
import type { SyncRecord } from '../domain/records.ts';
import { createDatabase, withReopen, type BuurtlogDatabase, type DatabaseOptions, type OutboxEntry, type StoredRecord } from './database.ts';
import type { ActivityInput } from './input.ts';
import { InvalidInputError } from './invalid-input.ts';
import type { StoreContext } from './local-write.ts';
import { META_KEYS, readMeta, writeMeta } from './meta.ts';
import { observeQuery } from './observe.ts';
import type { BatchLimits } from './outbox.ts';
import type { PhotoInput, PhotoStatus, QueuedPhoto } from './photos.ts';
import type { SchouwStore } from './schouw-store.ts';
import type { FindingChanges, FindingInput, SchouwSettings, StatusChangeInput } from './schouw-write.ts';
import type { FindingFilter, FindingHistoryEntry, FindingView, SchouwView } from './schouw-views.ts';
import type { ActivityView, AttendanceMethod, AttendanceView, SyncState } from './views.ts';

export { InvalidInputError };
/** The tenant's configuration as the UI reads it, built from the config records on this device. */
export type Config = ReturnType<typeof configFromRecords>;
export type { ConfigRecordType };
export type PullOptions = {
  /** The server rebuilds this device's view (the person's scope changed): drop what is not pending first. */
  reset?: boolean;
  /** More pages follow at once (a bulk pull): live queries hold back until it is done. */
  hasMore?: boolean;
};
export type { PhotoInput, PhotoStatus, QueuedPhoto };
export type { ActivityInput, ActivityView, AttendanceMethod, AttendanceView, BatchLimits, SyncState };
export type { FindingChanges, FindingFilter, FindingHistoryEntry, FindingInput, FindingView, SchouwSettings, SchouwView, StatusChangeInput };

export type RejectedChange = { mutationId: string; recordId: string; recordType: string; reason: Reason; message?: string; createdAt: number };
/**
 * `pendingPhotos`: photos the server has not confirmed yet (waiting or backing
 * off; refused ones not counted). The store always fills it in; it is optional
 * here only so summaries built by hand (UI tests) stay valid.
 */
export type SyncSummary = { pending: number; rejected: RejectedChange[]; lastSyncAt: number | null; pendingPhotos?: number };
export type UnsentChange = Omit<OutboxEntry, 'seq'>;
export type UnsentExport = { exportedAt: string; deviceId: string; tenantId: string; changes: UnsentChange[]; records: SyncRecord[] };

/** The name of the performance measure from a tap to its commit (read by `npm run bench`). */
export const TAP_MEASURE = 'buurtlog:tap-durable';

export type Store = {
  readonly deviceId: string;
  readonly tenantId: string;
  // What the UI calls.
  createActivity(input: ActivityInput): Promise<string>;
  updateActivity(id: string, changes: Partial<ActivityInput>): Promise<void>;
  deleteActivity(id: string): Promise<void>;
  bumpCount(activityId: string, key: CountKey | `pc4:${string}`, delta: 1 | -1): Promise<void>;
  setAttendanceMethod(activityId: string, method: AttendanceMethod): Promise<void>;
  listActivities(): Promise<ActivityView[]>;
  getActivity(id: string): Promise<ActivityView | null>;
  getAttendance(activityId: string): Promise<AttendanceView>;
  // A schouw round, its findings and their follow-up (schouw-write.ts, schouw-views.ts).
  /** The round's settings (defaults until someone changes one) and participants. */
  getSchouw(activityId: string): Promise<SchouwView>;
  updateSchouw(activityId: string, changes: Partial<SchouwSettings>): Promise<void>;
  /** `residents` or `partner:<id>`; a minus at zero does nothing. */
  bumpSchouwCount(activityId: string, key: string, delta: 1 | -1): Promise<void>;
  /** Takes the round's buurt and team from its activity; `createdBy` is the user id. Resolves to the finding's id. */
  createFinding(input: FindingInput, createdBy: string): Promise<string>;
  updateFinding(id: string, changes: FindingChanges): Promise<void>;
  deleteFinding(id: string): Promise<void>;
  /** The finding's status and an append-only history entry, in one transaction. Resolves to the entry's id. */
  setFindingStatus(findingId: string, change: StatusChangeInput): Promise<string>;
  listFindings(filter: FindingFilter): Promise<FindingView[]>;
  getFinding(id: string): Promise<FindingView | null>;
  /** Oldest first. */
  getFindingHistory(findingId: string): Promise<FindingHistoryEntry[]>;
  /** The history of each of these findings (a round's), read at once; every id has a list, maybe empty. */
  getFindingHistories(findingIds: readonly string[]): Promise<Record<string, FindingHistoryEntry[]>>;
  /** Per hash: 'pending' (nog niet verstuurd), 'sent', 'failed', or null when this device does not hold the photo. */
  photoStates(hashes: readonly string[]): Promise<Record<string, PhotoStatus['state'] | null>>;
  /** Keep a photo fetched from the server (taken elsewhere), as sent; never queued. */
  cachePhoto(input: PhotoInput): Promise<void>;
  syncSummary(): Promise<SyncSummary & { pendingPhotos: number }>;
  exportUnsent(): Promise<UnsentExport>;
  dismissRejected(mutationId: string): Promise<void>;
  getConfig(): Promise<Config>;
  /**
   * Add (id null) or change a configuration item (buurt, partner, theme,
   * activity type, project, team): a local write like any other, synced by
   * the outbox. Resolves to the item's id.
   */
  saveConfigItem(type: ConfigRecordType, id: string | null, values: Readonly<Record<string, unknown>>): Promise<string>;
  /** Keep a processed photo for upload; idempotent by its hash (one transaction). Resolves to true when it was new. */
  addPhoto(input: PhotoInput): Promise<boolean>;
  photoState(sha256: string): Promise<PhotoStatus | null>;
  getPhotoBlob(sha256: string): Promise<Blob | null>;
  observe<T>(query: (store: Store) => Promise<T>, onValue: (value: T) => void, onError?: (error: unknown) => void): () => void;
  close(): void;
  /** Close and delete this device's database (wipeLocalData). */
  destroy(): Promise<void>;
  // What the sync engine calls.
  takeBatch(limits: BatchLimits): Promise<Mutation[]>;
  applyPushResults(results: readonly PushResult[]): Promise<void>;
  applyPullPage(records: readonly SyncRecord[], cursor: string, options?: PullOptions): Promise<number>;
  restampClockAhead(mutationId: string): Promise<boolean>;
  recordSyncSuccess(at: number): Promise<void>;
  setClockOffset(ms: number): Promise<void>;
  getClockOffset(): Promise<number>;
  getCursor(): Promise<string>;
  pendingCount(): Promise<number>;
  /** Pending photos whose next attempt is due now. */
  pendingPhotos(limit: number): Promise<QueuedPhoto[]>;
  /** Only after the server's 200/201. */
  markPhotoSent(sha256: string): Promise<void>;
  markPhotoFailed(sha256: string, reason: string, permanent: boolean, nextAttemptAt: number): Promise<void>;
  /** The server lacks these: photos held as sent go back in the queue. */
  requeuePhotos(hashes: readonly string[]): Promise<number>;
};

export type OpenStoreOptions = DatabaseOptions & {
  deviceId: string;
  tenantId: string;
  /** The tenant's display name (from the session), for the configuration. */
  tenantName?: string;
  now?: () => number;
  /** IndexedDB database name; one per tenant by default. */
  name?: string;
  /** An already created database (tests use it to pull the connection away). */
  database?: BuurtlogDatabase;
};

/** How long a bulk pull keeps live queries quiet after its last page came in. */
const BULK_PULL_HOLD_MS = 10_000;

export async function openStore(opts: OpenStoreOptions): Promise<Store> {
  /** Until when a bulk pull is under way (see applyPullPage). */
  let bulkPullUntil = 0;
  const { deviceId, tenantId } = opts;
  const db = opts.database ?? createDatabase(opts.name ?? `buurtlog-${tenantId}`, opts);
  const ctx: StoreContext = { db, deviceId, tenantId, now: opts.now ?? Date.now };
  let isDestroyed = false;
  // After destroy() nothing may touch the database again: reopening it
  // (withReopen, Dexie's auto-open) would recreate what a wipe deleted.
  const run = <T>(operation: () => Promise<T>): Promise<T> =>
    isDestroyed ? Promise.reject(new Error('This device store was wiped.')) : withReopen(db, operation);
  // Photo code loads when first used (a schouw screen, the sync engine), not with the first screen;
  // imported before the transaction starts: awaiting anything but Dexie inside one would commit it early.
  const withPhotos = async <T>(use: (photos: typeof import('./photos.ts')) => Promise<T>): Promise<T> => {
    const photos = await import('./photos.ts');
    return run(() => use(photos));
  };
  // How records become views needs every record type's schema: that code
  // loads while the database opens, beside the first screen, not in it.
  let viewsModule: Promise<typeof import('./views.ts')> | null = null;
  const loadViews = () =>
    (viewsModule ??= import('./views.ts').catch((error: unknown) => {
      viewsModule = null;
      throw error;
    }));
  void loadViews().catch(() => {});
  await run(() => db.open());

  const readOnly = <T>(operation: () => Promise<T>): Promise<T> => run(() => db.transaction('r', [db.records, db.outbox], operation));
  const entriesOf = (recordId: string) => db.outbox.where('recordId').equals(recordId).toArray();
  // The writes load beside the first screen, not in it; by the first tap they are here.
  // The schouw's writes and reads load with the first schouw screen.
  // The schouw's half of the store (schouw-store.ts) loads with the first schouw screen.
  let schouwModule: Promise<SchouwStore> | null = null;
  const schouw = <K extends keyof SchouwStore>(name: K): SchouwStore[K] =>
    (async (...args: unknown[]) => {
      schouwModule ??= import('./schouw-store.ts').then((m) => m.schouwStore(ctx, run));
      return ((await schouwModule)[name] as (...a: unknown[]) => unknown)(...args);
    }) as SchouwStore[K];
  let writesModule: Promise<typeof import('./activity-write.ts')> | null = null;
  const loadWrites = () => (writesModule ??= import('./activity-write.ts'));
  void loadWrites().catch(() => {
    writesModule = null;
  });

  const store: Store = {
    deviceId,
    tenantId,

    async createActivity(input) {
      const writes = await loadWrites();
      return run(() => writes.createActivity(ctx, input));
    },

    async updateActivity(id, changes) {
      const writes = await loadWrites();
      await run(() => writes.updateActivity(ctx, id, changes));
    },

    async deleteActivity(id) {
      const writes = await loadWrites();
      await run(() => writes.deleteActivity(ctx, id));
    },

    async bumpCount(activityId, key, delta) {
      const perf = globalThis.performance;
      const startedAt = typeof perf?.measure === 'function' ? perf.now() : null;
      const writes = await loadWrites();
      await run(() => writes.bumpCount(ctx, activityId, key, delta));
      if (startedAt !== null) perf.measure(TAP_MEASURE, { start: startedAt, end: perf.now() });
    },

    async setAttendanceMethod(activityId, method) {
      const writes = await loadWrites();
      await run(() => writes.setAttendanceMethod(ctx, activityId, method));
    },

    // The views module is awaited before the transaction starts: awaiting
    // anything but Dexie inside one would commit it early.
    async listActivities() {
      const views = await loadViews();
      return readOnly(async () => {
        const [records, entries] = await Promise.all([db.records.where('type').equals('activity').toArray(), db.outbox.toArray()]);
        const states = views.syncStates(entries);
        const list: ActivityView[] = [];
        for (const record of records) {
          const view = views.activityView(record, states.get(record.id) ?? (record.onServer ? 'sent' : 'local'));
          if (view && !view.deleted) list.push(view);
        }
        return list.sort(views.byDateAndStart);
      });
    },

    async getActivity(id) {
      const views = await loadViews();
      return readOnly(async () => {
        const [record, entries] = await Promise.all([db.records.get(id), entriesOf(id)]);
        if (record?.type !== 'activity') return null;
        const view = views.activityView(record, views.stateOf(record, entries));
        return view && !view.deleted ? view : null;
      });
    },

    async getAttendance(activityId) {
      const views = await loadViews();
      const id = views.attendanceIdFor(activityId);
      return readOnly(async () => {
        const [record, entries] = await Promise.all([db.records.get(id), entriesOf(id)]);
        return views.attendanceView(activityId, record, deviceId, views.stateOf(record, entries));
      });
    },

    getSchouw: schouw('getSchouw'),
    updateSchouw: schouw('updateSchouw'),
    bumpSchouwCount: schouw('bumpSchouwCount'),
    createFinding: schouw('createFinding'),
    updateFinding: schouw('updateFinding'),
    deleteFinding: schouw('deleteFinding'),
    setFindingStatus: schouw('setFindingStatus'),
    listFindings: schouw('listFindings'),
    getFinding: schouw('getFinding'),
    getFindingHistory: schouw('getFindingHistory'),
    getFindingHistories: schouw('getFindingHistories'),
    photoStates: schouw('photoStates'),
    cachePhoto: schouw('cachePhoto'),

    syncSummary() {
      return run(() =>
        db.transaction('r', [db.outbox, db.meta, db.photos], async () => {
          const [pending, rejected, lastSyncAt, pendingPhotos] = await Promise.all([
            db.outbox.where('state').equals('pending').count(),
            db.outbox.where('state').equals('rejected').toArray(),
            readMeta<number>(db, META_KEYS.lastSyncAt),
            // Inline rather than from photos.ts, which loads with the first sync, not the first screen.
            db.photos.where('state').equals('pending').count(),
          ]);
          return {
            pending,
            rejected: rejected.map((entry) => ({
              mutationId: entry.mutationId,
              recordId: entry.recordId,
              recordType: entry.recordType,
              reason: entry.reason ?? 'internal',
              ...(entry.message === undefined ? {} : { message: entry.message }),
              createdAt: entry.createdAt,
            })),
            lastSyncAt: lastSyncAt ?? null,
            pendingPhotos,
          };
        }),
      );
    },

    async exportUnsent() {
      // Export is rare (a tap in the header or Settings): its code loads then.
      const { exportUnsent } = await import('./unsent.ts');
      return readOnly(() => exportUnsent(ctx));
    },

    async dismissRejected(mutationId) {
      await run(() => db.outbox.where('mutationId').equals(mutationId).and((entry) => entry.state === 'rejected').delete());
    },

    async getConfig() {
      const records = await run(() => db.records.where('type').anyOf(CONFIG_RECORD_TYPES).toArray());
      return configFromRecords({ id: tenantId, name: opts.tenantName ?? tenantId }, records);
    },

    async saveConfigItem(type, id, values) {
      // Only coordinators edit configuration: the code loads with the admin screens.
      const { saveConfigItem } = await import('./config-write.ts');
      return run(() => saveConfigItem(ctx, type, id, values));
    },

    addPhoto: (input) => withPhotos((photos) => photos.addPhoto(db, ctx.now(), input)),
    photoState: (sha256) => withPhotos((photos) => photos.photoState(db, sha256)),
    getPhotoBlob: (sha256) => withPhotos((photos) => photos.getPhotoBlob(db, sha256)),

    observe(query, onValue, onError) {
      return observeQuery(db.name, () => query(store), onValue, onError, () => Date.now() < bulkPullUntil);
    },

    close() {
      db.close();
    },

    async destroy() {
      isDestroyed = true;
      // Dexie's delete() closes this connection first; other tabs close
      // theirs on the 'versionchange' it causes, so the delete is not blocked.
      await db.delete({ disableAutoOpen: true });
    },

    // The sync engine's half of the store loads with its first sync, not with
    // the first screen. Imported before the transaction starts: awaiting
    // anything but Dexie inside one would commit it early.
    async takeBatch(limits) {
      const { takeBatch } = await import('./outbox.ts');
      return run(() => takeBatch(db, limits));
    },
    async applyPushResults(results) {
      const { applyPushResults } = await import('./outbox.ts');
      return run(() => applyPushResults(db, results));
    },
    async applyPullPage(records, cursor, options) {
      // While pages keep coming, the UI re-reads rarely; the last page (or
      // a pull that stops half-way, after a while) lets it follow closely again.
      bulkPullUntil = options?.hasMore ? Date.now() + BULK_PULL_HOLD_MS : 0;
      const { applyPullPage } = await import('./pull.ts');
      return run(() => applyPullPage(ctx, records, cursor, options));
    },
    async restampClockAhead(mutationId) {
      const { restampClockAhead } = await import('./outbox.ts');
      return run(() => restampClockAhead(ctx, mutationId));
    },

    async recordSyncSuccess(at) {
      await run(() => writeMeta(db, META_KEYS.lastSyncAt, at));
    },

    async setClockOffset(ms) {
      await run(() =>
        db.transaction('rw', db.meta, async () => {
          if ((await readMeta(db, META_KEYS.clockOffset)) !== ms) await writeMeta(db, META_KEYS.clockOffset, ms);
        }),
      );
    },

    async getClockOffset() {
      return (await run(() => readMeta<number>(db, META_KEYS.clockOffset))) ?? 0;
    },

    async getCursor() {
      return (await run(() => readMeta<string>(db, META_KEYS.pullCursor))) ?? '0';
    },

    pendingCount: () => run(() => db.outbox.where('state').equals('pending').count()),

    pendingPhotos: (limit) => withPhotos((photos) => photos.pendingPhotos(db, ctx.now(), limit)),
    markPhotoSent: (sha256) => withPhotos((photos) => photos.markPhotoSent(db, sha256)),
    markPhotoFailed: (sha256, reason, permanent, nextAttemptAt) => withPhotos((photos) => photos.markPhotoFailed(db, sha256, reason, permanent, nextAttemptAt)),
    requeuePhotos: (hashes) => withPhotos((photos) => photos.requeuePhotos(db, hashes)),
  };
  return store;
}
