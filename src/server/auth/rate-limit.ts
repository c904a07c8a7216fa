/**
 * Limits on failed attempts per client address: at most 20 in 15 minutes
 * (sign-ins; invite codes counted apart). Per account, sign-in slows down per
 * address instead (sign-in-delay.ts), so nobody can lock an owner out.
 * Counted in the database so they hold across server processes. An attempt counts as a failure until it succeeds, and
 * while a key is over its limit every attempt is refused unchecked — the
 * right password too, or a guesser would learn when they hit it.
 *
 * @example
 * const attempt = await beginAttempt(database, [inviteAddressKey(ip)], now); // 429 when limited
 * if (ok) await attempt.succeeded(); // the failure counted in advance is taken back
 */
import type { Database } from '../db/database.ts';
import { clearAttempts, countAttempt, forgetClosedWindows, uncountAttempt } from '../db/sign-in-attempts.ts';
import { ApiFailure } from '../errors.ts';

export const RATE_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_ADDRESS = 20;

export type LimitKey = {
  readonly key: string;
  readonly max: number;
  /** On success: forget the key's failures (an account) or only take back this attempt (an address). */
  readonly onSuccess: 'clear' | 'uncount';
};

export const addressKey = (address: string): LimitKey => ({ key: `address:${address}`, max: MAX_FAILURES_PER_ADDRESS, onSuccess: 'uncount' });
/** Invite codes tried from one address: counted apart, so they do not lock out its sign-ins. */
export const inviteAddressKey = (address: string): LimitKey => ({ key: `invite:${address}`, max: MAX_FAILURES_PER_ADDRESS, onSuccess: 'uncount' });

export type Attempt = { succeeded(): Promise<void> };

/** Counts an attempt against every key; throws 429 'rate-limited' with Retry-After when one is over its limit. */
export async function beginAttempt(database: Database, keys: readonly LimitKey[], now: number): Promise<Attempt> {
  await forgetClosedWindows(database.db, now, RATE_WINDOW_MS);
  let retryAt = 0;
  for (const { key, max } of keys) {
    const window = await countAttempt(database.db, key, now, RATE_WINDOW_MS);
    if (window.count > max) retryAt = Math.max(retryAt, window.windowStart + RATE_WINDOW_MS);
  }
  if (retryAt > 0) {
    const seconds = Math.max(1, Math.ceil((retryAt - now) / 1000));
    throw new ApiFailure(429, 'rate-limited', `Too many failed attempts. Try again in ${Math.ceil(seconds / 60)} minutes.`, undefined, {
      'Retry-After': String(seconds),
    });
  }
  return {
    async succeeded() {
      for (const key of keys) await (key.onSuccess === 'clear' ? clearAttempts(database.db, key.key) : uncountAttempt(database.db, key.key));
    },
  };
}
