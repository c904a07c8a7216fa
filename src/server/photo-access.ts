/**
 * Who may see a photo (issue 10, item 4). Knowing a photo's hash is not
 * enough: naming someone else's hash in your own finding must not show it
 * to you, nor to whoever may read your finding. A photo is served to a
 * person only through a record they may read (not deleted) that shows it,
 * and only when that record's reference to the photo counts:
 *
 * - the person uploaded the photo's bytes themselves (they have it anyway), or
 * - whoever first named the photo in that record uploaded it, or could
 *   already see it then (`vouched`: computed when the reference is made).
 *
 * Photos of deleted records are served to nobody, their uploader and the
 * coordinator included: a deleted finding is gone for everyone in the app,
 * the uploader keeps their own copy on the phone, and an undelete (which
 * needs the delete right) brings the photos back with their references.
 *
 * `missingPhotos` and `GET /photos/missing` use the same rule (plus the
 * asker's own uploads), so they speak only of what the asker may see or sent
 * and never reveal whether a hash exists elsewhere.
 */
import type { Kysely } from 'kysely';
import type { Principal } from '../domain/permissions.ts';
import { existingPhotos, referencesTo, uploadersOf } from './db/photos.ts';
import { loadRecords } from './db/records.ts';
import type { Schema } from './db/schema.ts';
import { readableRecords } from './readable.ts';

/** Which of these photos the principal may see (and so are not missing for them). */
export async function visiblePhotos(db: Kysely<Schema>, principal: Principal, hashes: readonly string[]): Promise<Set<string>> {
  const wanted = [...new Set(hashes)];
  const references = await referencesTo(db, principal.tenantId, wanted);
  if (references.length === 0) return new Set();
  const uploaders = await uploadersOf(db, principal.tenantId, wanted);
  const counting = references.filter((ref) => {
    const by = uploaders.get(ref.sha256);
    return by?.has(principal.userId) || ref.isVouched || (ref.referencedBy !== null && by?.has(ref.referencedBy));
  });
  const records = await loadRecords(db, principal.tenantId, [...new Set(counting.map((ref) => ref.recordId))]);
  const readable = new Set((await readableRecords(db, principal, [...records.values()])).map((record) => record.id));
  const seen = new Set(counting.filter((ref) => readable.has(ref.recordId)).map((ref) => ref.sha256));
  // A reference may come before its photo's bytes: only a stored photo is there to see.
  return existingPhotos(db, principal.tenantId, [...seen]);
}

/**
 * Which of these photos are NOT missing for the principal: those they may see,
 * and those they uploaded themselves (even before a record names them, so the
 * phone stops uploading as soon as its photo has arrived).
 */
export async function arrivedPhotos(db: Kysely<Schema>, principal: Principal, hashes: readonly string[]): Promise<Set<string>> {
  const wanted = [...new Set(hashes)];
  const uploaders = await uploadersOf(db, principal.tenantId, wanted);
  const own = await existingPhotos(
    db,
    principal.tenantId,
    wanted.filter((hash) => uploaders.get(hash)?.has(principal.userId)),
  );
  const visible = await visiblePhotos(
    db,
    principal,
    wanted.filter((hash) => !own.has(hash)),
  );
  return new Set([...own, ...visible]);
}
