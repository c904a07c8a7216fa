/**
 * Purge markers (migration 0007): records removed after their retention
 * period. Every query names the tenant.
 */
import type { Kysely, Transaction } from 'kysely';
import type { RecordScope } from '../../domain/permissions.ts';
import type { RecordType } from '../../domain/records.ts';
import type { Schema } from './schema.ts';

type Db = Kysely<Schema> | Transaction<Schema>;

export type PurgeMarker = { readonly id: string; readonly type: RecordType; readonly scope: RecordScope; readonly seq: number };

/** Which of these record ids were purged. */
export async function purgedIdsAmong(db: Db, tenantId: string, ids: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  // Chunked: PostgreSQL allows at most 65,535 bound parameters per statement.
  for (let start = 0; start < ids.length; start += 1000) {
    const rows = await db
      .selectFrom('purged_records')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('id', 'in', ids.slice(start, start + 1000))
      .execute();
    for (const row of rows) found.add(row.id);
  }
  return found;
}

/** Markers past `cursor`, oldest first, at most `limit` (and whether more exist). */
export function purgesSince(db: Db, tenantId: string, cursor: number, limit: number): Promise<{ rows: PurgeMarker[]; hasMore: boolean }> {
  return scopedMarksSince(db, 'purged_records', tenantId, cursor, limit);
}

/**
 * Rows of a table of content-free marks that the pull hands out after the
 * records (`purged_records`, `scope_exits`: the same columns id, type,
 * scope and seq), past `cursor`, oldest first, at most `limit`.
 */
export async function scopedMarksSince(
  db: Db,
  table: 'purged_records' | 'scope_exits',
  tenantId: string,
  cursor: number,
  limit: number,
): Promise<{ rows: PurgeMarker[]; hasMore: boolean }> {
  // Both tables have these columns; Kysely types the query by one of them.
  const rows = await db
    .selectFrom(table as 'purged_records')
    .select(['id', 'type', 'scope', 'seq'])
    .where('tenant_id', '=', tenantId)
    .where('seq', '>', cursor)
    .orderBy('seq')
    .limit(limit + 1)
    .execute();
  return {
    rows: rows.slice(0, limit).map((row) => ({ id: row.id, type: row.type as RecordType, scope: JSON.parse(row.scope) as RecordScope, seq: Number(row.seq) })),
    hasMore: rows.length > limit,
  };
}

/** Writes markers numbered from `firstSeq`. Only under the write lock. */
export async function insertPurgeMarkers(
  trx: Transaction<Schema>,
  tenantId: string,
  markers: ReadonlyArray<Omit<PurgeMarker, 'seq'>>,
  firstSeq: number,
  now: number,
): Promise<void> {
  const rows = markers.map((marker, index) => ({
    tenant_id: tenantId,
    id: marker.id,
    type: marker.type,
    scope: JSON.stringify(marker.scope),
    seq: firstSeq + index,
    purged_at: now,
  }));
  for (let start = 0; start < rows.length; start += 1000)
    await trx
      .insertInto('purged_records')
      .values(rows.slice(start, start + 1000))
      .execute();
}
