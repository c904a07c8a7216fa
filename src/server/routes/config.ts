/**
 * `GET /api/v1/config`: the tenant's configuration (buurten, partners,
 * themes, activity types) of X-Tenant-Id, or of the default tenant so a
 * fresh install can show its choices before anyone signs in.
 */
import { Hono } from 'hono';
import type { TenantConfig } from '../../domain/tenant-config.ts';
import type { Database } from '../db/database.ts';
import { loadTenantConfig } from '../db/tenants.ts';
import { ApiFailure } from '../errors.ts';
import { identify, type IdentityEnv } from '../identity.ts';

export function configRoute(database: Database, defaultTenant: string): Hono<IdentityEnv> {
  return new Hono<IdentityEnv>().get('/config', identify(database, { defaultTenant }), async (c) => {
    const config = await loadTenantConfig(database.db, c.get('identity').tenantId);
    if (!config) throw new ApiFailure(404, 'unknown-tenant', 'This tenant has no configuration.');
    return c.json(config satisfies TenantConfig);
  });
}
