/**
 * Reading and writing merged records. A record's mergeable state is stored as
 * JSON text; its id, type, tenant and sequence number are columns. Every
 * query names the tenant: ids repeat across tenants (seeded slugs) and a
 * tenant never sees another's rows.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Mergeable } from '../../domain/merge.ts';
import type { RecordType, SyncRecord } from '../../domain/records.ts';
import { saveFacts } from './facts.ts';
import type { Schema } from './schema.ts';

type Row = { id: string; tenant_id: string; type: string; state: string };

/** The tenant's stored records with these ids. */
export async function loadRecords(db: Kysely<Schema> | Transaction<Schema>, tenantId: string, ids: readonly string[]): Promise<Map<string, SyncRecord>> {
  const found = new Map<string, SyncRecord>();
  if (ids.length === 0) return found;
  const rows = await db.selectFrom('records').select(['id', 'tenant_id', 'type', 'state']).where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
  for (const row of rows) found.set(row.id, toSyncRecord(row));
  return found;
}

/** Every record of one type of the tenant (teams, to know who belongs to which). */
export async function loadRecordsOfType(db: Kysely<Schema> | Transaction<Schema>, tenantId: string, type: RecordType): Promise<SyncRecord[]> {
  const rows = await db.selectFrom('records').select(['id', 'tenant_id', 'type', 'state']).where('tenant_id', '=', tenantId).where('type', '=', type).execute();
  return rows.map(toSyncRecord);
}

/**
 * The tenant's records of `type` whose `field` names one of `parentIds` (a
 * moved activity's findings, a finding's follow-up entries). The state is
 * JSON text on both databases, so the query narrows by the quoted id in it
 * (ids are lowercase letters, digits and dashes: neither a LIKE wildcard nor
 * a JSON escape can be in one) and the field itself is compared here. Used
 * only when a parent moves, which is rare; not on every write.
 */
export async function loadChildren(
  db: Kysely<Schema> | Transaction<Schema>,
  tenantId: string,
  child: { type: RecordType; field: string },
  parentIds: readonly string[],
): Promise<SyncRecord[]> {
  const wanted = new Set(parentIds);
  const found: SyncRecord[] = [];
  for (let start = 0; start < parentIds.length; start += 100) {
    const chunk = parentIds.slice(start, start + 100);
    const rows = await db
      .selectFrom('records')
      .select(['id', 'tenant_id', 'type', 'state'])
      .where('tenant_id', '=', tenantId)
      .where('type', '=', child.type)
      .where((eb) => eb.or(chunk.map((id) => eb('state', 'like', `%"${id}"%`))))
      .execute();
    for (const row of rows) {
      const record = toSyncRecord(row);
      const parentId = record.fields[child.field]?.v;
      if (typeof parentId === 'string' && wanted.has(parentId)) found.push(record);
    }
  }
  return found;
}

/**
 * The tenant's records whose state names `userId` anywhere (createdBy, a
 * history entry's `by`, a round's walkers, a team's members, a sign-up):
 * the state is JSON text on both databases and a user id is a UUID (hex
 * digits and dashes: no LIKE wildcard, no JSON escape), so the quoted id is
 * found as it is. Only for a person's inzage or erasure, which are rare.
 */
export async function loadRecordsNaming(db: Kysely<Schema> | Transaction<Schema>, tenantId: string, userId: string): Promise<SyncRecord[]> {
  const rows = await db
    .selectFrom('records')
    .select(['id', 'tenant_id', 'type', 'state'])
    .where('tenant_id', '=', tenantId)
    .where('state', 'like', `%"${userId}"%`)
    .orderBy('id')
    .execute();
  return rows.map(toSyncRecord);
}

/**
 * The tenant's records whose state may hold `text` (a name in a note): the
 * JSON-escaped text matched without regard to case (LIKE on SQLite, ILIKE on
 * PostgreSQL); a `%` or `_` in it only widens the match, so the caller
 * decides on the values themselves. Only for an erasure, which is rare.
 */
export async function loadRecordsMentioning(
  db: Kysely<Schema> | Transaction<Schema>,
  dialect: 'sqlite' | 'postgres',
  tenantId: string,
  text: string,
): Promise<SyncRecord[]> {
  const rows = await db
    .selectFrom('records')
    .select(['id', 'tenant_id', 'type', 'state'])
    .where('tenant_id', '=', tenantId)
    .where('state', dialect === 'postgres' ? 'ilike' : 'like', `%${JSON.stringify(text).slice(1, -1)}%`)
    .orderBy('id')
    .execute();
  return rows.map(toSyncRecord);
}

/**
 * Inserts or replaces records, numbering them from `firstSeq` in the order given,
 * and their monitoring facts.
 * Only under the write lock: the numbers must be fresh.
 */
export async function saveRecords(trx: Transaction<Schema>, records: readonly SyncRecord[], firstSeq: number, now: number): Promise<void> {
  if (records.length === 0) return;
  const rows = records.map((record, index) => ({
    id: record.id,
    tenant_id: record.tenantId,
    type: record.type,
    state: JSON.stringify({ fields: record.fields, counters: record.counters } satisfies Mergeable),
    seq: firstSeq + index,
    updated_at: now,
  }));
  await trx
    .insertInto('records')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'id']).doUpdateSet((eb) => ({
        state: eb.ref('excluded.state'),
        seq: eb.ref('excluded.seq'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
  // What the monitoring indicators count, in the same transaction (facts.ts).
  await saveFacts(trx, records);
}

export type SequencedRecord = { record: SyncRecord; seq: number };
export type RecordPage = { rows: SequencedRecord[]; hasMore: boolean };

/** A tenant's records changed after `cursor`, oldest change first (unfiltered: pull decides who sees what). */
export async function recordsSince(db: Kysely<Schema>, tenantId: string, cursor: number, limit: number): Promise<RecordPage> {
  const rows = await db
    .selectFrom('records')
    .select(['id', 'tenant_id', 'type', 'state', 'seq'])
    .where('tenant_id', '=', tenantId)
    .where('seq', '>', cursor)
    .orderBy('seq')
    .limit(limit + 1)
    .execute();
  return { rows: rows.slice(0, limit).map((row) => ({ record: toSyncRecord(row), seq: row.seq })), hasMore: rows.length > limit };
}

function toSyncRecord(row: Row): SyncRecord {
  const state = JSON.parse(row.state) as Mergeable;
  return { id: row.id, type: row.type as SyncRecord['type'], tenantId: row.tenant_id, fields: state.fields, counters: state.counters };
}
