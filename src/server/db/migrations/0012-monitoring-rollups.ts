/**
 * Issue 12, the bench goal (a quarter view ≤ 200 ms for a tenant with
 * 100,000 activities and 100,000 findings): the monitoring rollup
 * (db/rollups.ts says what a row holds and how it stays equal to the facts),
 * filled from the facts the database holds already, and an index on the
 * facts by (tenant, source, quarter, buurt, status) so a quarter and buurt's
 * rollup is recomputed from its own facts only (of activities, the held
 * ones only: a push of planned activities reads none).
 */
import type { Kysely } from 'kysely';
import { rebuildRollups } from '../rollups.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('indicator_rollups')
    .addColumn('tenant_id', 'text', (col) => col.notNull().references('tenants.id'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('quarter', 'text', (col) => col.notNull())
    .addColumn('buurt_id', 'text', (col) => col.notNull())
    .addColumn('value', 'text', (col) => col.notNull())
    .addColumn('n', 'bigint', (col) => col.notNull().defaultTo(0))
    .addColumn('amount', 'bigint', (col) => col.notNull().defaultTo(0))
    .addColumn('extra', 'bigint', (col) => col.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('indicator_rollups_pk', ['tenant_id', 'kind', 'quarter', 'buurt_id', 'value'])
    .execute();
  // The rows of a quarter and buurt, for their refresh.
  await db.schema.createIndex('indicator_rollups_group').on('indicator_rollups').columns(['tenant_id', 'quarter', 'buurt_id']).execute();
  await db.schema.createIndex('indicator_facts_group').on('indicator_facts').columns(['tenant_id', 'source', 'quarter', 'buurt_id', 'status']).execute();
  await rebuildRollups(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('indicator_facts_group').execute();
  await db.schema.dropTable('indicator_rollups').execute();
}
