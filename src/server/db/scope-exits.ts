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
import { scopedMarksSince } from './purges.ts';
import { takeSequenceNumbers } from './sequence.ts';

type Db = Kysely<Schema> | Transaction<Schema>;

export type ScopeExit = { readonly id: string; readonly type: RecordType; readonly scope: RecordScope; readonly seq: number };

/** Exits past `cursor`, oldest first, at most `limit` (and whether more exist). */
export function scopeExitsSince(db: Db, tenantId: string, cursor: number, limit: number): Promise<{ rows: ScopeExit[]; hasMore: boolean }> {
  return scopedMarksSince(db, 'scope_exits', tenantId, cursor, limit);
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
