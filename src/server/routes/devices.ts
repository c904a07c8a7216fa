/**
 * `GET /api/v1/devices`: the caller's own signed-in devices (name, last
 * seen). `DELETE /api/v1/devices/:id`: revoke one — a lost phone. The
 * device learns it at next contact (401 'device-revoked') and wipes its data.
 * A coordinator may revoke any device of the tenant: every sign-in on that
 * phone, whoever it was.
 */
import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { DeviceInfo } from '../../domain/auth.ts';
import { DeviceIdSchema } from '../../domain/protocol.ts';
import { authenticate, type AuthEnv } from '../auth/authenticate.ts';
import { deviceInfo } from '../auth/sessions.ts';
import { appendAudit } from '../db/audit.ts';
import { findDevicesById, listDevices, revokeDevices } from '../db/devices.ts';
import { ApiFailure } from '../errors.ts';
import type { ServerContext } from '../server-context.ts';

export function devicesRoute({ database, now }: ServerContext): Hono<AuthEnv> {
  return new Hono<AuthEnv>()
    .get('/', authenticate(database, now), async (c) => {
      const { principal, caller } = c.var;
      const rows = await listDevices(database.db, principal.tenantId, principal.userId);
      return c.json(rows.map((row) => deviceInfo(row, caller.device)) satisfies DeviceInfo[]);
    })

    .delete('/:id', authenticate(database, now), async (c) => {
      const { principal, caller, deviceId } = c.var;
      const id = c.req.param('id');
      const all = z.safeParse(DeviceIdSchema, id).success ? await findDevicesById(database.db, principal.tenantId, id) : [];
      const rows = principal.role === 'coordinator' ? all : all.filter((row) => row.user_id === principal.userId);
      if (rows.length === 0) throw new ApiFailure(404, 'not-found', 'There is no such device among yours.');

      const time = now();
      await database.db.transaction().execute(async (trx) => {
        const toRevoke = rows.filter((row) => row.revoked_at === null);
        await revokeDevices(trx, toRevoke, time);
        await appendAudit(
          trx,
          toRevoke.map((row) => ({
            tenantId: principal.tenantId,
            at: time,
            userId: principal.userId,
            deviceId,
            action: 'device.revoke' as const,
            recordType: 'device',
            recordId: row.id,
            fields: ['revokedAt'],
          })),
        );
      });
      const after = await findDevicesById(database.db, principal.tenantId, id);
      const revoked = after.filter((row) => rows.some((r) => r.user_id === row.user_id));
      return c.json(revoked.map((row) => deviceInfo(row, caller.device)) satisfies DeviceInfo[]);
    });
}
