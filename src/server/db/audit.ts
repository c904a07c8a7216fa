/**
 * The audit log: who (user, device) changed what, when. Append-only — this
 * module only inserts and reads, and the database refuses UPDATE and DELETE
 * on the table (migration 0002).
 */
import type { Kysely, Transaction } from 'kysely';
import type { AuditAction, AuditDetail, AuditEntry } from '../../domain/auth.ts';
import type { Schema } from './schema.ts';
import { takeSequenceNumbers } from './sequence.ts';

export type AuditInput = {
  readonly tenantId: string;
  readonly at: number;
  readonly userId: string | null;
  readonly deviceId: string | null;
  readonly action: AuditAction;
  readonly recordType?: string | null;
  readonly recordId?: string | null;
  readonly mutationId?: string | null;
  readonly fields?: readonly string[];
  /** What the entry needs beyond who and what: an invite's issuer and target user, a lock-out's scope. */
  readonly detail?: AuditDetail;
};

/**
 * Appends entries in the given order, inside the transaction that made the
 * changes they describe. `deviceId` **must** be the authenticated device (or
 * the one the server issued at sign-in), never what a request body claims.
 */
export async function appendAudit(trx: Transaction<Schema>, entries: readonly AuditInput[]): Promise<void> {
  for (const tenantId of new Set(entries.map((entry) => entry.tenantId)))
    await appendTenantAudit(
      trx,
      tenantId,
      entries.filter((entry) => entry.tenantId === tenantId),
    );
}

/**
 * Appends entries in a transaction of their own: for what changes nothing
 * else (a refused sign-in, a photo upload, a purge).
 *
 * @example
 * await recordAudit(database.db, [{ tenantId, at: now, userId, deviceId: null, action: 'sign-in.fail' }]);
 */
export async function recordAudit(db: Kysely<Schema>, entries: readonly AuditInput[]): Promise<void> {
  if (entries.length === 0) return;
  await db.transaction().execute((trx) => appendAudit(trx, entries));
}

/** One tenant's entries, numbered from the tenant's own counter. */
async function appendTenantAudit(trx: Transaction<Schema>, tenantId: string, entries: readonly AuditInput[]): Promise<void> {
  if (entries.length === 0) return;
  const first = await takeSequenceNumbers(trx, tenantId, entries.length, 'audit');
  // Chunked: PostgreSQL allows at most 65,535 bound parameters per statement.
  for (let start = 0; start < entries.length; start += 1000) {
    await trx
      .insertInto('audit_log')
      .values(
        entries.slice(start, start + 1000).map((entry, index) => ({
          seq: first + start + index,
          tenant_id: entry.tenantId,
          at: entry.at,
          user_id: entry.userId,
          device_id: entry.deviceId,
          action: entry.action,
          record_type: entry.recordType ?? null,
          record_id: entry.recordId ?? null,
          mutation_id: entry.mutationId ?? null,
          fields: JSON.stringify(entry.fields ?? []),
          detail: entry.detail ? JSON.stringify(entry.detail) : null,
        })),
      )
      .execute();
  }
}

/** The tenant's entries before `before` (a seq), newest first; only those about `recordId` when given. */
export async function readAudit(
  db: Kysely<Schema>,
  query: { tenantId: string; before: number | null; limit: number; recordId: string | null },
): Promise<{ entries: AuditEntry[]; hasMore: boolean }> {
  let select = db.selectFrom('audit_log').selectAll().where('tenant_id', '=', query.tenantId);
  if (query.before !== null) select = select.where('seq', '<', query.before);
  if (query.recordId !== null) select = select.where('record_id', '=', query.recordId);
  const rows = await select
    .orderBy('seq', 'desc')
    .limit(query.limit + 1)
    .execute();
  return {
    entries: rows.slice(0, query.limit).map((row) => ({
      seq: row.seq,
      at: row.at,
      userId: row.user_id,
      deviceId: row.device_id,
      action: row.action,
      recordType: row.record_type,
      recordId: row.record_id,
      mutationId: row.mutation_id,
      fields: JSON.parse(row.fields) as string[],
      ...(row.detail ? { detail: JSON.parse(row.detail) as AuditDetail } : {}),
    })),
    hasMore: rows.length > query.limit,
  };
}
