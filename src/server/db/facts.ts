/**
 * The monitoring facts beside the records (schema.ts `indicator_facts`,
 * `indicator_fact_tags`): written in the same transaction as the records
 * they come from, so an aggregate never sees a record without its fact.
 *
 * Why a table of facts and not SQL JSON over `records.state`: the record
 * state is a merged CRDT (per-field registers, per-device PN-counters), and
 * reading a count means summing every device's entries — JSON functions
 * differ between SQLite (json_extract, json_each) and PostgreSQL (->>,
 * jsonb_each), and neither can use an index inside the text. The facts are a
 * handful of typed, indexed columns computed once per write by the domain's
 * registry (indicators-registry.ts), so a quarter's aggregate is one plain
 * SQL query — the same text on both databases — over an index on
 * (tenant, source, day), however many records the tenant holds.
 */
import type { Kysely, Transaction } from 'kysely';
import { factOf } from '../../domain/indicators-registry.ts';
import { quarterOf } from '../../domain/indicators.ts';
import type { SyncRecord } from '../../domain/records.ts';
import { refreshRollups, rollupGroupsOf } from './rollups.ts';
import type { Schema } from './schema.ts';

type Db = Kysely<Schema> | Transaction<Schema>;

/**
 * Replaces the facts of these records with what they count for now (none when deleted or of a type without
 * indicators), and recomputes the rollup rows they counted in before or count in now (rollups.ts).
 */
export async function saveFacts(db: Db, records: readonly SyncRecord[]): Promise<void> {
  for (const [tenantId, list] of byTenant(records)) {
    const before = await rollupGroupsOf(db, tenantId, list);
    await writeFacts(db, list);
    await refreshRollups(db, tenantId, [...before, ...(await rollupGroupsOf(db, tenantId, list))]);
  }
}

function byTenant(records: readonly SyncRecord[]): Map<string, SyncRecord[]> {
  const out = new Map<string, SyncRecord[]>();
  for (const record of records) out.set(record.tenantId, [...(out.get(record.tenantId) ?? []), record]);
  return out;
}

/**
 * The facts and tags alone, without the rollup: for migration 0008, which runs before the rollup
 * exists (migration 0012 fills it from the facts).
 */
export async function writeFacts(db: Db, records: readonly SyncRecord[]): Promise<void> {
  for (const [tenantId, list] of byTenant(records)) {
    await removeFacts(
      db,
      tenantId,
      list.map((record) => record.id),
    );
    const facts = list.flatMap((record) => {
      const fact = factOf(record);
      return fact === null ? [] : [{ record, fact }];
    });
    if (facts.length === 0) continue;
    const rows = facts.map(({ record, fact }) => ({
      tenant_id: tenantId,
      record_id: record.id,
      source: record.type,
      parent_id: fact.parentId,
      buurt_id: fact.buurtId,
      project_id: fact.projectId,
      day: fact.day,
      quarter: fact.day === null ? null : quarterOf(fact.day),
      category: fact.category,
      status: fact.status,
      at: fact.at,
      amount: fact.amount,
      extra: fact.extra,
      flag: fact.flag ? 1 : 0,
    }));
    for (let start = 0; start < rows.length; start += 500)
      await db
        .insertInto('indicator_facts')
        .values(rows.slice(start, start + 500))
        .execute();
    const tags = facts.flatMap(({ record, fact }) => fact.tags.map((tag) => ({ tenant_id: tenantId, record_id: record.id, ...tag })));
    for (let start = 0; start < tags.length; start += 500)
      await db
        .insertInto('indicator_fact_tags')
        .values(tags.slice(start, start + 500))
        .execute();
  }
}

/** Deletes the facts of these records (purged), and recomputes the rollup rows they counted in. */
export async function deleteFacts(db: Db, tenantId: string, recordIds: readonly string[]): Promise<void> {
  const before = await rollupGroupsOf(
    db,
    tenantId,
    recordIds.map((id) => ({ id })),
  );
  await removeFacts(db, tenantId, recordIds);
  await refreshRollups(db, tenantId, before);
}

async function removeFacts(db: Db, tenantId: string, recordIds: readonly string[]): Promise<void> {
  for (let start = 0; start < recordIds.length; start += 500) {
    const chunk = recordIds.slice(start, start + 500);
    await db.deleteFrom('indicator_fact_tags').where('tenant_id', '=', tenantId).where('record_id', 'in', chunk).execute();
    await db.deleteFrom('indicator_facts').where('tenant_id', '=', tenantId).where('record_id', 'in', chunk).execute();
  }
}
