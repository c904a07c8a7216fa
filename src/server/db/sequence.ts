/**
 * The server's counters, kept in the `sequences` table, one row per tenant
 * and kind: `records:<tenant>` numbers the tenant's record changes for pull
 * cursors, `audit:<tenant>` its audit entries. Per tenant, so a cursor or an
 * audit page never shows how much another tenant writes (issue 10, item 12).
 * Read and advanced only inside a writing transaction — `records` under the
 * write lock (write-lock.ts) — so numbers are handed out in commit order
 * without a database sequence (which PostgreSQL takes before commit).
 */
import type { Transaction } from 'kysely';
import type { Schema } from './schema.ts';

export type SequenceName = 'records' | 'audit';

/** Takes `count` numbers of the tenant's `name` counter (made at its first use); returns the first. */
export async function takeSequenceNumbers(trx: Transaction<Schema>, tenantId: string, count: number, name: SequenceName = 'records'): Promise<number> {
  const row = await trx
    .insertInto('sequences')
    .values({ name: sequenceRow(name, tenantId), value: count })
    .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ value: eb('sequences.value', '+', count) })))
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value) - count + 1;
}

/** The `sequences` row of a tenant's counter. */
export function sequenceRow(name: SequenceName, tenantId: string): string {
  return `${name}:${tenantId}`;
}
