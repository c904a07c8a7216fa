/**
 * Issue 12, the bench goal (a quarter view ≤ 200 ms for a tenant with
 * 100,000 activities and 100,000 findings): covering indexes for the
 * monitoring queries (server/monitoring/*.ts), so both databases answer them
 * from the index alone instead of reading each fact's row.
 *
 * - `indicator_facts_period`: a record type's facts of a period (tenant,
 *   source, day) with every column the aggregates read — activities held,
 *   findings, meldingen, patrol.
 * - `indicator_facts_children`: the facts under a parent (tenant, parent,
 *   source) with what the joins read — an activity's attendance, a
 *   finding's status changes (the time to resolve), a round's schouw.
 * - `indicator_fact_tags_amount`: a record's tags with their amount (PC4
 *   reach counts only tags with people).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('indicator_facts_period')
    .on('indicator_facts')
    .columns([
      'tenant_id',
      'source',
      'day',
      'status',
      'flag',
      'quarter',
      'record_id',
      'parent_id',
      'buurt_id',
      'project_id',
      'category',
      'at',
      'amount',
      'extra',
    ])
    .execute();
  await db.schema
    .createIndex('indicator_facts_children')
    .on('indicator_facts')
    .columns(['tenant_id', 'parent_id', 'source', 'category', 'at', 'amount', 'extra', 'record_id'])
    .execute();
  await db.schema.createIndex('indicator_fact_tags_amount').on('indicator_fact_tags').columns(['tenant_id', 'record_id', 'kind', 'amount', 'value']).execute();
  // The narrower indexes of 0008 are prefixes of these.
  await db.schema.dropIndex('indicator_facts_source_day').execute();
  await db.schema.dropIndex('indicator_facts_parent').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('indicator_facts_source_day').on('indicator_facts').columns(['tenant_id', 'source', 'day']).execute();
  await db.schema.createIndex('indicator_facts_parent').on('indicator_facts').columns(['tenant_id', 'parent_id', 'source']).execute();
  await db.schema.dropIndex('indicator_fact_tags_amount').execute();
  await db.schema.dropIndex('indicator_facts_children').execute();
  await db.schema.dropIndex('indicator_facts_period').execute();
}
