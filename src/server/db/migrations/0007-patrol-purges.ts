/**
 * Buurtpreventie retention (issue 11): the records removed after the
 * tenant's retention period leave a purge marker behind. Pull serves the
 * markers in the same sequence as the records (`purged` in its answer), so
 * every device drops the record at its next sync; push refuses to make a
 * purged record again. A marker holds the id, the type and the scope the
 * record had (who may learn that it went), never its content.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('purged_records')
    .addColumn('tenant_id', 'text', (col) => col.notNull().references('tenants.id'))
    .addColumn('id', 'text', (col) => col.notNull())
    .addColumn('type', 'text', (col) => col.notNull())
    // `{ buurtIds, teamId }` as JSON: the record's scope when it was purged.
    .addColumn('scope', 'text', (col) => col.notNull())
    // Taken from the records' sequence, so a pull cursor orders markers and records together.
    .addColumn('seq', 'bigint', (col) => col.notNull())
    .addColumn('purged_at', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('purged_records_pk', ['tenant_id', 'id'])
    .execute();
  await db.schema.createIndex('purged_records_tenant_seq').on('purged_records').columns(['tenant_id', 'seq']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('purged_records').execute();
}
