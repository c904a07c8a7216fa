/**
 * Buurtpreventie retention on the server (domain: patrol-retention.ts):
 * `purgeExpiredPatrolData` removes, per tenant and in one transaction under
 * the write lock, every patrol record past the tenant's period (and its
 * children), the references to its photos and the photos nothing else shows,
 * and leaves a purge marker per record — pull serves those as `purged`, so
 * every device drops the record at its next sync, and push refuses to make
 * it again. Each removal is in the audit log (`record.purge`, by the server).
 *
 * `startRetentionSchedule` runs it at start and then periodically (main.ts);
 * the clock is injected, tests call `purgeExpiredPatrolData` directly.
 */
import type { Transaction } from 'kysely';
import { scopeOf } from '../domain/permissions.ts';
import { photoHashesOf } from '../domain/photos.ts';
import { PATROL_SETTINGS_ID, expiredPatrolRecords, patrolSettingsOf } from '../domain/patrol-retention.ts';
import { PATROL_RECORD_TYPES, fieldValues, type SyncRecord } from '../domain/records.ts';
import { appendAudit } from './db/audit.ts';
import type { Database } from './db/database.ts';
import { deleteFacts } from './db/facts.ts';
import { insertPurgeMarkers } from './db/purges.ts';
import { loadRecords } from './db/records.ts';
import type { Schema } from './db/schema.ts';
import { takeSequenceNumbers } from './db/sequence.ts';
import { serialiseWrites } from './db/write-lock.ts';

export type PurgeReport = { readonly tenantId: string; readonly purged: ReadonlyArray<{ readonly id: string; readonly type: string }> };

/** Purges every tenant's expired patrol data as of `now`; answers what went, per tenant that lost anything. */
export async function purgeExpiredPatrolData(database: Database, now: number): Promise<PurgeReport[]> {
  const tenants = await database.db.selectFrom('tenants').select('id').orderBy('id').execute();
  const reports: PurgeReport[] = [];
  for (const { id: tenantId } of tenants) {
    const purged = await database.db.transaction().execute(async (trx) => {
      await serialiseWrites(trx, database.dialect);
      return purgeTenant(trx, tenantId, now);
    });
    if (purged.length > 0) reports.push({ tenantId, purged });
  }
  return reports;
}

async function purgeTenant(trx: Transaction<Schema>, tenantId: string, now: number): Promise<Array<{ id: string; type: string }>> {
  const settings = patrolSettingsOf((await loadRecords(trx, tenantId, [PATROL_SETTINGS_ID])).get(PATROL_SETTINGS_ID));
  const rows = await trx
    .selectFrom('records')
    .select(['id', 'type', 'state'])
    .where('tenant_id', '=', tenantId)
    .where('type', 'in', [...PATROL_RECORD_TYPES])
    .execute();
  const records: SyncRecord[] = rows.map((row) => ({
    id: row.id,
    type: row.type as SyncRecord['type'],
    tenantId,
    ...(JSON.parse(row.state) as Pick<SyncRecord, 'fields' | 'counters'>),
  }));
  const expiredIds = new Set(expiredPatrolRecords(records, settings, now));
  const expired = records.filter((record) => expiredIds.has(record.id));
  if (expired.length === 0) return [];

  const ids = expired.map((record) => record.id);
  const hashes = [...new Set(expired.flatMap(photoHashesOf))];
  for (let start = 0; start < ids.length; start += 1000) {
    const chunk = ids.slice(start, start + 1000);
    await trx.deleteFrom('records').where('tenant_id', '=', tenantId).where('id', 'in', chunk).execute();
    await deleteFacts(trx, tenantId, chunk);
    await trx.deleteFrom('photo_refs').where('tenant_id', '=', tenantId).where('record_id', 'in', chunk).execute();
    await trx.deleteFrom('photo_ref_origins').where('tenant_id', '=', tenantId).where('record_id', 'in', chunk).execute();
  }
  // A photo goes when no record shows it any more (a schouw finding may show the same one).
  for (let start = 0; start < hashes.length; start += 1000) {
    const chunk = hashes.slice(start, start + 1000);
    const stillShown = new Set(
      (await trx.selectFrom('photo_refs').select('sha256').where('tenant_id', '=', tenantId).where('sha256', 'in', chunk).execute()).map((row) => row.sha256),
    );
    const orphans = chunk.filter((hash) => !stillShown.has(hash));
    if (orphans.length > 0) {
      await trx.deleteFrom('photos').where('tenant_id', '=', tenantId).where('sha256', 'in', orphans).execute();
      await trx.deleteFrom('photo_uploads').where('tenant_id', '=', tenantId).where('sha256', 'in', orphans).execute();
    }
  }
  const markers = expired.map((record) => ({ id: record.id, type: record.type, scope: scopeOf(record.type, record.id, fieldValues(record)) }));
  await insertPurgeMarkers(trx, tenantId, markers, await takeSequenceNumbers(trx, tenantId, markers.length), now);
  await appendAudit(
    trx,
    expired.map((record) => ({
      tenantId,
      at: now,
      userId: null,
      deviceId: null,
      action: 'record.purge' as const,
      recordType: record.type,
      recordId: record.id,
      fields: [],
    })),
  );
  return expired.map((record) => ({ id: record.id, type: record.type }));
}

/** Once an hour is plenty: periods are months. */
export const RETENTION_INTERVAL_MS = 60 * 60_000;

/**
 * Runs the purge now and then every `intervalMs`; answers a stop function.
 * A failed run is reported and the next one tries again; it never stops the server.
 */
export function startRetentionSchedule(
  database: Database,
  options: { now?: () => number; intervalMs?: number; onError?: (error: unknown) => void; onPurged?: (reports: PurgeReport[]) => void } = {},
): () => void {
  const { now = Date.now, intervalMs = RETENTION_INTERVAL_MS, onError = () => undefined, onPurged = () => undefined } = options;
  let running: Promise<void> | null = null;
  const run = () => {
    if (running) return;
    running = purgeExpiredPatrolData(database, now())
      .then((reports) => {
        if (reports.length > 0) onPurged(reports);
      }, onError)
      .finally(() => {
        running = null;
      });
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
