/** `GET /api/v1/tenant` (public): the default tenant's name, for the sign-in screen. */
import { Hono } from 'hono';
import { findTenant } from '../db/tenants.ts';
import { ApiFailure } from '../errors.ts';
import type { ServerContext } from '../server-context.ts';

export function tenantRoute({ database, defaultTenant }: ServerContext): Hono {
  return new Hono().get('/tenant', async (c) => {
    const tenant = await findTenant(database.db, defaultTenant);
    if (!tenant) throw new ApiFailure(404, 'unknown-tenant', `This server has no tenant "${defaultTenant}"; check DEFAULT_TENANT.`);
    return c.json({ id: tenant.id, name: tenant.name });
  });
}
