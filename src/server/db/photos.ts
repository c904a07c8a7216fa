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
  await trx.deleteFrom('photo_refs').where('tenant_id', '=', tenantId).where('record_id', 'in', ids).execute();
  const rows = records.flatMap((record) =>
    isDeleted(record) ? [] : [...new Set(photoHashesOf(record))].map((sha256) => ({ tenant_id: tenantId, sha256, record_id: record.id })),
  );
  // Chunked: PostgreSQL allows at most 65,535 bound parameters per statement.
  for (let start = 0; start < rows.length; start += 1000)
    await trx
      .insertInto('photo_refs')
      .values(rows.slice(start, start + 1000))
      .execute();
}

/** Notes that this user uploaded the photo's bytes (again): their own photo is served to them through any record they may read. */
export async function recordUpload(db: Db, upload: { tenantId: string; sha256: string; userId: string; at: number }): Promise<void> {
  await db
    .insertInto('photo_uploads')
    .values({ tenant_id: upload.tenantId, sha256: upload.sha256, user_id: upload.userId, at: upload.at })
    .onConflict((oc) => oc.columns(['tenant_id', 'sha256', 'user_id']).doNothing())
    .execute();
}

export type PhotoReference = { recordId: string; sha256: string; referencedBy: string | null; isVouched: boolean };

/** The current (not deleted) references to these photos, with who made each and whether it counts. */
export async function referencesTo(db: Db, tenantId: string, hashes: readonly string[]): Promise<PhotoReference[]> {
  if (hashes.length === 0) return [];
  const rows = await db
    .selectFrom('photo_refs')
    .leftJoin('photo_ref_origins', (join) =>
      join
        .onRef('photo_ref_origins.tenant_id', '=', 'photo_refs.tenant_id')
        .onRef('photo_ref_origins.sha256', '=', 'photo_refs.sha256')
        .onRef('photo_ref_origins.record_id', '=', 'photo_refs.record_id'),
    )
    .select(['photo_refs.record_id', 'photo_refs.sha256', 'photo_ref_origins.referenced_by', 'photo_ref_origins.vouched'])
    .where('photo_refs.tenant_id', '=', tenantId)
    .where('photo_refs.sha256', 'in', hashes)
    .execute();
  return rows.map((row) => ({
    recordId: row.record_id,
    sha256: row.sha256,
    referencedBy: row.referenced_by ?? null,
    isVouched: Number(row.vouched ?? 0) === 1,
  }));
}

/** Every uploader of these photos, by hash. */
export async function uploadersOf(db: Db, tenantId: string, hashes: readonly string[]): Promise<Map<string, Set<string>>> {
  const byHash = new Map<string, Set<string>>();
  if (hashes.length === 0) return byHash;
  const rows = await db.selectFrom('photo_uploads').select(['sha256', 'user_id']).where('tenant_id', '=', tenantId).where('sha256', 'in', hashes).execute();
  for (const row of rows) byHash.set(row.sha256, (byHash.get(row.sha256) ?? new Set()).add(row.user_id));
  return byHash;
}

/**
 * Keeps who first named each photo in these (just saved) records: a new
 * (record, photo) pair gets its maker and whether they could see the photo
 * then (`isVouched`); a pair the record no longer names is forgotten. Kept
 * for deleted records too, so an undelete brings the photos back as they were.
 */
export async function saveReferenceOrigins(
  trx: Transaction<Schema>,
  tenantId: string,
  records: readonly SyncRecord[],
  maker: { userId: string | null; now: number; isVouched: (sha256: string) => Promise<boolean> },
): Promise<void> {
  if (records.length === 0) return;
  const existing = await trx
    .selectFrom('photo_ref_origins')
    .select(['record_id', 'sha256'])
    .where('tenant_id', '=', tenantId)
    .where(
      'record_id',
      'in',
      records.map((record) => record.id),
    )
    .execute();
  const known = new Set(existing.map((row) => `${row.record_id} ${row.sha256}`));
  for (const record of records) {
    const hashes = new Set(photoHashesOf(record));
    const gone = existing.filter((row) => row.record_id === record.id && !hashes.has(row.sha256)).map((row) => row.sha256);
    if (gone.length > 0)
      await trx.deleteFrom('photo_ref_origins').where('tenant_id', '=', tenantId).where('record_id', '=', record.id).where('sha256', 'in', gone).execute();
    for (const sha256 of hashes) {
      if (known.has(`${record.id} ${sha256}`)) continue;
      const vouched = maker.userId === null || (await maker.isVouched(sha256)) ? 1 : 0;
      await trx
        .insertInto('photo_ref_origins')
        .values({ tenant_id: tenantId, sha256, record_id: record.id, referenced_by: maker.userId, referenced_at: maker.now, vouched })
        .execute();
    }
  }
}
