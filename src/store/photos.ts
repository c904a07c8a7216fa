/**
 * The photo store and upload queue (DESIGN.md "Photos"): processed photos by
 * the SHA-256 of their bytes, each with its own upload state. Only the
 * server's 200/201 makes a photo 'sent'; a refusal for good makes it
 * 'failed' (kept, with the reason); anything else leaves it 'pending' with a
 * time for the next attempt. Each helper is one transaction over `photos`.
 */
import * as z from 'zod/mini';
import { PHOTO_MEDIA_TYPES, Sha256Schema } from '../domain/photos.ts';
import type { BuurtlogDatabase, PhotoRow, PhotoState } from './database.ts';
import { InvalidInputError } from './invalid-input.ts';
import type { PhotoInput, PhotoStatus } from './photo-store.ts';
import type { QueuedPhoto } from './sync-store.ts';

/** Idempotent by hash: a photo the store already has keeps its row (and its upload state). Resolves to true when added now. */
export async function addPhoto(db: BuurtlogDatabase, now: number, input: PhotoInput): Promise<boolean> {
  if (!z.safeParse(Sha256Schema, input.sha256).success)
    throw new InvalidInputError([{ path: 'sha256', message: 'must be the SHA-256 of the bytes, as 64 lowercase hex digits' }]);
  if (!(PHOTO_MEDIA_TYPES as readonly string[]).includes(input.type))
    throw new InvalidInputError([{ path: 'type', message: `must be ${PHOTO_MEDIA_TYPES.join(' or ')}` }]);
  if (!(input.blob instanceof Blob) || input.blob.size === 0) throw new InvalidInputError([{ path: 'blob', message: 'must be a Blob with the photo’s bytes' }]);
  return db.transaction('rw', db.photos, async () => {
    if ((await db.photos.get(input.sha256)) !== undefined) return false;
    await db.photos.add({
      sha256: input.sha256,
      blob: input.blob,
      type: input.type,
      bytes: input.blob.size,
      createdAt: now,
      state: 'pending',
      attempts: 0,
      nextAttemptAt: 0,
    });
    return true;
  });
}

export async function photoState(db: BuurtlogDatabase, sha256: string): Promise<PhotoStatus | null> {
  const row = await db.photos.get(sha256);
  if (!row) return null;
  return { state: row.state, attempts: row.attempts, nextAttemptAt: row.nextAttemptAt, ...(row.lastError === undefined ? {} : { lastError: row.lastError }) };
}

/** Each photo's upload state on this device; null for a photo this device does not hold (taken on another phone). */
export async function photoStates(db: BuurtlogDatabase, hashes: readonly string[]): Promise<Record<string, PhotoState | null>> {
  const unique = [...new Set(hashes)];
  const rows = await db.photos.bulkGet(unique);
  return Object.fromEntries(unique.map((hash, i) => [hash, rows[i]?.state ?? null]));
}

export async function getPhotoBlob(db: BuurtlogDatabase, sha256: string): Promise<Blob | null> {
  return (await db.photos.get(sha256))?.blob ?? null;
}

/** Pending photos whose next attempt is due by `now`, the longest waiting first. */
export async function pendingPhotos(db: BuurtlogDatabase, now: number, limit: number): Promise<QueuedPhoto[]> {
  const rows = await db.photos.where('[state+nextAttemptAt]').between(['pending', -Infinity], ['pending', now], true, true).limit(Math.max(0, limit)).toArray();
  return rows.map(({ sha256, blob, type, bytes, attempts }) => ({ sha256, blob, type, bytes, attempts }));
}

/** Only after the server's 200/201. */
export async function markPhotoSent(db: BuurtlogDatabase, sha256: string): Promise<void> {
  await db.transaction('rw', db.photos, async () => {
    const row = await db.photos.get(sha256);
    if (!row) return;
    const { lastError: _lastError, ...rest } = row;
    await db.photos.put({ ...rest, state: 'sent', attempts: row.attempts + 1, nextAttemptAt: 0 });
  });
}

/** A failed attempt: 'failed' for good when `permanent`, else still pending until `nextAttemptAt`. A sent photo stays sent. */
export async function markPhotoFailed(db: BuurtlogDatabase, sha256: string, reason: string, permanent: boolean, nextAttemptAt: number): Promise<void> {
  await db.transaction('rw', db.photos, async () => {
    const row = await db.photos.get(sha256);
    if (!row || row.state === 'sent') return;
    await db.photos.put({ ...row, state: permanent ? 'failed' : 'pending', attempts: row.attempts + 1, nextAttemptAt, lastError: reason });
  });
}

/**
 * The server says it lacks these (a push's `missingPhotos`): a photo this
 * device holds as 'sent' goes back in the queue, due now. Pending ones stay as
 * they are, failed ones stay refused. Resolves to how many were re-queued.
 */
export async function requeuePhotos(db: BuurtlogDatabase, hashes: readonly string[]): Promise<number> {
  if (hashes.length === 0) return 0;
  return db.transaction('rw', db.photos, async () => {
    const rows = await db.photos.bulkGet([...new Set(hashes)]);
    const sent = rows.filter((row): row is PhotoRow => row?.state === 'sent');
    await db.photos.bulkPut(sent.map((row) => ({ ...row, state: 'pending' as const, nextAttemptAt: 0 })));
    return sent.length;
  });
}

/**
 * Keep a photo fetched from the server (taken on another phone) so it shows
 * offline next time: stored as 'sent', never queued. A photo already here
 * keeps its row — this device's own upload state wins.
 */
export async function cachePhoto(db: BuurtlogDatabase, now: number, input: PhotoInput): Promise<void> {
  if (!z.safeParse(Sha256Schema, input.sha256).success)
    throw new InvalidInputError([{ path: 'sha256', message: 'must be the SHA-256 of the bytes, as 64 lowercase hex digits' }]);
  await db.transaction('rw', db.photos, async () => {
    if ((await db.photos.get(input.sha256)) !== undefined) return;
    await db.photos.add({
      sha256: input.sha256,
      blob: input.blob,
      type: input.type,
      bytes: input.blob.size,
      createdAt: now,
      state: 'sent',
      attempts: 0,
      nextAttemptAt: 0,
    });
  });
}
