/**
 * Leaving scope (issue 13, item 5): a record moved to another buurt or team
 * — or whose parent moved — leaves a marker with the scope it left. Pull
 * serves the markers in the same sequence as the records (`gone` in its
 * answer) to whoever could read that scope and cannot read the record now,
 * so their device drops it at its next sync. A marker holds the id, the type
 * and the scope left behind, never content.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('scope_exits')
    .addColumn('tenant_id', 'text', (col) => col.notNull().references('tenants.id'))
    // Taken from the records' sequence, so a pull cursor orders exits and records together; one record may leave many times.
    .addColumn('seq', 'bigint', (col) => col.notNull())
    .addColumn('id', 'text', (col) => col.notNull())
    .addColumn('type', 'text', (col) => col.notNull())
    // `{ buurtIds, teamId }` as JSON: the scope the record had before the move.
    .addColumn('scope', 'text', (col) => col.notNull())
    .addColumn('left_at', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('scope_exits_pk', ['tenant_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('scope_exits').execute();
}
