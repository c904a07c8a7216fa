/**
 * Stored photos and the records that refer to them. Every query names the
 * tenant: the same photo in two tenants is two rows, and a tenant never
 * learns of another's.
 */
import type { Kysely, Transaction } from 'kysely';
import { isDeleted, type SyncRecord } from '../../domain/records.ts';
import { photoHashesOf } from '../../domain/photos.ts';
import type { PhotosTable, Schema } from './schema.ts';

type Db = Kysely<Schema> | Transaction<Schema>;

/** Stores a photo unless the tenant has it; answers whether it was stored now. */
export async function insertPhoto(db: Db, photo: PhotosTable): Promise<boolean> {
  const result = await db
    .insertInto('photos')
    .values(photo)
    .onConflict((oc) => oc.columns(['tenant_id', 'sha256']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export type StoredPhoto = { type: string; size: number; bytes: Uint8Array };

export async function findPhoto(db: Db, tenantId: string, sha256: string): Promise<StoredPhoto | undefined> {
  return db.selectFrom('photos').select(['type', 'size', 'bytes']).where('tenant_id', '=', tenantId).where('sha256', '=', sha256).executeTakeFirst();
}

/** Which of these hashes the tenant has. */
export async function existingPhotos(db: Db, tenantId: string, hashes: readonly string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const rows = await db.selectFrom('photos').select('sha256').where('tenant_id', '=', tenantId).where('sha256', 'in', hashes).execute();
  return new Set(rows.map((row) => row.sha256));
}

/** The ids of the tenant's records that show this photo. */
export async function recordIdsShowing(db: Db, tenantId: string, sha256: string): Promise<string[]> {
  const rows = await db.selectFrom('photo_refs').select('record_id').where('tenant_id', '=', tenantId).where('sha256', '=', sha256).execute();
  return rows.map((row) => row.record_id);
}

/**
 * Replaces the references of these (just saved) records by their current
 * photos; a deleted record shows none, so its photos are no longer served
 * to anyone through it.
 */
export async function savePhotoRefs(trx: Transaction<Schema>, tenantId: string, records: readonly SyncRecord[], now: number): Promise<void> {
  if (records.length === 0) return;
  const ids = records.map((record) => record.id);
  // The photos these records showed until now were last shown now: the purge counts from here.
  const before = await trx.selectFrom('photo_refs').select('sha256').distinct().where('tenant_id', '=', tenantId).where('record_id', 'in', ids).execute();
  for (let start = 0; start < before.length; start += 1000) {
    const hashes = before.slice(start, start + 1000).map((row) => row.sha256);
    await trx.updateTable('photos').set({ last_ref_at: now }).where('tenant_id', '=', tenantId).where('sha256', 'in', hashes).execute();
  }
  await trx
    .deleteFrom('photo_refs')
    .where('tenant_id', '=', tenantId)
    .where('record_id', 'in', ids)
    .execute();
  const rows = records.flatMap((record) => (isDeleted(record) ? [] : [...new Set(photoHashesOf(record))].map((sha256) => ({ tenant_id: tenantId, sha256, record_id: record.id }))));
  // Chunked: PostgreSQL allows at most 65,535 bound parameters per statement.
  for (let start = 0; start < rows.length; start += 1000) await trx.insertInto('photo_refs').values(rows.slice(start, start + 1000)).execute();
}
