/**
 * Opening a session (sign-in, invite) and describing it: a new device token
 * for the user on this device, of which the server keeps only the hash.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DeviceInfo, Me, Session, User } from '../../domain/auth.ts';
import type { Principal } from '../../domain/permissions.ts';
import { deviceIdFor, registerDevice, type DeviceRow } from '../db/devices.ts';
import type { Schema } from '../db/schema.ts';
import { findTenant } from '../db/tenants.ts';
import type { UserAccount } from '../db/users.ts';
import { SESSION_MS } from './authenticate.ts';
import { principalOf } from './principal.ts';
import { newDeviceToken, secretHash } from './secrets.ts';

type Db = Kysely<Schema> | Transaction<Schema>;

/**
 * Signs the device in for the user (new token, not revoked) and describes the
 * session. The device id is the one `deviceIdFor` grants (maybe not the one
 * asked for): `me.deviceId` names it. **Must** run under the sync write lock.
 */
export async function openSession(db: Db, user: UserAccount, device: { id: string; name: string }, now: number): Promise<Session> {
  const token = newDeviceToken();
  const expiresAt = now + SESSION_MS;
  const deviceId = await deviceIdFor(db, user.id, device.id);
  await registerDevice(db, { tenantId: user.tenantId, userId: user.id, deviceId, name: device.name, tokenHash: secretHash(token), now, expiresAt });
  return { token, expiresAt, me: await meOf(db, user, deviceId, await principalOf(db, user)) };
}

export async function meOf(db: Db, user: UserAccount, deviceId: string, principal: Principal): Promise<Me> {
  const tenant = await findTenant(db, user.tenantId);
  return {
    userId: user.id,
    tenantId: user.tenantId,
    tenantName: tenant?.name ?? user.tenantId,
    displayName: user.displayName,
    email: user.email,
    role: user.role,
    buurtIds: [...user.buurtIds],
    teamIds: [...principal.teamIds],
    deviceId,
  };
}

export function userInfo(user: UserAccount, teamIds: readonly string[]): User {
  return {
    id: user.id,
    displayName: user.displayName,
    email: user.email,
    role: user.role,
    buurtIds: user.buurtIds,
    teamIds: [...teamIds],
    active: user.isActive,
    createdAt: user.createdAt,
  };
}

/** `current`: the caller's own device row, to mark it. */
export function deviceInfo(row: DeviceRow, current: Pick<DeviceRow, 'user_id' | 'id'>): DeviceInfo {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    isCurrent: row.user_id === current.user_id && row.id === current.id,
  };
}
