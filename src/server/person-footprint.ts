/**
 * Everything Buurtlog holds about one person of a tenant, found the same way
 * for the inzage export (person-export.ts) and the erasure
 * (person-erasure.ts): their account, their devices, the audit entries by or
 * about them, the records they made or changed (by the audit log, or naming
 * their user id) and the history entries among those.
 */
import type { Kysely, Transaction } from 'kysely';
import type { AuditEntry } from '../domain/auth.ts';
import type { SyncRecord } from '../domain/records.ts';
import type { DeviceRow } from './db/devices.ts';
import { listDevices } from './db/devices.ts';
import { loadRecords, loadRecordsNaming } from './db/records.ts';
import type { Schema } from './db/schema.ts';
import { findUser, type UserAccount } from './db/users.ts';

type Db = Kysely<Schema> | Transaction<Schema>;

/** Append-only history: who moved a follow-up from → to, and the police's reactions. */
const HISTORY_TYPES: ReadonlySet<string> = new Set(['findingStatusChange', 'observationStatusChange', 'observationReaction']);

export type Footprint = {
  readonly user: UserAccount;
  readonly devices: readonly DeviceRow[];
  readonly audit: readonly AuditEntry[];
  /** Records they made or changed, or that name them (not history), by id. */
  readonly records: readonly SyncRecord[];
  readonly history: readonly SyncRecord[];
  /** Their roster sign-ups (a sign-up carries a display name). */
  readonly signUps: readonly SyncRecord[];
  /** Teams that list them as a member. */
  readonly teams: readonly SyncRecord[];
};

/** The person's footprint, or null when the tenant has no such user. */
export async function findFootprint(db: Db, tenantId: string, userId: string): Promise<Footprint | null> {
  const user = await findUser(db, tenantId, userId);
  if (!user) return null;
  const devices = await listDevices(db, tenantId, userId);
  const audit = await auditOf(db, tenantId, userId);
  const changedIds = [
    ...new Set(audit.flatMap((entry) => (entry.userId === userId && entry.action.startsWith('record.') && entry.recordId ? [entry.recordId] : []))),
  ];
  const byId = new Map<string, SyncRecord>();
  for (const record of (await loadRecords(db, tenantId, changedIds)).values()) byId.set(record.id, record);
  for (const record of await loadRecordsNaming(db, tenantId, userId)) byId.set(record.id, record);
  const all = [...byId.values()].sort((a, b) => a.type.localeCompare(b.type) || a.id.localeCompare(b.id));
  return {
    user,
    devices,
    audit,
    records: all.filter((record) => !HISTORY_TYPES.has(record.type)),
    history: all.filter((record) => HISTORY_TYPES.has(record.type)),
    signUps: all.filter((record) => record.type === 'patrolSignUp' && record.fields['userId']?.v === userId),
    teams: all.filter((record) => record.type === 'team' && ((record.fields['memberIds']?.v as string[] | undefined) ?? []).includes(userId)),
  };
}

/** Audit entries made by the person, or about their account (created, changed, a refused sign-in), oldest first. */
async function auditOf(db: Db, tenantId: string, userId: string): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where((eb) => eb.or([eb('user_id', '=', userId), eb('record_id', '=', userId)]))
    .orderBy('seq')
    .execute();
  return rows.map((row) => ({
    seq: Number(row.seq),
    at: Number(row.at),
    userId: row.user_id,
    deviceId: row.device_id,
    action: row.action,
    recordType: row.record_type,
    recordId: row.record_id,
    mutationId: row.mutation_id,
    fields: JSON.parse(row.fields) as string[],
    ...(row.detail ? { detail: JSON.parse(row.detail) as Record<string, string | number> } : {}),
  }));
}
