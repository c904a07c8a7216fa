/**
 * Failed sign-ins per account and client address (`<e-mail>|<address>`), for
 * the progressive delay (auth/sign-in-delay.ts). In the database, so the
 * delay holds across server processes.
 */
import type { Kysely } from 'kysely';
import type { Schema } from './schema.ts';

export type DelayRow = { failures: number; blockedUntil: number };

export async function readDelay(db: Kysely<Schema>, key: string): Promise<DelayRow | null> {
  const row = await db.selectFrom('sign_in_delays').select(['failures', 'blocked_until']).where('key', '=', key).executeTakeFirst();
  return row ? { failures: Number(row.failures), blockedUntil: Number(row.blocked_until) } : null;
}

/** Counts one failure in one atomic statement (so parallel guesses each count); answers the failures after counting. */
export async function countFailure(db: Kysely<Schema>, key: string, now: number): Promise<number> {
  const row = await db
    .insertInto('sign_in_delays')
    .values({ key, failures: 1, last_failure_at: now, blocked_until: 0 })
    .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ failures: eb('sign_in_delays.failures', '+', 1), last_failure_at: now })))
    .returning('failures')
    .executeTakeFirstOrThrow();
  return Number(row.failures);
}

/** Moves the earliest next try later (never earlier: a slower parallel request must not shorten it). */
export async function blockUntil(db: Kysely<Schema>, key: string, until: number): Promise<void> {
  await db.updateTable('sign_in_delays').set({ blocked_until: until }).where('key', '=', key).where('blocked_until', '<', until).execute();
}

/** Forgets a pair's failures (the account signed in from that address). */
export async function clearDelay(db: Kysely<Schema>, key: string): Promise<void> {
  await db.deleteFrom('sign_in_delays').where('key', '=', key).execute();
}

/** Drops pairs without a failure for `quietMs` whose delay has passed. */
export async function forgetQuietDelays(db: Kysely<Schema>, now: number, quietMs: number): Promise<void> {
  await db
    .deleteFrom('sign_in_delays')
    .where('last_failure_at', '<=', now - quietMs)
    .where('blocked_until', '<=', now)
    .execute();
}
