/**
 * The one piece of dialect-specific SQL: serialising sync write transactions.
 *
 * Why (DESIGN.md "Sync protocol", the PostgreSQL pitfall): pull hands out
 * records past a cursor of sequence numbers. If two pushes ran side by side,
 * the one that took the lower numbers could commit *after* a pull already
 * returned the higher ones, and that pull's cursor would skip its rows for
 * ever. Taking one lock before reading anything makes commit order equal
 * sequence order, across any number of server processes.
 */
import { sql, type Transaction } from 'kysely';
import type { DialectName } from './database.ts';
import type { Schema } from './schema.ts';

/** Names Buurtlog's sync write lock among the database's advisory locks ("BLOG" in ASCII). */
const SYNC_WRITE_LOCK = 0x424c4f47;

/**
 * Must be the first statement of every transaction that writes records.
 * Blocks until no other such transaction runs; the lock ends with the transaction.
 */
export async function serialiseWrites(trx: Transaction<Schema>, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') {
    await sql`select pg_advisory_xact_lock(${sql.lit(SYNC_WRITE_LOCK)})`.execute(trx);
    return;
  }
  // SQLite: Kysely opens a deferred transaction, which takes the write lock only
  // at its first write; a read first could then see a snapshot another process
  // writes past (SQLITE_BUSY_SNAPSHOT). A no-op write as the first statement
  // takes the file's write lock up front, like BEGIN IMMEDIATE, waiting out
  // busy_timeout if another process holds it.
  await trx
    .updateTable('sequences')
    .set((eb) => ({ value: eb.ref('value') }))
    .where('name', '=', 'records')
    .execute();
}
