/**
 * The device store as the sync engine uses it: the outbox to push, the
 * server's answers, pulled pages, the clock offset and cursor, and the photo
 * upload queue. Screens never see this (they get ui-store.ts): only the
 * engine may take batches, apply answers or mark a photo sent.
 *
 * The code (outbox.ts, pull.ts, photos.ts) loads with the first sync, not
 * with the first screen.
 */
import type { Mutation, PushResult } from '../domain/protocol.ts';
import type { SyncRecord } from '../domain/records.ts';
import type { StoreCore } from './core.ts';
import type { PhotoRow } from './database.ts';
import { META_KEYS, readMeta, writeMeta } from './meta.ts';
import { observeQuery } from './observe.ts';
import type { PhotoStatus } from './photo-store.ts';

export type BatchLimits = { readonly maxCount: number; readonly maxBytes: number };
export type PullOptions = {
  /** The server rebuilds this device's view (the person's scope changed): drop what is not pending first. */
  reset?: boolean;
  /** The server was restored from a backup: this device's own changes go back in the outbox first (src/sync/README.md "Restore"). */
  restored?: boolean;
  /** More pages follow at once (a bulk pull): live queries hold back until it is done. */
  hasMore?: boolean;
  /** Records removed on the server after their retention period: dropped with the page (src/sync/README.md "Purge"). */
  purged?: ReadonlyArray<{ readonly id: string; readonly type: string }>;
  /** Records that left what this person may read: dropped with the page, or kept while they have outbox entries (src/sync/README.md "Leaving scope"). */
  gone?: ReadonlyArray<{ readonly id: string; readonly type: string }>;
};
/** What the engine uploads: the row as stored. */
export type QueuedPhoto = Pick<PhotoRow, 'sha256' | 'type' | 'bytes' | 'attempts'> & { blob: Blob };

export type SyncStore = {
  readonly deviceId: string;
  observe<T>(query: (store: SyncStore) => Promise<T>, onValue: (value: T) => void, onError?: (error: unknown) => void): () => void;
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
  /** One photo's place in the upload queue (state, attempts, next attempt), or null. */
  photoState(sha256: string): Promise<PhotoStatus | null>;
};

/** How long a bulk pull keeps live queries quiet after its last page came in. */
const BULK_PULL_HOLD_MS = 10_000;

export function syncStore(core: StoreCore): SyncStore {
  const { db, run } = core;
  const outbox = core.lazy(() => import('./outbox.ts'));
  const pull = core.lazy(() => import('./pull.ts'));
  const photos = core.lazy(() => import('./photos.ts'));
  const store: SyncStore = {
    deviceId: core.deviceId,
    observe: (query, onValue, onError) => observeQuery(db.name, () => query(store), onValue, onError, core.isBulkPullUnderWay),
    takeBatch: (limits) => outbox((o) => o.takeBatch(db, limits)),
    applyPushResults: (results) => outbox((o) => o.applyPushResults(db, results)),
    applyPullPage(records, cursor, options) {
      // While pages keep coming, the UI re-reads rarely; the last page (or
      // a pull that stops half-way, after a while) lets it follow closely again.
      core.holdLiveQueries(options?.hasMore ? Date.now() + BULK_PULL_HOLD_MS : 0);
      return pull((p) => p.applyPullPage(core, records, cursor, options));
    },
    restampClockAhead: (mutationId) => outbox((o) => o.restampClockAhead(core, mutationId)),
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
    getClockOffset: async () => (await run(() => readMeta<number>(db, META_KEYS.clockOffset))) ?? 0,
    getCursor: async () => (await run(() => readMeta<string>(db, META_KEYS.pullCursor))) ?? '0',
    pendingCount: () => run(() => db.outbox.where('state').equals('pending').count()),
    pendingPhotos: (limit) => photos((p) => p.pendingPhotos(db, core.now(), limit)),
    markPhotoSent: (sha256) => photos((p) => p.markPhotoSent(db, sha256)),
    markPhotoFailed: (sha256, reason, permanent, nextAttemptAt) => photos((p) => p.markPhotoFailed(db, sha256, reason, permanent, nextAttemptAt)),
    requeuePhotos: (hashes) => photos((p) => p.requeuePhotos(db, hashes)),
    photoState: (sha256) => photos((p) => p.photoState(db, sha256)),
  };
  return store;
}
