/**
 * Exponential backoff with full jitter: after the n-th failure in a row, wait
 * a random time between 0 and min(cap, base · 2^(n-1)). The randomness spreads
 * out many phones that come back online at the same moment.
 * (https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/)
 *
 * @example
 * backoffDelay(3, Math.random, { baseMs: 2_000, capMs: 300_000 }) // somewhere in [0, 8000)
 */
export type BackoffPolicy = { readonly baseMs: number; readonly capMs: number };

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, capMs: 5 * 60_000 };

export function backoffDelay(failures: number, random: () => number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  if (failures <= 0) return 0;
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(failures - 1, 30));
  return Math.round(Math.min(Math.max(random(), 0), 1) * ceiling);
}
