/**
 * Who is calling: the device token in `Authorization: Bearer <token>`,
 * looked up by its hash, gives the device and its user; the user's role,
 * buurten and teams give the `principal` every authorisation decision uses.
 * Handlers read only `c.var.principal`, `c.var.deviceId` and `c.var.caller`.
 *
 * Sessions slide: each request moves the expiry SESSION_DAYS ahead (written
 * at most once a minute per device), so a phone in daily use never expires
 * and one left in a drawer does.
 */
import type { MiddlewareHandler } from 'hono';
import { SESSION_DAYS } from '../../domain/auth.ts';
import type { Principal } from '../../domain/permissions.ts';
import type { Database } from '../db/database.ts';
import { findDeviceByTokenHash, isErasedDeviceToken, touchDevice, type DeviceRow } from '../db/devices.ts';
import { findUser, type UserAccount } from '../db/users.ts';
import { ApiFailure } from '../errors.ts';
import { principalOf } from './principal.ts';
import { secretHash } from './secrets.ts';

export const SESSION_MS = SESSION_DAYS * 24 * 60 * 60_000;
/** The sliding expiry and last-seen time are written at most this often per device. */
const TOUCH_EVERY_MS = 60_000;
const BEARER = /^Bearer ([A-Za-z0-9_-]{20,128})$/;
const REVOKED_HEADERS = { 'Clear-Site-Data': '"cache"' } as const;

export type Caller = { readonly user: UserAccount; readonly device: DeviceRow };
export type AuthEnv = { Variables: { principal: Principal; deviceId: string; caller: Caller } };

export function authenticate(database: Database, now: () => number): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const { principal, caller } = await identify(database, c.req.header('authorization'), now());
    c.set('principal', principal);
    c.set('deviceId', caller.device.id);
    c.set('caller', caller);
    await next();
  };
}

/**
 * Who an `Authorization` header belongs to, as `authenticate` decides it, at
 * `time`; an ApiFailure (401) when nobody. Also asked again by a long-lived
 * answer (the live event stream, routes/events.ts) to learn that the
 * device was revoked or the person's teams changed meanwhile.
 */
export async function identify(database: Database, header: string | undefined, time: number): Promise<{ principal: Principal; caller: Caller }> {
  if (header === undefined) throw new ApiFailure(401, 'unauthenticated', 'Sign in first: send the device token as "Authorization: Bearer <token>".');
  const token = BEARER.exec(header.trim())?.[1];
  if (token === undefined) throw new ApiFailure(401, 'unauthenticated', 'The Authorization header must be "Bearer <device token>".');

  const tokenHash = secretHash(token);
  const device = await findDeviceByTokenHash(database.db, tokenHash);
  // Revoked before expired: a lost phone must learn it was revoked (and wipe its data) even after weeks offline —
  // so must a phone of a person since erased, whose device row is gone.
  // Clear-Site-Data: the browser drops this origin's HTTP cache too, whatever it kept (the app wipes its own stores itself).
  if (!device && (await isErasedDeviceToken(database.db, tokenHash)))
    throw new ApiFailure(401, 'device-revoked', 'This device was signed out remotely. Its local data will be removed.', undefined, REVOKED_HEADERS);
  if (!device) throw new ApiFailure(401, 'unauthenticated', 'This device token is not known here. Sign in again.');
  if (device.revoked_at !== null)
    throw new ApiFailure(401, 'device-revoked', 'This device was signed out remotely. Its local data will be removed.', undefined, REVOKED_HEADERS);
  if (device.expires_at <= time) throw new ApiFailure(401, 'session-expired', 'The session has expired. Sign in again; nothing on the phone is lost.');
  const user = await findUser(database.db, device.tenant_id, device.user_id);
  if (!user?.isActive) throw new ApiFailure(401, 'unauthenticated', 'This account is no longer active.');

  if (device.last_seen_at === null || time - device.last_seen_at >= TOUCH_EVERY_MS) {
    await touchDevice(database.db, tokenHash, time, time + SESSION_MS);
  }
  return { principal: await principalOf(database.db, user), caller: { user, device } };
}

/** Only coordinators of the caller's tenant may pass (after `authenticate`). */
export const coordinatorsOnly: MiddlewareHandler<AuthEnv> = async (c, next) => {
  if (c.var.principal.role !== 'coordinator') throw new ApiFailure(403, 'forbidden', 'Only a coordinator may do this.');
  await next();
};
