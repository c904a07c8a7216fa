/**
 * "Exporteer niet-verstuurde gegevens": everything this device holds that the
 * server has not acknowledged, as plain data for a file.
 */
import type { StoreContext } from './local-write.ts';
import type { UnsentExport } from './outbox-store.ts';

/**
 * Export is rare and must be complete, so it scans: records the server never
 * acknowledged count too, even with no outbox entry left. The local notes
 * (`held`, `onServer`) stay behind. Run inside a read transaction.
 */
export async function exportUnsent({ db, deviceId, tenantId, now }: StoreContext): Promise<UnsentExport> {
  const [entries, records] = await Promise.all([db.outbox.toArray(), db.records.toArray()]);
  const withEntries = new Set(entries.map((entry) => entry.recordId));
  return {
    exportedAt: new Date(now()).toISOString(),
    deviceId,
    tenantId,
    changes: entries.map(({ seq: _seq, ...entry }) => entry),
    records: records
      .filter((record) => !record.onServer || withEntries.has(record.id))
      .map(({ id, type, tenantId: tenant, fields, counters }) => ({ id, type, tenantId: tenant, fields, counters })),
  };
}
