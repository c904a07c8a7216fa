/**
 * Which of some records the principal may read (pull, photos): the
 * permission table per record, with the activity loaded for the types that
 * take their scope from it (attendance, schouw) — one query for all of them;
 * activities among the records themselves are taken from there.
 */
import type { Kysely } from 'kysely';
import type { Principal } from '../domain/permissions.ts';
import type { SyncRecord } from '../domain/records.ts';
import { mayRead, scopeParentIdOf } from './authorise.ts';
import { loadRecords } from './db/records.ts';
import type { Schema } from './db/schema.ts';

export async function readableRecords(db: Kysely<Schema>, principal: Principal, records: readonly SyncRecord[]): Promise<SyncRecord[]> {
  const parents = await scopeParentsOf(db, principal.tenantId, records);
  return records.filter((record) => {
    const parentId = scopeParentIdOf(record);
    return mayRead(principal, record, parentId === null ? undefined : parents.get(parentId));
  });
}

async function scopeParentsOf(db: Kysely<Schema>, tenantId: string, records: readonly SyncRecord[]): Promise<Map<string, SyncRecord>> {
  const given = new Map(records.map((record) => [record.id, record]));
  const wanted = new Set<string>();
  for (const record of records) {
    const parentId = scopeParentIdOf(record);
    if (parentId !== null && !given.has(parentId)) wanted.add(parentId);
  }
  const loaded = await loadRecords(db, tenantId, [...wanted]);
  for (const [id, record] of given) loaded.set(id, record);
  return loaded;
}
