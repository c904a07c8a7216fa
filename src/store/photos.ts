/**
 * The photo store and upload queue (DESIGN.md "Photos"): processed photos by
 * the SHA-256 of their bytes, each with its own upload state. Only the
 * server's 200/201 makes a photo 'sent'; a refusal for good makes it
 * 'failed' (kept, with the reason); anything else leaves it 'pending' with a
 * time for the next attempt. Each helper is one transaction over `photos`.
 *
 * Photos of others (fetched to show them) are a cache with a budget: kept up
 * to `budget` bytes, the least recently shown out first (`cachePhoto`,
 * `markPhotosUsed`). This phone's own photos and thumbnails are never evicted —
 * an unsent one is the only copy there is.
 */
import * as z from 'zod/mini';
import { PHOTO_MEDIA_TYPES, Sha256Schema, type Thumbnails } from '../domain/photos.ts';
import type { BuurtlogDatabase, PhotoOrigin, PhotoRow, PhotoState, StoredRecord } from './database.ts';
import { InvalidInputError } from './invalid-input.ts';
import type { OwnPhotoInput, PhotoInput, PhotoStatus, PhotoUsage } from './photo-store.ts';
import type { QueuedPhoto } from './sync-store.ts';

function checkInput(input: PhotoInput, path = ''): void {
  if (!z.safeParse(Sha256Schema, input.sha256).success)
    throw new InvalidInputError([{ path: `${path}sha256`, message: 'must be the SHA-256 of the bytes, as 64 lowercase hex digits' }]);
  if (!(PHOTO_MEDIA_TYPES as readonly string[]).includes(input.type))
    throw new InvalidInputError([{ path: `${path}type`, message: `must be ${PHOTO_MEDIA_TYPES.join(' or ')}` }]);
  if (!(input.blob instanceof Blob) || input.blob.size === 0)
    throw new InvalidInputError([{ path: `${path}blob`, message: 'must be a Blob with the photo’s bytes' }]);
}

/** A photo's bytes as a row keeps them, read before the transaction: awaiting a Blob inside one would commit it early. */
type Bytes = { input: PhotoInput; data: ArrayBuffer };

async function bytesOf(input: PhotoInput): Promise<Bytes> {
  return { input, data: await input.blob.arrayBuffer() };
}

/** A row's bytes as a Blob of its type, whether written as an ArrayBuffer or (before) as a Blob. */
function photoBlob(row: Pick<PhotoRow, 'blob' | 'type'>): Blob {
  return row.blob instanceof Blob ? row.blob : new Blob([row.blob], { type: row.type });
}

function newRow({ input, data }: Bytes, now: number, origin: PhotoOrigin, extra: Pick<PhotoRow, 'thumbnail' | 'thumbnailOf'> = {}): PhotoRow {
  return {
    sha256: input.sha256,
    blob: data,
    type: input.type,
    bytes: data.byteLength,
    createdAt: now,
    // A photo of another phone is on the server already: it is never queued.
    state: origin === 'own' ? 'pending' : 'sent',
    attempts: 0,
    nextAttemptAt: 0,
    origin,
    usedAt: now,
    ...extra,
  };
}

/**
 * A photo taken on this phone, with the thumbnail made of it: both kept for
 * upload, each under its own hash, in one transaction. Idempotent by hash: a
 * photo the store already has keeps its row (and its upload state). Resolves
 * to true when the photo was added now.
 */
export async function addPhoto(db: BuurtlogDatabase, now: number, input: OwnPhotoInput): Promise<boolean> {
  checkInput(input);
  const { thumbnail } = input;
  if (thumbnail) checkInput(thumbnail, 'thumbnail.');
  const [photoBytes, thumbnailBytes] = await Promise.all([bytesOf(input), thumbnail ? bytesOf(thumbnail) : null]);
  return db.transaction('rw', db.photos, async () => {
    if (thumbnail && thumbnailBytes && (await db.photos.get(thumbnail.sha256)) === undefined)
      await db.photos.add(newRow(thumbnailBytes, now, 'own', { thumbnailOf: input.sha256 }));
    const existing = await db.photos.get(input.sha256);
    if (existing !== undefined) {
      if (thumbnail && existing.thumbnail === undefined) await db.photos.put({ ...existing, thumbnail: thumbnail.sha256 });
      return false;
    }
    await db.photos.add(newRow(photoBytes, now, 'own', thumbnail ? { thumbnail: thumbnail.sha256 } : {}));
    return true;
  });
}

/**
 * A record's `thumbnails` for its `photos`: the thumbnail this phone made of
 * each (`own`), else the one the record named already (taken on another
 * phone); none for a photo that has none. Only photos the record shows.
 */
export function thumbnailsFor(photos: readonly string[], own: Readonly<Record<string, string>>, current: StoredRecord | undefined): Thumbnails {
  const had = current?.fields['thumbnails']?.v;
  const named = had !== null && typeof had === 'object' && !Array.isArray(had) ? (had as Record<string, unknown>) : {};
  const result: Thumbnails = {};
  for (const photo of photos) {
    const thumbnail = own[photo] ?? (Object.hasOwn(named, photo) ? named[photo] : undefined);
    if (typeof thumbnail === 'string') result[photo] = thumbnail;
  }
  return result;
}

/** Photo hash → the thumbnail this phone made of it, for those of `photos` it made one of. */
export async function ownThumbnails(db: BuurtlogDatabase, photos: readonly string[]): Promise<Record<string, string>> {
  const rows = await db.photos.bulkGet([...new Set(photos)]);
  return Object.fromEntries(rows.flatMap((row) => (row?.thumbnail ? [[row.sha256, row.thumbnail]] : [])));
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
  const row = await db.photos.get(sha256);
  return row ? photoBlob(row) : null;
}

/** Pending photos whose next attempt is due by `now`, the longest waiting first. */
export async function pendingPhotos(db: BuurtlogDatabase, now: number, limit: number): Promise<QueuedPhoto[]> {
  const rows = await db.photos.where('[state+nextAttemptAt]').between(['pending', -Infinity], ['pending', now], true, true).limit(Math.max(0, limit)).toArray();
  return rows.map((row) => ({ sha256: row.sha256, blob: photoBlob(row), type: row.type, bytes: row.bytes, attempts: row.attempts }));
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
 * Keep a photo (or thumbnail) fetched from the server — taken on another
 * phone — so it shows offline next time: stored as 'sent', never queued. A
 * photo already here keeps its row: this device's own upload state wins.
 * Then others' photos are brought within `budget` bytes, the least recently
 * shown out first (never this one, nor any of this phone's own).
 */
export async function cachePhoto(db: BuurtlogDatabase, now: number, input: PhotoInput, budget: number): Promise<void> {
  checkInput(input);
  if (!(budget >= 0)) throw new InvalidInputError([{ path: 'budget', message: 'must be a number of bytes, 0 or more' }]);
  const bytes = await bytesOf(input);
  await db.transaction('rw', db.photos, async () => {
    if ((await db.photos.get(input.sha256)) === undefined) await db.photos.add(newRow(bytes, now, 'other'));
    await evictOthers(db, budget, new Set([input.sha256]));
  });
}

/** Others' photos (sent, the only ones that may go), least recently shown first. */
function othersByUse(db: BuurtlogDatabase): Promise<PhotoRow[]> {
  return db.photos
    .where('[origin+usedAt]')
    .between(['other', -Infinity], ['other', Infinity], true, true)
    .filter((row) => row.state === 'sent')
    .toArray();
}

/** Delete others' photos, least recently shown first, until they hold at most `budget` bytes; those in `keep` stay. Resolves to how many went. */
export async function evictOthers(db: BuurtlogDatabase, budget: number, keep: ReadonlySet<string> = new Set()): Promise<number> {
  return db.transaction('rw', db.photos, async () => {
    const rows = await othersByUse(db);
    let total = rows.reduce((sum, row) => sum + row.bytes, 0);
    const out: string[] = [];
    for (const row of rows) {
      if (total <= budget) break;
      if (keep.has(row.sha256)) continue;
      out.push(row.sha256);
      total -= row.bytes;
    }
    await db.photos.bulkDelete(out);
    return out.length;
  });
}

/** A screen showed these: others' photos among them move to the back of the eviction queue. */
export async function markPhotosUsed(db: BuurtlogDatabase, now: number, hashes: readonly string[]): Promise<void> {
  if (hashes.length === 0) return;
  await db.transaction('rw', db.photos, async () => {
    await db.photos
      .where(':id')
      .anyOf([...new Set(hashes)])
      .filter((row) => row.origin === 'other' && row.usedAt < now)
      .modify({ usedAt: now });
  });
}

/** How many photos (thumbnails included) and bytes this phone holds: others' (the cache) and its own. */
export async function photoUsage(db: BuurtlogDatabase): Promise<PhotoUsage> {
  return db.transaction('r', db.photos, async () => {
    const tally = { others: { count: 0, bytes: 0 }, own: { count: 0, bytes: 0 } };
    await db.photos.each((row) => {
      const into = row.origin === 'other' && row.state === 'sent' ? tally.others : tally.own;
      into.count++;
      into.bytes += row.bytes;
    });
    return tally;
  });
}

/** Settings → "Foto’s van anderen wissen": every photo of others goes (they can be fetched again); this phone's own stay. Resolves to how many went. */
export async function clearOthers(db: BuurtlogDatabase): Promise<number> {
  return evictOthers(db, 0);
}
