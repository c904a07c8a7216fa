/**
 * Buurtpreventie's pure rules: overdue rounds, slots short of walkers,
 * sign-ups that merge without lost updates, the weekly pattern, the track
 * filter and encoding, sunset at Alblasserdam, retention.
 */
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { mergeRecord, type Mergeable } from '../../src/domain/merge.ts';
import { withHiddenFields } from '../../src/domain/permissions.ts';
import type { SyncRecord } from '../../src/domain/records.ts';
import { formatHlc } from '../../src/domain/hlc.ts';
import { uuidv7 } from '../../src/domain/ids.ts';
import { ROUND_OVERDUE_MS, PatrolRoundSchema, isRoundOverdue, overdueClosure, signUpIdFor, slotNeedsWalkers, slotWalkers } from '../../src/domain/patrol.ts';
import { PublicSpaceObservationFieldSchemas, SafetyObservationFieldSchemas, reactionIdFor } from '../../src/domain/patrol-observation.ts';
import { DEFAULT_RETENTION, addMonths, expiredPatrolRecords, patrolSettingsOf } from '../../src/domain/patrol-retention.ts';
import {
  SLOT_START_LEAD_MINUTES,
  endTime,
  expandWeeklyPattern,
  isSlotStartable,
  rosterDate,
  rosterHorizon,
  rosterMoment,
  slotStartWindow,
} from '../../src/domain/patrol-roster.ts';
import { TRACK_MAX_CHARS, appendToTrack, decodeTrack, distanceM, encodeTrack, sampleTrack, thinTrack, trackGrain } from '../../src/domain/patrol-track.ts';
import { RecordIdSchema } from '../../src/domain/record-schema.ts';
import { isAfterSunset, sunTimes } from '../../src/domain/sun.ts';

/** 7 December 2026, 12:00 UTC (a Monday). */
const MONDAY_NOON = Date.UTC(2026, 11, 7, 12);
const HOUR = 3_600_000;

describe('rounds', () => {
  const round = (startedAt: number, closedBy: 'walkers' | 'app' | null = null) => ({ startedAt, closedBy, deleted: false });

  it('is overdue only after more than 6 hours running', () => {
    expect(isRoundOverdue(round(MONDAY_NOON), MONDAY_NOON + ROUND_OVERDUE_MS)).toBe(false);
    expect(isRoundOverdue(round(MONDAY_NOON), MONDAY_NOON + ROUND_OVERDUE_MS + 1)).toBe(true);
    expect(isRoundOverdue(round(MONDAY_NOON, 'walkers'), MONDAY_NOON + 10 * HOUR)).toBe(false);
    expect(isRoundOverdue({ ...round(MONDAY_NOON), deleted: true }, MONDAY_NOON + 10 * HOUR)).toBe(false);
  });

  it('closes an overdue round as "niet afgesloten": by the app, end unknown, and then it is no longer overdue', () => {
    const closed = { ...round(MONDAY_NOON), ...overdueClosure() };
    expect(closed).toMatchObject({ closedBy: 'app', endedAt: null });
    expect(isRoundOverdue(closed, MONDAY_NOON + 10 * HOUR)).toBe(false);
  });

  it('reads a round with its defaults: no track, not shared, not checked in', () => {
    const parsed = z.parse(PatrolRoundSchema, { teamId: 't', buurtIds: [], startedAt: 1, walkers: [], mode: 'bike', createdAt: 1, createdBy: 'u' });
    expect(parsed).toMatchObject({ trackOptIn: false, track: null, shareTrackWithPolice: false, checkedInWithPolice: false, closedBy: null, outcome: null });
  });
});

describe('the roster', () => {
  const slot = uuidv7(MONDAY_NOON);
  const [anna, bram] = [uuidv7(MONDAY_NOON + 1), uuidv7(MONDAY_NOON + 2)];
  const stamp = (ms: number, node: string) => formatHlc({ wall: ms, counter: 0, node });
  const signUp = (userId: string, signedUp: boolean, ms: number, node: string): Mergeable => ({
    fields: {
      slotId: { v: slot, t: stamp(ms, node) },
      userId: { v: userId, t: stamp(ms, node) },
      teamId: { v: 't', t: stamp(ms, node) },
      signedUp: { v: signedUp, t: stamp(ms, node) },
    },
    counters: {},
  });
  const values = (record: Mergeable) =>
    Object.fromEntries(Object.entries(record.fields).map(([k, f]) => [k, f.v])) as { slotId: string; userId: string; signedUp: boolean; deleted: boolean };

  it('flags a slot with fewer than two walkers', () => {
    expect(slotNeedsWalkers({ walkers: [] })).toBe(true);
    expect(slotNeedsWalkers({ walkers: [anna] })).toBe(true);
    expect(slotNeedsWalkers({ walkers: [anna, anna] })).toBe(true);
    expect(slotNeedsWalkers({ walkers: [anna, bram] })).toBe(false);
  });

  it('keeps two members who signed up offline on two phones: two records, both stick', () => {
    const ids = [signUpIdFor(slot, anna), signUpIdFor(slot, bram)];
    expect(new Set(ids).size).toBe(2);
    for (const id of ids) expect(z.safeParse(RecordIdSchema, id).success).toBe(true);
    const walkers = slotWalkers(
      slot,
      [signUp(anna, true, 1000, 'phone-a'), signUp(bram, true, 1000, 'phone-b')].map((r) => ({ ...values(r), deleted: false })),
    );
    expect(walkers).toEqual([anna, bram].sort());
    expect(slotNeedsWalkers({ walkers })).toBe(false);
  });

  it('merges one member’s sign-up and later sign-off on two phones into one record: the later wins', () => {
    const merged = mergeRecord(signUp(anna, true, 1000, 'phone-a'), signUp(anna, false, 2000, 'phone-c'));
    expect(slotWalkers(slot, [{ ...values(merged), deleted: false }])).toEqual([]);
  });

  it('expands a weekly pattern from today to three months ahead, Tuesdays and Fridays', () => {
    const drafts = expandWeeklyPattern(
      { teamId: 't', weekdays: [2, 5], start: '20:00', durationMinutes: 90, meetingPoint: 'Kerk', buurtIds: ['kinderdijk'] },
      MONDAY_NOON,
    );
    expect(drafts[0]).toEqual({ teamId: 't', date: '2026-12-08', start: '20:00', durationMinutes: 90, meetingPoint: 'Kerk', buurtIds: ['kinderdijk'] });
    expect(drafts.at(-1)?.date).toBe('2027-03-05');
    expect(drafts.every((d) => [2, 5].includes(new Date(`${d.date}T12:00:00Z`).getUTCDay()))).toBe(true);
    expect(drafts.length).toBe(26);
  });

  it('makes nothing twice and respects from and until', () => {
    const pattern = {
      teamId: 't',
      weekdays: [1],
      start: '19:30',
      durationMinutes: 90,
      meetingPoint: '',
      buurtIds: [],
      from: '2026-12-10',
      until: '2026-12-31',
    };
    const first = expandWeeklyPattern(pattern, MONDAY_NOON);
    expect(first.map((d) => d.date)).toEqual(['2026-12-14', '2026-12-21', '2026-12-28']);
    expect(expandWeeklyPattern(pattern, MONDAY_NOON, first)).toEqual([]);
    expect(expandWeeklyPattern(pattern, MONDAY_NOON, [{ teamId: 't', date: '2026-12-14', start: '20:00' }])).toHaveLength(3);
  });

  it('takes the date in Dutch time and clamps the horizon to the month’s end', () => {
    expect(rosterDate(Date.UTC(2026, 11, 7, 23, 30))).toBe('2026-12-08');
    expect(rosterHorizon('2026-11-30')).toBe('2027-02-28');
    expect(rosterHorizon('2027-11-30')).toBe('2028-02-29');
  });
});

describe('starting a round from a slot', () => {
  const MINUTE = 60_000;
  const slot = { date: '2026-12-08', start: '20:00', durationMinutes: 90 };

  it('reads a slot’s date and time in Dutch time, winter and summer', () => {
    expect(rosterMoment('2026-12-08', '20:00')).toBe(Date.UTC(2026, 11, 8, 19, 0));
    expect(rosterMoment('2026-07-01', '20:00')).toBe(Date.UTC(2026, 6, 1, 18, 0));
    // The night the clocks go back: 03:30 is after the change (UTC+1).
    expect(rosterMoment('2026-10-25', '03:30')).toBe(Date.UTC(2026, 9, 25, 2, 30));
    expect(rosterMoment('2026-12-31', '23:30')).toBe(Date.UTC(2026, 11, 31, 22, 30));
  });

  it('offers the start from half an hour before the slot until its end, not before, not after', () => {
    const start = rosterMoment(slot.date, slot.start);
    expect(slotStartWindow(slot)).toEqual({ from: start - SLOT_START_LEAD_MINUTES * MINUTE, until: start + 90 * MINUTE });
    expect(isSlotStartable(slot, start - 31 * MINUTE)).toBe(false);
    expect(isSlotStartable(slot, start - 30 * MINUTE)).toBe(true);
    expect(isSlotStartable(slot, start + 89 * MINUTE)).toBe(true);
    expect(isSlotStartable(slot, start + 90 * MINUTE)).toBe(false);
    // A slot past midnight ends the next day.
    const late = { date: '2026-12-08', start: '23:30', durationMinutes: 90 };
    expect(isSlotStartable(late, Date.UTC(2026, 11, 8, 23, 45))).toBe(true);
    expect(endTime(late.start, late.durationMinutes)).toBe('01:00');
  });
});

describe('observations', () => {
  it('have no photo field when they are about safety, and one when about public space', () => {
    expect(Object.hasOwn(SafetyObservationFieldSchemas, 'photos')).toBe(false);
    expect(Object.hasOwn(PublicSpaceObservationFieldSchemas, 'photos')).toBe(true);
  });

  it('have one reaction record each, whose id no device makes', () => {
    const id = uuidv7(MONDAY_NOON);
    expect(reactionIdFor(id)).not.toBe(id);
    expect(reactionIdFor(id)[14]).toBe('a');
  });
});

describe('the track', () => {
  const start = { lat: 51.86, lon: 4.66, at: MONDAY_NOON };
  /** About `m` metres north of the start. */
  const north = (m: number, seconds: number) => ({ lat: start.lat + m / 111_195, lon: start.lon, at: start.at + seconds * 1000 });

  it('keeps a point per 25 m walked, and one per 30 s standing still', () => {
    const walked = sampleTrack([start, north(10, 7), north(20, 14), north(26, 19), north(40, 29), north(52, 37)]);
    expect(walked.map((p) => Math.round(distanceM(start, p)))).toEqual([0, 26, 52]);
    const standing = sampleTrack([start, north(1, 10), north(2, 29), north(1, 30), north(2, 45), north(1, 60)]);
    expect(standing.map((p) => (p.at - start.at) / 1000)).toEqual([0, 30, 60]);
  });

  it('drops fixes less accurate than 50 m', () => {
    expect(
      sampleTrack([
        { ...start, accuracyM: 120 },
        { ...north(30, 20), accuracyM: 8 },
      ]),
    ).toEqual([north(30, 20)]);
  });

  it('encodes compactly and decodes to within a metre and a second', () => {
    const points = [start, north(26, 19), north(52, 37), { lat: 51.8612, lon: 4.6611, at: MONDAY_NOON + 80_000 }];
    const text = encodeTrack(points);
    expect(text.length).toBeLessThan(40);
    const back = decodeTrack(text);
    back.forEach((p, i) => {
      expect(distanceM(p, points[i] as (typeof points)[number])).toBeLessThan(1);
      expect(Math.abs(p.at - (points[i] as (typeof points)[number]).at)).toBeLessThanOrEqual(500);
    });
    expect(() => decodeTrack('_')).toThrow();
  });

  it('grows a stored track by the points the sampling keeps, and leaves it as it was when none is', () => {
    const first = appendToTrack(null, [start, north(10, 7)]);
    expect(decodeTrack(first ?? '')).toHaveLength(1);
    expect(appendToTrack(first, [north(12, 9)])).toBe(first);
    expect(appendToTrack(null, [])).toBeNull();
    expect(decodeTrack(appendToTrack(first, [north(26, 19), north(30, 21), north(60, 40)]) ?? '').map((p) => Math.round(distanceM(start, p)))).toEqual([
      0, 26, 60,
    ]);
  });

  it('thins a track that would pass the limit, keeping its first and last point, never passing it', () => {
    // A car: 30 m every 2 s for an hour, 1800 points.
    const driven = Array.from({ length: 1800 }, (_, i) => north(30 * i, 2 * i));
    const full = encodeTrack(sampleTrack(driven));
    const limit = Math.floor(full.length / 3);
    const thinned = decodeTrack(appendToTrack(null, driven, limit) ?? '');
    expect(encodeTrack(thinned).length).toBeLessThanOrEqual(limit);
    expect(thinned.length).toBeGreaterThan(1800 / 8);
    expect(thinned[0]).toEqual(decodeTrack(full)[0]);
    expect(thinned.at(-1)).toEqual(decodeTrack(full).at(-1));
    expect(thinTrack([start, north(30, 2), north(60, 4), north(90, 6)])).toEqual([start, north(60, 4), north(90, 6)]);
    // Under the schema's limit, a 6-hour walk at 1.4 m/s is never thinned.
    const walk = Array.from({ length: 6 * 3600 }, (_, i) => north(1.4 * i, i));
    const walked = appendToTrack(null, walk) ?? '';
    expect(walked.length).toBeLessThan(TRACK_MAX_CHARS);
    expect(decodeTrack(walked)).toHaveLength(sampleTrack(walk.map(trackGrain)).length);
  });
});

describe('sunset at Alblasserdam (51.86 N, 4.66 E)', () => {
  const minutesOfDay = (ms: number, offsetHours: number) => {
    const d = new Date(ms + offsetHours * HOUR);
    return d.getUTCHours() * 60 + d.getUTCMinutes();
  };

  it('sets around 16:31 (CET) in early December', () => {
    const times = sunTimes(51.86, 4.66, '2026-12-05');
    expect(Math.abs(minutesOfDay(times?.sunset as number, 1) - (16 * 60 + 31))).toBeLessThanOrEqual(5);
    expect(Math.abs(minutesOfDay(times?.sunrise as number, 1) - (8 * 60 + 32))).toBeLessThanOrEqual(5);
  });

  it('sets around 22:05 (CEST) in late June', () => {
    const times = sunTimes(51.86, 4.66, '2026-06-25');
    expect(Math.abs(minutesOfDay(times?.sunset as number, 2) - (22 * 60 + 5))).toBeLessThanOrEqual(5);
  });

  it('says dark after sunset and before sunrise, light at noon; polar night dark, polar day light', () => {
    expect(isAfterSunset(51.86, 4.66, Date.UTC(2026, 11, 5, 12))).toBe(false);
    expect(isAfterSunset(51.86, 4.66, Date.UTC(2026, 11, 5, 16))).toBe(true);
    expect(isAfterSunset(51.86, 4.66, Date.UTC(2026, 11, 5, 6))).toBe(true);
    expect(sunTimes(78.2, 15.6, '2026-12-21')).toBeNull();
    expect(isAfterSunset(78.2, 15.6, Date.UTC(2026, 11, 21, 12))).toBe(true);
    expect(isAfterSunset(78.2, 15.6, Date.UTC(2026, 5, 21, 0))).toBe(false);
  });
});

describe('retention', () => {
  const record = (id: string, type: string, values: Record<string, unknown>) => ({
    id,
    type,
    fields: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { v, t: formatHlc({ wall: 0, counter: 0, node: 'n' }) }])),
    counters: {},
  });
  const now = MONDAY_NOON;
  const monthsAgo = (months: number) => addMonths(now, -months);

  it('reads the tenant’s periods with the defaults: 3 months for safety, 12 for the rest', () => {
    expect(patrolSettingsOf(undefined)).toEqual({ ...DEFAULT_RETENTION, lat: null, lon: null });
    expect(DEFAULT_RETENTION).toEqual({ safetyObservationMonths: 3, publicSpaceObservationMonths: 12, roundMonths: 12 });
    expect(patrolSettingsOf(record('patrol-settings', 'patrolSettings', { safetyObservationMonths: 6, lat: 51.86, lon: 4.66 }))).toMatchObject({
      safetyObservationMonths: 6,
      roundMonths: 12,
      lat: 51.86,
    });
  });

  it('purges what is past its period, and children with their parent', () => {
    const records = [
      record('old-round', 'patrolRound', { startedAt: monthsAgo(13) }),
      record('old-round-obs', 'publicSpaceObservation', { roundId: 'old-round', observedAt: monthsAgo(1) }),
      record('old-round-obs-change', 'observationStatusChange', { observationId: 'old-round-obs' }),
      record('young-round', 'patrolRound', { startedAt: monthsAgo(11) }),
      record('old-safety', 'safetyObservation', { roundId: 'young-round', observedAt: monthsAgo(3) - 1 }),
      record('old-safety-reaction', 'observationReaction', { observationId: 'old-safety' }),
      record('young-safety', 'safetyObservation', { roundId: 'young-round', observedAt: monthsAgo(3) + 60_000 }),
      record('young-safety-reaction', 'observationReaction', { observationId: 'young-safety' }),
      record('young-public', 'publicSpaceObservation', { roundId: 'young-round', observedAt: monthsAgo(11) }),
      record('old-slot', 'patrolSlot', { date: '2025-12-06' }),
      record('old-slot-signup', 'patrolSignUp', { slotId: 'old-slot' }),
      record('young-slot', 'patrolSlot', { date: '2025-12-07' }),
    ];
    expect(expiredPatrolRecords(records, DEFAULT_RETENTION, now).sort()).toEqual(
      ['old-round', 'old-round-obs', 'old-round-obs-change', 'old-safety', 'old-safety-reaction', 'old-slot', 'old-slot-signup'].sort(),
    );
    expect(expiredPatrolRecords(records, { ...DEFAULT_RETENTION, roundMonths: 24, safetyObservationMonths: 1 }, now).sort()).toEqual(
      ['old-safety', 'old-safety-reaction', 'young-safety', 'young-safety-reaction'].sort(),
    );
  });
});

describe('what a role reads of a round (HIDDEN_FIELDS)', () => {
  const t = (ms: number) => formatHlc({ wall: MONDAY_NOON + ms, counter: 0, node: 'phone-a' });
  const id = uuidv7(MONDAY_NOON);
  const round = (shared: boolean, shareAt: number) =>
    ({
      id,
      type: 'patrolRound',
      tenantId: 'alblasserdam',
      fields: {
        teamId: { v: 'team', t: t(0) },
        walkers: { v: ['a'], t: t(0) },
        summary: { v: 'Rustig', t: t(0) },
        track: { v: '_p~iF~ps|U', t: t(1000) },
        shareTrackWithPolice: { v: shared, t: t(shareAt) },
      },
      counters: {},
    }) as SyncRecord;

  it('gives the police the track only when shared, never walkers or summary; the team and coordinators all of it', () => {
    const hidden = withHiddenFields('police', round(false, 0));
    expect(hidden.fields['track']).toEqual({ v: null, t: t(1000) });
    expect(hidden.fields['walkers']?.v).toEqual([]);
    expect(hidden.fields['summary']?.v).toBe('');
    expect(hidden.fields['teamId']?.v).toBe('team');
    expect(withHiddenFields('police', round(true, 500)).fields['track']?.v).toBe('_p~iF~ps|U');
    expect(withHiddenFields('professional', round(true, 500)).fields['track']?.v).toBeNull();
    for (const role of ['volunteer', 'coordinator'] as const) expect(withHiddenFields(role, round(false, 0))).toEqual(round(false, 0));
  });

  it('stamps the served track with the later of its own and the choice’s HLC, so each change of the choice wins on a police device', () => {
    const shared = withHiddenFields('police', round(true, 2000)).fields['track'] as { v: unknown; t: string };
    const unshared = withHiddenFields('police', round(false, 3000)).fields['track'] as { v: unknown; t: string };
    const sharedAgain = withHiddenFields('police', round(true, 4000)).fields['track'] as { v: unknown; t: string };
    expect([shared.t, unshared.t, sharedAgain.t]).toEqual([t(2000), t(3000), t(4000)]);
    const device = [shared, unshared, sharedAgain].reduce((held, next) => (next.t > held.t ? next : held));
    expect(device.v).toBe('_p~iF~ps|U');
  });
});
