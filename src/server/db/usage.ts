/**
 * What each device pushed and uploaded lately, for the sliding-window limits
 * (limits.ts, usage-limits.ts). In the database, so the limits hold across
 * server processes; rows older than the window are dropped by the periodic
 * maintenance (purge.ts).
 */
import type { Kysely } from 'kysely';
import type { Schema, UsageEventsTable } from './schema.ts';

export type UsageKind = UsageEventsTable['kind'];
/** Bytes in the window, and when the oldest of them leaves it (null: none). */
export type WindowUse = { readonly bytes: number; readonly oldestAt: number | null };

export async function recordUsage(
  db: Kysely<Schema>,
  event: { tenantId: string; deviceId: string; kind: UsageKind; at: number; amount: number },
): Promise<void> {
  await db
    .insertInto('usage_events')
    .values({ tenant_id: event.tenantId, device_id: event.deviceId, kind: event.kind, at: event.at, amount: event.amount })
    .execute();
}

/** The device's and its tenant's use of `kind` after `since`. */
export async function usageSince(
  db: Kysely<Schema>,
  query: { tenantId: string; deviceId: string; kind: UsageKind; since: number },
): Promise<{ device: WindowUse; tenant: WindowUse }> {
  const base = db.selectFrom('usage_events').where('tenant_id', '=', query.tenantId).where('kind', '=', query.kind).where('at', '>', query.since);
  const select = (q: typeof base) =>
    q.select((eb) => [eb.fn.sum<number | string | null>('amount').as('bytes'), eb.fn.min<number | null>('at').as('oldest')]).executeTakeFirstOrThrow();
  const [device, tenant] = await Promise.all([select(base.where('device_id', '=', query.deviceId)), select(base)]);
  const use = (row: { bytes: number | string | null; oldest: number | null }): WindowUse => ({
    bytes: Number(row.bytes ?? 0),
    oldestAt: row.oldest === null ? null : Number(row.oldest),
  });
  return { device: use(device), tenant: use(tenant) };
}

/** Drops the events that have left every window. */
export async function forgetUsageBefore(db: Kysely<Schema>, before: number): Promise<void> {
  await db.deleteFrom('usage_events').where('at', '<=', before).execute();
}
