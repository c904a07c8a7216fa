/**
 * Signed-in devices: one row per user and device id, holding the hash of the
 * device token, when it expires (sliding) and whether it was revoked.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DevicesTable, Schema } from './schema.ts';

type Db = Kysely<Schema> | Transaction<Schema>;

export type DeviceRow = DevicesTable;

export async function findDeviceByTokenHash(db: Db, tokenHash: string): Promise<DeviceRow | null> {
  return (await db.selectFrom('devices').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst()) ?? null;
}

/**
 * Signs a device in for a user: a new token hash, a fresh expiry, not revoked
 * — whether the device is new or was signed in (or revoked) before.
 */
export async function registerDevice(
  db: Db,
  device: { tenantId: string; userId: string; deviceId: string; name: string; tokenHash: string; now: number; expiresAt: number },
): Promise<void> {
  await db
    .insertInto('devices')
    .values({
      id: device.deviceId,
      tenant_id: device.tenantId,
      user_id: device.userId,
      name: device.name,
      token_hash: device.tokenHash,
      created_at: device.now,
      last_seen_at: device.now,
      expires_at: device.expiresAt,
      revoked_at: null,
    })
    .onConflict((oc) =>
      oc.columns(['user_id', 'id']).doUpdateSet({
        name: device.name,
        token_hash: device.tokenHash,
        last_seen_at: device.now,
        expires_at: device.expiresAt,
        revoked_at: null,
      }),
    )
    .execute();
}

/** Slides the session: seen now, valid until `expiresAt`. Never revives a revoked device. */
export async function touchDevice(db: Db, tokenHash: string, now: number, expiresAt: number): Promise<void> {
  await db
    .updateTable('devices')
    .set({ last_seen_at: now, expires_at: expiresAt })
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function listDevices(db: Db, tenantId: string, userId: string): Promise<DeviceRow[]> {
  return db.selectFrom('devices').selectAll().where('tenant_id', '=', tenantId).where('user_id', '=', userId).orderBy('created_at').orderBy('id').execute();
}

/** The tenant's device rows with this device id (one per user who signed in on it). */
export async function findDevicesById(db: Db, tenantId: string, deviceId: string): Promise<DeviceRow[]> {
  return db.selectFrom('devices').selectAll().where('tenant_id', '=', tenantId).where('id', '=', deviceId).orderBy('user_id').execute();
}

/** Revokes the given rows (those not revoked yet); answers how many it revoked. */
export async function revokeDevices(db: Db, rows: ReadonlyArray<Pick<DeviceRow, 'user_id' | 'id'>>, now: number): Promise<number> {
  let revoked = 0;
  for (const row of rows) {
    const result = await db
      .updateTable('devices')
      .set({ revoked_at: now })
      .where('user_id', '=', row.user_id)
      .where('id', '=', row.id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    revoked += Number(result.numUpdatedRows);
  }
  return revoked;
}

/** Revokes every device of a user (deactivated); answers the rows revoked now. */
export async function revokeUserDevices(db: Db, tenantId: string, userId: string, now: number): Promise<DeviceRow[]> {
  const active = await db
    .selectFrom('devices')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
  await revokeDevices(db, active, now);
  return active;
}
