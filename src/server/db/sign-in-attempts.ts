/**
 * Sign-in attempts per key (an account, a client address) in fixed windows,
 * in the database so the limits hold across server processes. An attempt is
 * counted BEFORE the password is checked, in one atomic statement, so
 * parallel guesses cannot slip past the limit between a check and a count.
 */
import type { Kysely } from 'kysely';
import type { Schema } from './schema.ts';

/** Counts one attempt: in the key's open window, or in a new one from `now`. Answers the window after counting. */
export async function countAttempt(db: Kysely<Schema>, key: string, now: number, windowMs: number): Promise<{ count: number; windowStart: number }> {
  const expired = now - windowMs;
  const row = await db
    .insertInto('sign_in_attempts')
    .values({ key, window_start: now, count: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        count: eb
          .case()
          .when('sign_in_attempts.window_start', '<=', expired)
          .then(1)
          .else(eb('sign_in_attempts.count', '+', 1))
          .end(),
        window_start: eb.case().when('sign_in_attempts.window_start', '<=', expired).then(now).else(eb.ref('sign_in_attempts.window_start')).end(),
      })),
    )
    .returning(['count', 'window_start'])
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), windowStart: Number(row.window_start) };
}

/** Takes back one counted attempt that turned out not to be a failure. */
export async function uncountAttempt(db: Kysely<Schema>, key: string): Promise<void> {
  await db
    .updateTable('sign_in_attempts')
    .set((eb) => ({ count: eb('count', '-', 1) }))
    .where('key', '=', key)
    .where('count', '>', 0)
    .execute();
}

/** Forgets a key's attempts (an account that signed in). */
export async function clearAttempts(db: Kysely<Schema>, key: string): Promise<void> {
  await db.deleteFrom('sign_in_attempts').where('key', '=', key).execute();
}

/** Drops windows that have closed, so the table holds only the last quarter hour's keys. */
export async function forgetClosedWindows(db: Kysely<Schema>, now: number, windowMs: number): Promise<void> {
  await db
    .deleteFrom('sign_in_attempts')
    .where('window_start', '<=', now - windowMs)
    .execute();
}
