/**
 * Every mutation id a device has sent, applied or rejected, so a retry is
 * answered exactly as the first delivery was and never applied twice.
 *
 * Keyed per tenant AND device (issue 10, item 2): a mutation id is only ever
 * recognised as the sending device's own. Another tenant or device sending
 * the same id gets its own answer — never the first sender's outcome, and
 * never a `duplicate` that would silently drop a real change.
 */
import type { Transaction } from 'kysely';
import type { Issue, Reason } from '../../domain/errors.ts';
import type { MutationsTable, Schema } from './schema.ts';

export type SeenMutation = { status: 'applied' } | { status: 'rejected'; reason: Reason; message: string; issues?: Issue[] };

/** A device's earlier mutation, with the record it was for (null: it named none usable). */
export type SeenEntry = { readonly outcome: SeenMutation; readonly recordId: string | null };

export async function loadSeenMutations(
  trx: Transaction<Schema>,
  device: { tenantId: string; deviceId: string },
  ids: readonly string[],
): Promise<Map<string, SeenEntry>> {
  const seen = new Map<string, SeenEntry>();
  if (ids.length === 0) return seen;
  const rows = await trx
    .selectFrom('mutations')
    .select(['mutation_id', 'record_id', 'status', 'reason', 'message', 'issues'])
    .where('tenant_id', '=', device.tenantId)
    .where('device_id', '=', device.deviceId)
    .where('mutation_id', 'in', ids)
    .execute();
  for (const row of rows) {
    const outcome: SeenMutation =
      row.status === 'applied'
        ? { status: 'applied' }
        : {
            status: 'rejected',
            reason: row.reason as Reason,
            message: row.message ?? '',
            ...(row.issues ? { issues: JSON.parse(row.issues) as Issue[] } : {}),
          };
    seen.set(row.mutation_id, { outcome, recordId: row.record_id });
  }
  return seen;
}

export type MutationRow = MutationsTable;

export async function saveMutations(trx: Transaction<Schema>, rows: readonly MutationRow[]): Promise<void> {
  // Chunked: PostgreSQL allows at most 65,535 bound parameters per statement.
  for (let start = 0; start < rows.length; start += 1000)
    await trx
      .insertInto('mutations')
      .values(rows.slice(start, start + 1000))
      .execute();
}

/** How many rejections are stored for the device and for its whole tenant (their caps: limits.ts). */
export async function countRejections(trx: Transaction<Schema>, tenantId: string, deviceId: string): Promise<{ device: number; tenant: number }> {
  const rows = await trx
    .selectFrom('mutations')
    .select(['device_id', (eb) => eb.fn.countAll().as('n')])
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'rejected')
    .groupBy('device_id')
    .execute();
  let tenant = 0;
  let device = 0;
  for (const row of rows) {
    tenant += Number(row.n);
    if (row.device_id === deviceId) device = Number(row.n);
  }
  return { device, tenant };
}
