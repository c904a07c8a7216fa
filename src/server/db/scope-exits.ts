/**
 * Scope exits (migration 0009): a record that left a buurt or team, with the
 * scope it left. Written by the push path when a stored record's scope
 * changes (apply-push.ts), read by pull (routes/pull.ts). Every query names
 * the tenant.
 */
import type { Kysely, Transaction } from 'kysely';
import type { RecordScope } from '../../domain/permissions.ts';
import type { RecordType } from '../../domain/records.ts';
import type { Schema } from './schema.ts';
import { takeSequenceNumbers } from './sequence.ts';

type Db = Kysely<Schema> | Transaction<Schema>;

export type ScopeExit = { readonly id: string; readonly type: RecordType; readonly scope: RecordScope; readonly seq: number };

/** Exits past `cursor`, oldest first, at most `limit` (and whether more exist). */
export async function scopeExitsSince(db: Db, tenantId: string, cursor: number, limit: number): Promise<{ rows: ScopeExit[]; hasMore: boolean }> {
  const rows = await db
    .selectFrom('scope_exits')
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

/** Writes exits, each with a number of its own from the tenant's record sequence. Only under the write lock. */
export async function saveScopeExits(trx: Transaction<Schema>, tenantId: string, exits: ReadonlyArray<Omit<ScopeExit, 'seq'>>, now: number): Promise<void> {
  if (exits.length === 0) return;
  const firstSeq = await takeSequenceNumbers(trx, tenantId, exits.length);
  const rows = exits.map((exit, index) => ({
    tenant_id: tenantId,
    seq: firstSeq + index,
    id: exit.id,
    type: exit.type,
    scope: JSON.stringify(exit.scope),
    left_at: now,
  }));
  // Chunked: PostgreSQL allows at most 65,535 bound parameters per statement.
  for (let start = 0; start < rows.length; start += 1000)
    await trx
      .insertInto('scope_exits')
      .values(rows.slice(start, start + 1000))
      .execute();
}
