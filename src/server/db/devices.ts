/**
 * Signed-in devices: one row per user and device id, holding the hash of the
 * device token, when it expires (sliding) and whether it was revoked.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DevicesTable, Schema } from './schema.ts';

type Db = Kysely<Schema> | Transaction<Schema>;

export type DeviceRow = DevicesTable;

export async function findDeviceByTokenHash(db: Db, tokenHash: string): Promise<DeviceRow | null> {
  return (await db.selectFrom('devices').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst()) ?? null;
}

/** Whether the token was a device's of a person since erased (person-erasure.ts): that phone must still wipe itself. */
export async function isErasedDeviceToken(db: Db, tokenHash: string): Promise<boolean> {
  return (await db.selectFrom('erased_device_tokens').select('token_hash').where('token_hash', '=', tokenHash).executeTakeFirst()) !== undefined;
}

/**
 * The device id a sign-in or invite gets (issue 10, item 3): a device id
 * belongs to ONE person's line of sessions. The id the phone asks for when
 * nobody else ever signed in with it (or this same user did), else a fresh
 * one — someone naming another person's device id (seen as a key in the
 * attendance counts) must not get to write that device's counts. The phone
 * adopts the id the session answers (`me.deviceId`).
 *
 * Must run under the sync write lock (write-lock.ts), so two sign-ins cannot
 * both take the same new id.
 */
export async function deviceIdFor(db: Db, userId: string, requested: string): Promise<string> {
  const holders = await db.selectFrom('devices').select('user_id').where('id', '=', requested).execute();
  return holders.every((row) => row.user_id === userId) ? requested : randomUUID();
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
