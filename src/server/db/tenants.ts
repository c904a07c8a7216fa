/** Tenants: one municipality's programme each. Their configuration items are records (seed.ts). */
import * as z from 'zod/mini';
import type { Kysely, Transaction } from 'kysely';
import { TenantConfigSchema, type TenantConfig } from '../../domain/tenant-config.ts';
import type { Schema } from './schema.ts';

type Db = Kysely<Schema> | Transaction<Schema>;

export type Tenant = { readonly id: string; readonly name: string };

export async function findTenant(db: Db, id: string): Promise<Tenant | null> {
  return (await db.selectFrom('tenants').select(['id', 'name']).where('id', '=', id).executeTakeFirst()) ?? null;
}

/**
 * Creates the tenant unless it exists; safe when several processes start at
 * once. Stores its name and CBS code only: buurten, partners, themes and
 * activity types live as records, where the coordinator edits them.
 */
export async function insertTenantIfMissing(db: Db, tenant: Pick<TenantConfig, 'id' | 'name' | 'cbsCode'>, now: number): Promise<boolean> {
  const valid = z.parse(TenantConfigSchema, { ...tenant, buurten: [], partners: [], themes: [], activityTypes: [] });
  const result = await db
    .insertInto('tenants')
    .values({ id: valid.id, name: valid.name, config: JSON.stringify(valid), created_at: now })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}
