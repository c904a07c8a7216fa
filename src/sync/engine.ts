/**
 * The client sync engine, run once: push the outbox, upload the due photos
 * one by one, then pull by cursor. When to run, one run at a time, the tab
 * lock, the backoff and the status are the controller's (./controller.ts).
 * See src/sync/README.md for the invariants it keeps.
 *
 * @example
 * const engine = createSyncEngine({ store, fetch, headers: async () => ({ Authorization: `Bearer ${(await getSession())?.token}` }) });
 * const result = await engine.run(); // { ok: true, pushed, pulled } | { ok: false, reason }
 */
import type { Reason } from '../domain/errors.ts';
import { MAX_PULL_LIMIT, PullResponseSchema, PushResponseSchema, SCHEMA_VERSION, type Mutation, type PushResult } from '../domain/protocol.ts';
import type { BatchLimits, SyncStore as DeviceSyncStore } from '../store/sync-store.ts';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.ts';
import { isAuthReason } from './auth-reasons.ts';
import { callApi, putPhoto, SyncFailure, type FetchLike } from './http.ts';

/** `photos` is there when this run tried to upload any photo: how many the server confirmed, how many attempts failed. */
/** A failed run: why, and (a 429's Retry-After) how long at least before the next attempt. */
export type SyncResult =
  | { ok: true; pushed: number; pulled: number; photos?: PhotoUploads }
  | { ok: false; reason: Reason; retryAfterMs?: number /** The server's request id of a 500 ("foutcode"). */; errorCode?: string };
export type PhotoUploads = { sent: number; failed: number };

/** The part of the store the engine uses. */
export type SyncStore = Pick<
  DeviceSyncStore,
  | 'deviceId'
  | 'takeBatch'
  | 'applyPushResults'
  | 'applyPullPage'
  | 'restampClockAhead'
  | 'recordSyncSuccess'
  | 'setClockOffset'
  | 'getClockOffset'
  | 'getCursor'
> &
  // The photo queue: a store without it (a test double) syncs records only.
  Partial<PhotoQueue>;
type PhotoQueue = Pick<DeviceSyncStore, 'pendingPhotos' | 'markPhotoSent' | 'markPhotoFailed' | 'requeuePhotos'>;

export type SyncEngineOptions = {
  store: SyncStore;
  fetch: FetchLike;
  baseUrl?: string;
  now?: () => number;
  random?: () => number;
  /**
   * Headers of every call: `Authorization: Bearer <device token>`, read
   * afresh for each call. A 401 ends the run with its reason ('session-expired',
   * 'unauthenticated', 'device-revoked'); the engine **never touches the
   * outbox on a 401**.
   */
  headers: () => Record<string, string> | Promise<Record<string, string>>;
  batch?: BatchLimits;
  pullLimit?: number;
  timeoutMs?: number;
  /** The per-photo retry after a failed upload. */
  backoff?: BackoffPolicy;
};

export type SyncEngine = {
  /**
   * One sync: push, photos, pull. Never throws. Not single-flight by itself:
   * the controller (or a test) runs one at a time.
   */
  run(): Promise<SyncResult>;
};

/** Beyond this the device clock is corrected by the server's (DESIGN.md "Clock"). */
export const CLOCK_SKEW_TOLERANCE_MS = 60_000;
/** The name of the performance measure around one whole pull (read by `npm run bench`). */
export const PULL_MEASURE = 'buurtlog:pull';
const MAX_PUSH_ROUNDS = 100;
/** Photos read from the queue at a time; each goes up on its own. */
const PHOTO_BATCH = 20;
const MAX_PHOTO_ROUNDS = 50;
const MAX_PULL_PAGES = 1_000;

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { store, fetch, baseUrl = '', now = Date.now, random = Math.random, headers } = options;
  const batch = options.batch ?? { maxCount: 200, maxBytes: 256 * 1024 };
  const pullLimit = options.pullLimit ?? MAX_PULL_LIMIT;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;

  const call = async <T>(method: 'GET' | 'POST', path: string, schema: Parameters<typeof callApi<T>>[1], body?: unknown): Promise<T> =>
    callApi({ fetch, url: `${baseUrl}${path}`, method, headers: await headers(), body, timeoutMs }, schema);

  /** Correct the store's clock offset when the server's time is more than a minute away. */
  const adjustClock = async (serverTime: number, offset: { value: number }): Promise<void> => {
    const local = now();
    if (Math.abs(serverTime - (local + offset.value)) <= CLOCK_SKEW_TOLERANCE_MS) return;
    const skew = serverTime - local;
    offset.value = Math.abs(skew) > CLOCK_SKEW_TOLERANCE_MS ? skew : 0;
    await store.setClockOffset(offset.value);
  };

  /**
   * Push every pending entry in bounded batches; resolves to how many the
   * server acknowledged. Past MAX_PUSH_ROUNDS the rest stays pending, and the
   * controller, which watches the outbox, runs again soon.
   */
  const pushAll = async (offset: { value: number }, missingPhotos: Set<string>): Promise<number> => {
    let pushed = 0;
    let limits = batch;
    const restamped = new Set<string>();
    for (let round = 0; round < MAX_PUSH_ROUNDS; round++) {
      const mutations = await store.takeBatch(limits);
      if (mutations.length === 0) return pushed;
      let results: PushResult[];
      try {
        const response = await call('POST', '/api/v1/sync/push', PushResponseSchema, { schemaVersion: SCHEMA_VERSION, deviceId: store.deviceId, mutations });
        await adjustClock(response.serverTime, offset);
        results = response.results;
      } catch (error) {
        if (!(error instanceof SyncFailure && error.reason === 'body-too-large')) throw error;
        // Too big for the server: halve the batch; one mutation alone that is
        // still too big can never go, so it is shown as refused, not retried forever.
        if (mutations.length > 1) {
          limits = { maxCount: Math.ceil(mutations.length / 2), maxBytes: Math.ceil(limits.maxBytes / 2) };
          continue;
        }
        results = [{ mutationId: (mutations[0] as Mutation).mutationId, status: 'rejected', reason: 'body-too-large', message: error.message }];
      }
      await store.applyPushResults(results);

      const sent = new Map(mutations.map((mutation) => [mutation.mutationId, mutation.recordId]));
      const answered = results.filter((result) => sent.has(result.mutationId));
      if (answered.length === 0) throw new SyncFailure('internal', null, 'the server answered none of the pushed mutations');
      for (const result of answered) {
        if (result.status !== 'rejected') pushed++;
        for (const hash of result.missingPhotos ?? []) missingPhotos.add(hash);
        const recordId = sent.get(result.mutationId) as string;
        // Re-stamp once per sync: a second refusal stays visible to the user.
        if (result.status === 'rejected' && result.reason === 'clock-ahead' && !restamped.has(recordId)) {
          if (await store.restampClockAhead(result.mutationId)) restamped.add(recordId);
        }
      }
    }
    return pushed;
  };

  /**
   * Upload the pending photos that are due, one PUT each, after the push (the
   * server takes a record before its photos). First, photos the server says
   * it lacks go back in the queue. A photo is 'sent' only on the server's
   * 200/201; a permanent refusal marks it 'failed' with the reason; anything
   * else schedules its own next attempt (backoff with jitter on its own
   * count), and the others go on. No answer at all stops the round (the rest
   * stay due); a 401 ends the sync like any other call.
   */
  const uploadPhotos = async (missing: ReadonlySet<string>): Promise<PhotoUploads | null> => {
    const { pendingPhotos, markPhotoSent, markPhotoFailed, requeuePhotos } = store;
    if (!pendingPhotos || !markPhotoSent || !markPhotoFailed || !requeuePhotos) return null;
    if (missing.size > 0) await requeuePhotos([...missing]);
    const tally: PhotoUploads = { sent: 0, failed: 0 };
    const tried = new Set<string>();
    for (let round = 0; round < MAX_PHOTO_ROUNDS; round++) {
      const due = (await pendingPhotos(PHOTO_BATCH + tried.size)).filter((photo) => !tried.has(photo.sha256));
      if (due.length === 0) break;
      for (const photo of due) {
        tried.add(photo.sha256);
        try {
          await putPhoto({
            fetch,
            url: `${baseUrl}/api/v1/photos/${photo.sha256}`,
            headers: await headers(),
            timeoutMs,
            blob: photo.blob,
            type: photo.type,
            sha256: photo.sha256,
          });
          await markPhotoSent(photo.sha256);
          tally.sent++;
        } catch (error) {
          if (!(error instanceof SyncFailure)) throw error;
          if (isAuthReason(error.reason)) throw error;
          const permanent = isPermanentPhotoRefusal(error) || (isHashMismatch(error) && !(await hasOwnHash(photo.blob, photo.sha256)));
          const nextAttemptAt = permanent ? 0 : now() + Math.max(backoffDelay(photo.attempts + 1, random, backoff), error.retryAfterMs ?? 0);
          await markPhotoFailed(photo.sha256, describeFailure(error, permanent), permanent, nextAttemptAt);
          tally.failed++;
          // Over the server's limit (429): every photo stays queued; the sync says so and waits out Retry-After.
          if (error.status === 429) throw error;
          if (error.reason === 'network') return tally;
        }
      }
    }
    return tally.sent + tally.failed === 0 ? null : tally;
  };

  /** Pull every page past the stored cursor; resolves to how many records came in. */
  const pullAll = async (offset: { value: number }): Promise<number> => {
    let cursor = await store.getCursor();
    let pulled = 0;
    for (let page = 0; page < MAX_PULL_PAGES; page++) {
      const response = await call('GET', `/api/v1/sync/pull?cursor=${encodeURIComponent(cursor)}&limit=${pullLimit}`, PullResponseSchema);
      await adjustClock(response.serverTime, offset);
      // `reset`: the person's scope changed and the server starts over from zero.
      await store.applyPullPage(response.records, response.cursor, {
        reset: response.reset === true,
        // `restored`: the server came back from a backup; this device sends its own changes again.
        ...(response.restored === true ? { restored: true } : {}),
        hasMore: response.hasMore,
        ...(response.purged ? { purged: response.purged } : {}),
        // `gone`: records that left what this person may read; those with unsent or refused changes stay until pushed or dismissed.
        ...(response.gone ? { gone: response.gone } : {}),
      });
      pulled += response.records.length;
      if (!response.hasMore || response.cursor === cursor) break;
      cursor = response.cursor;
    }
    return pulled;
  };

  const run = async (): Promise<SyncResult> => {
    try {
      const offset = { value: await store.getClockOffset() };
      // Push before pull: the pull then already carries the merge of this
      // device's changes, and fewer fields are held back as pending.
      const missingPhotos = new Set<string>();
      const pushed = await pushAll(offset, missingPhotos);
      const photos = await uploadPhotos(missingPhotos);
      const perf = globalThis.performance;
      const pullStartedAt = typeof perf?.measure === 'function' ? perf.now() : null;
      const pulled = await pullAll(offset);
      if (pullStartedAt !== null) perf.measure(PULL_MEASURE, { start: pullStartedAt, end: perf.now(), detail: { records: pulled } });
      await store.recordSyncSuccess(now());
      return { ok: true, pushed, pulled, ...(photos ? { photos } : {}) };
    } catch (error) {
      // A failure never touches the outbox: what was not acknowledged stays pending.
      const reason: Reason = error instanceof SyncFailure ? error.reason : 'internal';
      // A 429 names when to come back: the controller's next attempt is never sooner.
      const retryAfterMs = error instanceof SyncFailure ? error.retryAfterMs : null;
      const errorCode = error instanceof SyncFailure ? error.requestId : null;
      return { ok: false, reason, ...(retryAfterMs === null ? {} : { retryAfterMs }), ...(errorCode === null ? {} : { errorCode }) };
    }
  };

  return { run };
}

/**
 * The server refused the photo itself, so sending it again cannot help: 413
 * (too large), 415 (not JPEG/WebP), a 400 other than a hash mismatch (not
 * really that type, metadata left in it, not a SHA-256 name).
 */
function isPermanentPhotoRefusal(failure: SyncFailure): boolean {
  if (failure.status === 413 || failure.status === 415) return true;
  return failure.status === 400 && !isHashMismatch(failure);
}

/** The bytes were damaged on the way: worth another try. */
function isHashMismatch(failure: SyncFailure): boolean {
  return failure.status === 400 && failure.issues.some((issue) => issue.message === 'hash-mismatch');
}

/** Whether the stored bytes still hash to their name (if not, no retry can ever succeed). */
async function hasOwnHash(blob: Blob, sha256: string): Promise<boolean> {
  try {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
    return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('') === sha256;
  } catch {
    // Cannot tell: assume the bytes are fine and let the backoff retry.
    return true;
  }
}

function describeFailure(failure: SyncFailure, permanent: boolean): string {
  if (permanent && isHashMismatch(failure)) return 'hash-mismatch: the photo stored on this device no longer matches its hash';
  return failure.message && failure.message !== failure.reason ? `${failure.reason}: ${failure.message}` : failure.reason;
}
