/**
 * Failed sign-ins slow the guesser, not the owner (issue 10, item 8). An
 * account-wide lock-out let anyone who knew a coordinator's e-mail keep them
 * out for ever; now failures count per account AND client address:
 *
 * - the first FREE_FAILURES wrong passwords from an address cost nothing;
 *   after that each next try from that address waits twice as long as the
 *   one before (1 minute, 2, 4 … at most an hour), the right password
 *   included, or a guesser would learn when they hit it;
 * - the owner on another address (their phone, the office) is not slowed at all;
 * - an address is also limited over all accounts (rate-limit.ts: 20 failures
 *   per 15 minutes), so one address cannot try many accounts instead.
 *
 * A pair's failures are forgotten when it signs in, or after a day of quiet.
 * When a pair's delay starts, `onLock` is told, for the audit log of the
 * account (the address limit concerns no one account).
 */
import type { Database } from '../db/database.ts';
import { blockUntil, clearDelay, countFailure, forgetQuietDelays, readDelay } from '../db/sign-in-delays.ts';
import { ApiFailure } from '../errors.ts';
import { addressKey, beginAttempt } from './rate-limit.ts';

export const FREE_FAILURES = 5;
export const FIRST_DELAY_MS = 60_000;
export const MAX_DELAY_MS = 60 * 60_000;
const QUIET_MS = 24 * 60 * 60_000;

export type LockScope = 'account-address';
export type SignInAttempt = { succeeded(): Promise<void> };

/** How long a pair waits after its `failures`-th failure. */
export function delayAfter(failures: number): number {
  return failures < FREE_FAILURES ? 0 : Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (failures - FREE_FAILURES));
}

/**
 * Counts a sign-in attempt in advance (a failure until `succeeded`); throws
 * 429 'rate-limited' with Retry-After while the pair waits or the address is
 * over its limit.
 *
 * @example
 * const attempt = await beginSignIn(database, { email, address, now, onLock });
 * if (user) await attempt.succeeded();
 */
export async function beginSignIn(
  database: Database,
  { email, address, now, onLock }: { email: string; address: string; now: number; onLock: (scope: LockScope, until: number) => Promise<void> },
): Promise<SignInAttempt> {
  const key = `${email.trim().toLowerCase()}|${address}`;
  await forgetQuietDelays(database.db, now, QUIET_MS);
  const before = await readDelay(database.db, key);
  if (before && before.blockedUntil > now) throw waitUntil(before.blockedUntil, now);

  const addressAttempt = await beginAttempt(database, [addressKey(address)], now);

  const failures = await countFailure(database.db, key, now);
  const until = now + delayAfter(failures);
  if (until > now) await blockUntil(database.db, key, until);
  // A parallel guess counted between our read and our count: it is that one's turn, not ours.
  if (failures > FREE_FAILURES && failures - 1 > (before?.failures ?? 0)) throw waitUntil(until, now);
  if (failures === FREE_FAILURES) await onLock('account-address', until);
  return {
    async succeeded() {
      await clearDelay(database.db, key);
      await addressAttempt.succeeded();
    },
  };
}

function waitUntil(until: number, now: number): ApiFailure {
  const seconds = Math.max(1, Math.ceil((until - now) / 1000));
  return new ApiFailure(429, 'rate-limited', `Too many wrong passwords from this address. Try again in ${Math.ceil(seconds / 60)} minutes.`, undefined, {
    'Retry-After': String(seconds),
  });
}
