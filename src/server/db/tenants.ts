/** Tenants and their configuration (TenantConfigSchema, stored as JSON). */
import * as z from 'zod/mini';
import { TenantConfigSchema, type TenantConfig } from '../../domain/tenant-config.ts';
import type { Kysely } from 'kysely';
import type { Schema } from './schema.ts';

export async function tenantExists(db: Kysely<Schema>, id: string): Promise<boolean> {
  const row = await db.selectFrom('tenants').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

/** The tenant's configuration, or null for an unknown tenant. */
export async function loadTenantConfig(db: Kysely<Schema>, id: string): Promise<TenantConfig | null> {
  const row = await db.selectFrom('tenants').select('config').where('id', '=', id).executeTakeFirst();
  // Parsed on the way out too: a config edited by hand in the database must not reach clients malformed.
  return row ? z.parse(TenantConfigSchema, JSON.parse(row.config)) : null;
}

/** Creates the tenant unless it exists; safe when several processes start at once. */
export async function insertTenantIfMissing(db: Kysely<Schema>, config: TenantConfig, now: number): Promise<boolean> {
  const valid = z.parse(TenantConfigSchema, config);
  const result = await db
    .insertInto('tenants')
    .values({ id: valid.id, name: valid.name, config: JSON.stringify(valid), created_at: now })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}
