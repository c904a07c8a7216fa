/** Properties of buurtpreventie's pure rules: the track filter and encoding, the weekly pattern, sign-ups merging, sunset. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../src/domain/hlc.ts';
import { mergeRecord, type Mergeable } from '../../src/domain/merge.ts';
import { slotWalkers } from '../../src/domain/patrol.ts';
import { expandWeeklyPattern, rosterDate, rosterHorizon } from '../../src/domain/patrol-roster.ts';
import {
  TRACK_MAX_ACCURACY_M,
  TRACK_MIN_DISTANCE_M,
  TRACK_MIN_INTERVAL_MS,
  decodeTrack,
  distanceM,
  encodeTrack,
  sampleTrack,
  type TrackFix,
} from '../../src/domain/patrol-track.ts';
import { sunTimes } from '../../src/domain/sun.ts';

const START = Date.UTC(2026, 0, 1);

/** A walk of fixes around Alblasserdam: small steps, increasing time. */
const fixes = fc
  .array(
    fc.record({
      dLat: fc.integer({ min: -40, max: 40 }),
      dLon: fc.integer({ min: -40, max: 40 }),
      dt: fc.integer({ min: 1, max: 45 }),
      accuracy: fc.integer({ min: 3, max: 80 }),
    }),
    { maxLength: 80 },
  )
  .map((steps) => {
    let lat = 51.86;
    let lon = 4.66;
    let at = START;
    return steps.map((step): TrackFix => {
      lat += step.dLat / 111_195;
      lon += step.dLon / 68_700;
      at += step.dt * 1000;
      return { lat, lon, at, accuracyM: step.accuracy };
    });
  });

describe('the track filter', () => {
  it('never keeps two points within 25 m AND 30 s of each other, nor an inaccurate fix', () => {
    fc.assert(
      fc.property(fixes, (input) => {
        const kept = sampleTrack(input);
        for (let i = 1; i < kept.length; i++) {
          const [a, b] = [kept[i - 1], kept[i]] as [TrackFix, TrackFix];
          expect(distanceM(a, b) >= TRACK_MIN_DISTANCE_M || b.at - a.at >= TRACK_MIN_INTERVAL_MS).toBe(true);
        }
        const inaccurate = new Set(input.filter((f) => (f.accuracyM ?? 0) > TRACK_MAX_ACCURACY_M).map((f) => f.at));
        expect(kept.some((p) => inaccurate.has(p.at))).toBe(false);
      }),
    );
  });

  it('keeps every accurate fix that is 25 m or 30 s from the last kept point (sparing, not lossy)', () => {
    fc.assert(
      fc.property(fixes, (input) => {
        const kept = sampleTrack(input);
        const keptAt = new Set(kept.map((p) => p.at));
        let last: TrackFix | null = null;
        for (const fix of input) {
          if ((fix.accuracyM ?? 0) > TRACK_MAX_ACCURACY_M) continue;
          const due = last === null || distanceM(last, fix) >= TRACK_MIN_DISTANCE_M || fix.at - last.at >= TRACK_MIN_INTERVAL_MS;
          expect(keptAt.has(fix.at)).toBe(due);
          if (due) last = fix;
        }
      }),
    );
  });

  it('decodes what it encodes to within a metre and half a second', () => {
    fc.assert(
      fc.property(fixes, (input) => {
        const back = decodeTrack(encodeTrack(input));
        expect(back).toHaveLength(input.length);
        back.forEach((point, i) => {
          const original = input[i] as TrackFix;
          expect(distanceM(point, original)).toBeLessThan(1);
          expect(Math.abs(point.at - original.at)).toBeLessThanOrEqual(500);
        });
      }),
    );
  });
});

describe('the weekly pattern', () => {
  it('makes exactly the pattern’s weekdays from today to the horizon, in order, each once', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2035, 0, 1) }),
        fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
        (now, weekdays) => {
          const drafts = expandWeeklyPattern({ teamId: 't', weekdays, start: '20:00', durationMinutes: 90, meetingPoint: '', buurtIds: [] }, now);
          const today = rosterDate(now);
          const horizon = rosterHorizon(today);
          const expected: string[] = [];
          for (let day = Date.parse(`${today}T00:00:00Z`); new Date(day).toISOString().slice(0, 10) <= horizon; day += 86_400_000) {
            if (weekdays.includes(((new Date(day).getUTCDay() + 6) % 7) + 1)) expected.push(new Date(day).toISOString().slice(0, 10));
          }
          expect(drafts.map((d) => d.date)).toEqual(expected);
          // Three months ahead: never more than 93 days.
          expect((Date.parse(horizon) - Date.parse(today)) / 86_400_000).toBeLessThanOrEqual(92);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('sign-ups', () => {
  const SLOT = '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
  const members = ['0193a1b2-0000-7000-8000-000000000001', '0193a1b2-0000-7000-8000-000000000002', '0193a1b2-0000-7000-8000-000000000003'];
  const write = fc.record({
    member: fc.constantFrom(...members),
    signedUp: fc.boolean(),
    wall: fc.integer({ min: 1, max: 1000 }),
    node: fc.constantFrom('phone-a', 'phone-b', 'phone-c'),
  });

  it('end the same whatever order the phones’ writes arrive in, and each member’s last write decides', () => {
    fc.assert(
      fc.property(fc.array(write, { maxLength: 20 }), fc.array(write, { maxLength: 20 }), (writes, again) => {
        // A phone's clock never stamps two writes alike (hlc.ts ticks): one write per phone and moment.
        const all = [...new Map([...writes, ...again].reverse().map((w) => [`${w.wall}.${w.node}`, w])).values()].reverse();
        const stateOf = (order: typeof all) => {
          const records = new Map<string, Mergeable>();
          for (const w of order) {
            const t = formatHlc({ wall: w.wall, counter: 0, node: w.node });
            const incoming: Mergeable = { fields: { slotId: { v: SLOT, t }, userId: { v: w.member, t }, signedUp: { v: w.signedUp, t } }, counters: {} };
            const stored = records.get(w.member);
            records.set(w.member, stored ? mergeRecord(stored, incoming) : incoming);
          }
          return slotWalkers(
            SLOT,
            [...records.values()].map((r) => ({
              slotId: SLOT,
              userId: r.fields['userId']?.v as string,
              signedUp: r.fields['signedUp']?.v as boolean,
              deleted: false,
            })),
          );
        };
        expect(stateOf(all)).toEqual(stateOf([...all].reverse()));
        const lastOf = (member: string) =>
          all
            .filter((w) => w.member === member)
            .sort((a, b) => formatHlc({ wall: a.wall, counter: 0, node: a.node }).localeCompare(formatHlc({ wall: b.wall, counter: 0, node: b.node })))
            .at(-1);
        expect(stateOf(all)).toEqual(members.filter((m) => lastOf(m)?.signedUp === true).sort());
      }),
    );
  });
});

describe('sunset', () => {
  it('comes after sunrise, on the same day, at Dutch latitudes all year', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 365 * 3 }),
        fc.double({ min: 50.7, max: 53.6, noNaN: true }),
        fc.double({ min: 3.3, max: 7.3, noNaN: true }),
        (day, lat, lon) => {
          const date = new Date(Date.UTC(2025, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
          const times = sunTimes(lat, lon, date);
          expect(times).not.toBeNull();
          const { sunrise, sunset } = times as { sunrise: number; sunset: number };
          expect(sunset - sunrise).toBeGreaterThan(7 * 3_600_000);
          expect(sunset - sunrise).toBeLessThan(17.5 * 3_600_000);
          expect(new Date(sunset).toISOString().slice(0, 10)).toBe(date);
        },
      ),
    );
  });
});
