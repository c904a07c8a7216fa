import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../src/sync/backoff.ts';

const policy = { baseMs: 2_000, capMs: 300_000 };

describe('backoff with full jitter', () => {
  it('waits nothing before the first failure', () => {
    expect(backoffDelay(0, () => 0.9, policy)).toBe(0);
  });

  it('doubles the ceiling per failure up to the cap', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, () => 1, policy))).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(backoffDelay(50, () => 1, policy)).toBe(300_000);
  });

  it('stays between zero and the cap whatever the randomness', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (failures, r) => {
        const delay = backoffDelay(failures, () => r, policy);
        return delay >= 0 && delay <= policy.capMs;
      }),
    );
  });
});
