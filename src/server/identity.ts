/**
 * Who is calling: the tenant and the device, from the X-Tenant-Id and
 * X-Device-Id headers.
 *
 * A PLACEHOLDER: device tokens issued at sign-in replace these headers in a
 * later issue (DESIGN.md "Identity"). Everything else reads the caller only
 * through `c.get('identity')`, so this file is the one to swap out.
 */
import type { MiddlewareHandler } from 'hono';
import * as z from 'zod/mini';
import { ConfigIdSchema } from '../domain/fields.ts';
import { DeviceIdSchema } from '../domain/protocol.ts';
import type { Database } from './db/database.ts';
import { tenantExists } from './db/tenants.ts';
import { ApiFailure } from './errors.ts';

export type Identity = { readonly tenantId: string; readonly deviceId: string | undefined };
export type IdentityEnv = { Variables: { identity: Identity } };

export type IdentityOptions = {
  /** Push must know the device: counters are written per device. */
  readonly requireDevice?: boolean;
  /** Used when no X-Tenant-Id is sent (the public config of the default tenant). */
  readonly defaultTenant?: string;
};

export function identify(database: Database, options: IdentityOptions = {}): MiddlewareHandler<IdentityEnv> {
  return async (c, next) => {
    const tenantHeader = c.req.header('x-tenant-id') ?? options.defaultTenant;
    if (tenantHeader === undefined) throw new ApiFailure(401, 'unauthenticated', 'Send the X-Tenant-Id header naming your municipality.');
    if (!z.safeParse(ConfigIdSchema, tenantHeader).success) {
      throw new ApiFailure(401, 'unauthenticated', 'The X-Tenant-Id header is not a tenant id.', [{ path: 'X-Tenant-Id', message: 'must be lowercase letters, digits and dashes' }]);
    }

    const deviceHeader = c.req.header('x-device-id');
    if (deviceHeader === undefined && options.requireDevice) {
      throw new ApiFailure(401, 'unauthenticated', 'Send the X-Device-Id header with this device’s id.');
    }
    if (deviceHeader !== undefined && !z.safeParse(DeviceIdSchema, deviceHeader).success) {
      throw new ApiFailure(401, 'unauthenticated', 'The X-Device-Id header is not a device id.', [{ path: 'X-Device-Id', message: 'must be 8–64 letters, digits or dashes' }]);
    }

    if (!(await tenantExists(database.db, tenantHeader))) {
      throw new ApiFailure(403, 'unknown-tenant', `This server has no tenant "${tenantHeader}"; check the app's server address and municipality.`);
    }
    c.set('identity', { tenantId: tenantHeader, deviceId: deviceHeader });
    await next();
  };
}
