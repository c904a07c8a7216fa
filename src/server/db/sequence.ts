/**
 * The server's counters, kept in the `sequences` table: `records` numbers
 * record changes for pull cursors, `audit` numbers audit entries. Read and
 * advanced only inside a writing transaction — `records` under the write
 * lock (write-lock.ts) — so numbers are handed out in commit order without a
 * database sequence (which PostgreSQL takes before commit).
 */
import type { Transaction } from 'kysely';
import type { Schema } from './schema.ts';

export type SequenceName = 'records' | 'audit';

/** Takes `count` numbers; returns the first. */
export async function takeSequenceNumbers(trx: Transaction<Schema>, count: number, name: SequenceName = 'records'): Promise<number> {
  const row = await trx
    .updateTable('sequences')
    .set((eb) => ({ value: eb('value', '+', count) }))
    .where('name', '=', name)
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value) - count + 1;
}
