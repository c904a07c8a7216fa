/**
 * Monitoring (issue 12): the facts the indicators count, one row per record
 * that counts, and their multi-valued tags (db/facts.ts says why a table and
 * not JSON functions). Filled for the records already stored, in pages.
 */
import type { Kysely } from 'kysely';
import type { SyncRecord } from '../../../domain/records.ts';
import { FACT_RECORD_TYPES } from '../../../domain/indicators-registry.ts';
import { writeFacts } from '../facts.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('indicator_facts')
    .addColumn('tenant_id', 'text', (col) => col.notNull().references('tenants.id'))
    .addColumn('record_id', 'text', (col) => col.notNull())
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('parent_id', 'text')
    .addColumn('buurt_id', 'text')
    .addColumn('project_id', 'text')
    .addColumn('day', 'text')
    .addColumn('quarter', 'text')
    .addColumn('category', 'text')
    .addColumn('status', 'text')
    .addColumn('at', 'bigint')
    .addColumn('amount', 'bigint', (col) => col.notNull().defaultTo(0))
    .addColumn('extra', 'bigint', (col) => col.notNull().defaultTo(0))
    .addColumn('flag', 'integer', (col) => col.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('indicator_facts_pk', ['tenant_id', 'record_id'])
    .execute();
  await db.schema.createIndex('indicator_facts_source_day').on('indicator_facts').columns(['tenant_id', 'source', 'day']).execute();
  await db.schema.createIndex('indicator_facts_parent').on('indicator_facts').columns(['tenant_id', 'parent_id', 'source']).execute();
  await db.schema
    .createTable('indicator_fact_tags')
    .addColumn('tenant_id', 'text', (col) => col.notNull())
    .addColumn('record_id', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('value', 'text', (col) => col.notNull())
    .addColumn('amount', 'bigint', (col) => col.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('indicator_fact_tags_pk', ['tenant_id', 'record_id', 'kind', 'value'])
    .execute();
  await db.schema.createIndex('indicator_fact_tags_kind_value').on('indicator_fact_tags').columns(['tenant_id', 'kind', 'value']).execute();

  // The records stored before: their facts, a page at a time.
  let after = '';
  for (;;) {
    const rows: Array<{ id: string; tenant_id: string; type: string; state: string }> = await db
      .selectFrom('records')
      .select(['id', 'tenant_id', 'type', 'state'])
      .where('type', 'in', FACT_RECORD_TYPES)
      .where('id', '>', after)
      .orderBy('id')
      .limit(1000)
      .execute();
    if (rows.length === 0) break;
    const records = rows.map((row) => ({ id: row.id, tenantId: row.tenant_id, type: row.type, ...JSON.parse(row.state) }) as SyncRecord);
    await writeFacts(db, records);
    after = (rows.at(-1) as { id: string }).id;
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('indicator_fact_tags').execute();
  await db.schema.dropTable('indicator_facts').execute();
}
