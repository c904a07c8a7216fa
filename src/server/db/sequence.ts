/**
 * The records' sequence counter. Only read and advanced inside a transaction
 * that holds the write lock (write-lock.ts), so numbers are handed out in
 * commit order without a database sequence (which PostgreSQL takes before commit).
 */
import type { Transaction } from 'kysely';
import type { Schema } from './schema.ts';

/** Takes `count` numbers; returns the first. */
export async function takeSequenceNumbers(trx: Transaction<Schema>, count: number): Promise<number> {
  const row = await trx
    .updateTable('sequences')
    .set((eb) => ({ value: eb('value', '+', count) }))
    .where('name', '=', 'records')
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value) - count + 1;
}
