/** The monitoring domain: Amsterdam days and periods (DST-safe), targets in the right unit, the registry. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INDICATORS, indicatorByKey } from '../../src/domain/indicators-registry.ts';
import {
  amsterdamDay,
  isOnTrack,
  medianOf,
  percentOf,
  periodRange,
  quarterOf,
  quarterRange,
  quartersEndingAt,
  resolvePeriod,
  targetFor,
} from '../../src/domain/indicators.ts';
import { levelRank, targetRank } from '../../src/domain/indicators-schouw.ts';
import { FINDING_LEVELS, CROW_LEVELS, meetsTarget } from '../../src/domain/schouw.ts';

/** The EU rule, written out as the oracle: summer time from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC. */
function lastSundayUtc(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
}
function oracleDay(ms: number): string {
  const year = new Date(ms).getUTCFullYear();
  const summer = ms >= lastSundayUtc(year, 2) && ms < lastSundayUtc(year, 9);
  return new Date(ms + (summer ? 2 : 1) * 3_600_000).toISOString().slice(0, 10);
}

describe('Amsterdam days', () => {
  it('puts 31 March 23:30 in Q1 and 1 April 00:30 in Q2 (summer time)', () => {
    expect(quarterOf(amsterdamDay(Date.UTC(2026, 2, 31, 21, 30)))).toBe('2026-Q1');
    expect(quarterOf(amsterdamDay(Date.UTC(2026, 2, 31, 22, 30)))).toBe('2026-Q2');
  });

  it('crosses the last Sunday of March and of October on the right day', () => {
    // 29 March 2026: 01:59 CET is 00:59 UTC, 03:00 CEST is 01:00 UTC — the same day.
    expect(amsterdamDay(Date.UTC(2026, 2, 28, 23, 30))).toBe('2026-03-29');
    expect(amsterdamDay(Date.UTC(2026, 2, 29, 21, 59))).toBe('2026-03-29');
    expect(amsterdamDay(Date.UTC(2026, 2, 29, 22, 0))).toBe('2026-03-30');
    // 25 October 2026: back to CET; 23:30 local is 22:30 UTC.
    expect(amsterdamDay(Date.UTC(2026, 9, 25, 22, 59))).toBe('2026-10-25');
    expect(amsterdamDay(Date.UTC(2026, 9, 25, 23, 0))).toBe('2026-10-26');
    expect(amsterdamDay(Date.UTC(2026, 11, 31, 22, 59))).toBe('2026-12-31');
    expect(amsterdamDay(Date.UTC(2026, 11, 31, 23, 0))).toBe('2027-01-01');
  });

  it('agrees with the EU summer-time rule at every instant (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2090, 0, 1) }), (ms) => {
        expect(amsterdamDay(ms)).toBe(oracleDay(ms));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('periods', () => {
  it('gives the month, quarter and year that hold a day', () => {
    expect(periodRange('month', '2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodRange('quarter', '2026-03-31')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(periodRange('quarter', '2026-11-01')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodRange('year', '2026-06-15')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('counts quarters back across years', () => {
    expect(quartersEndingAt('2026-02-01', 3)).toEqual(['2025-Q3', '2025-Q4', '2026-Q1']);
    expect(quarterRange('2026-Q2')).toEqual({ from: '2026-04-01', to: '2026-06-30' });
  });

  it('every day lies in its own quarter, and quarters tile the year (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2090, 0, 1) }), (ms) => {
        const day = new Date(ms).toISOString().slice(0, 10);
        const range = quarterRange(quarterOf(day));
        expect(day >= range.from && day <= range.to).toBe(true);
        const [previous, own] = quartersEndingAt(day, 2) as [string, string];
        expect(own).toBe(quarterOf(day));
        const next = new Date(Date.parse(`${quarterRange(previous).to}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
        expect(next).toBe(range.from);
      }),
    );
  });

  it('resolves a query: a custom period needs both ends in order', () => {
    expect(resolvePeriod({ period: 'quarter', from: undefined, to: undefined }, '2026-05-05')).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(resolvePeriod({ period: 'custom', from: '2026-01-05', to: '2026-02-05' }, '2026-05-05')).toEqual({ from: '2026-01-05', to: '2026-02-05' });
    expect(resolvePeriod({ period: 'custom', from: '2026-03-05', to: '2026-02-05' }, '2026-05-05')).toHaveProperty('problem');
    expect(resolvePeriod({ period: 'custom', from: '2026-03-05', to: undefined }, '2026-05-05')).toHaveProperty('problem');
  });
});

describe('targets', () => {
  const count = { unit: 'count', better: 'higher' } as const;
  const percent = { unit: 'percent', better: 'higher' } as const;
  const days = { unit: 'days', better: 'lower' } as const;
  const none = { targetFactor: null, targetPoints: null };

  it('counts: relative, ×1.10 by default', () => {
    expect(targetFor(count, { baseline: 200, ...none })).toBe(220);
    expect(targetFor(count, { baseline: 200, targetFactor: 1.25, targetPoints: null })).toBe(250);
  });

  it('percentages: percentage points, never past 100', () => {
    expect(targetFor(percent, { baseline: 82.5, ...none })).toBe(87.5);
    expect(targetFor(percent, { baseline: 82.5, targetFactor: 1.1, targetPoints: 10 })).toBe(92.5);
    expect(targetFor(percent, { baseline: 97, ...none })).toBe(100);
  });

  it('days, where fewer is better: the target lies below the baseline, and reaching it means staying under', () => {
    expect(targetFor(days, { baseline: 20, ...none })).toBe(18);
    expect(isOnTrack(days, 17, 18)).toBe(true);
    expect(isOnTrack(days, 19, 18)).toBe(false);
    expect(isOnTrack(count, 219, 220)).toBe(false);
    expect(isOnTrack(count, null, 220)).toBeNull();
  });

  it('a higher baseline never gives a lower target (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        for (const indicator of [count, percent, days]) {
          expect(targetFor(indicator, { baseline: low, ...none })).toBeLessThanOrEqual(targetFor(indicator, { baseline: high, ...none }));
        }
      }),
    );
  });

  it('shares and medians', () => {
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(1, 0)).toBeNull();
    expect(medianOf([12])).toBe(12);
    expect(medianOf([12, 20])).toBe(16);
    expect(medianOf([])).toBeNull();
  });
});

describe('the registry', () => {
  it('has unique keys that fit a target record id, in every group', () => {
    const keys = INDICATORS.map((indicator) => indicator.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[a-z][a-z0-9-]{0,40}$/);
    expect(new Set(INDICATORS.map((indicator) => indicator.group))).toEqual(new Set(['activities', 'schouw', 'patrol', 'meldingen']));
    expect(indicatorByKey('participants')?.unit).toBe('count');
  });

  it("ranks levels as meetsTarget decides: a level meets the target when its rank is at most the target's", () => {
    for (const level of FINDING_LEVELS) for (const target of CROW_LEVELS) expect(levelRank(level) <= targetRank(target)).toBe(meetsTarget(level, target));
  });
});
