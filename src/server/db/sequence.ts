/**
 * The server's counters, kept in the `sequences` table, one row per tenant
 * and kind: `records:<tenant>` numbers the tenant's record changes for pull
 * cursors, `audit:<tenant>` its audit entries. Per tenant, so a cursor or an
 * audit page never shows how much another tenant writes (issue 10, item 12).
 * Read and advanced only inside a writing transaction — `records` under the
 * write lock (write-lock.ts) — so numbers are handed out in commit order
 * without a database sequence (which PostgreSQL takes before commit).
 */
import type { Kysely, Transaction } from 'kysely';
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

/** The `sequences` row that names this copy of the database; a restore gives it a new value (backup.ts). */
const EPOCH_ROW = 'epoch';

/** The tenant's last record change number (0 before the first). */
export async function currentSequence(db: Kysely<Schema>, tenantId: string): Promise<number> {
  const row = await db.selectFrom('sequences').select('value').where('name', '=', sequenceRow('records', tenantId)).executeTakeFirst();
  return Number(row?.value ?? 0);
}

/**
 * Which restore of the database this is: 0 until the first restore, then a
 * new random number at each. Pull cursors carry it, so a phone whose cursor
 * was made before a restore learns that the server lost changes it had
 * acknowledged, and sends its own again (routes/pull.ts).
 */
export async function databaseEpoch(db: Kysely<Schema>): Promise<number> {
  const row = await db.selectFrom('sequences').select('value').where('name', '=', EPOCH_ROW).executeTakeFirst();
  return Number(row?.value ?? 0);
}

/** Marks the database as restored: a new epoch, never 0 and never the old one. */
export async function markRestored(db: Kysely<Schema>): Promise<number> {
  const previous = await databaseEpoch(db);
  let epoch = previous;
  while (epoch === previous || epoch === 0) epoch = 1 + Math.floor(Math.random() * 0x7ffffffe);
  await db
    .insertInto('sequences')
    .values({ name: EPOCH_ROW, value: epoch })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value: epoch }))
    .execute();
  return epoch;
}
