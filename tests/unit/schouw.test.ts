/**
 * The schouw domain: meetsTarget and the round's score, the derived schouw
 * id, and every field of schouw, finding and follow-up records checked as a
 * pushed mutation is (good and bad values).
 */
import { describe, expect, it } from 'vitest';
import { attendanceIdFor } from '../../src/domain/attendance.ts';
import { formatHlc } from '../../src/domain/hlc.ts';
import { uuidv7 } from '../../src/domain/ids.ts';
import { checkMutation, SCHEMA_VERSION } from '../../src/domain/protocol.ts';
import type { Mergeable } from '../../src/domain/merge.ts';
import { findingOf, schouwParticipants, type SyncRecord } from '../../src/domain/records.ts';
import {
  CROW_LEVELS,
  FINDING_LEVELS,
  meetsTarget,
  partnerCounterKey,
  schouwIdFor,
  schouwScore,
  type CrowLevel,
  type FindingLevel,
} from '../../src/domain/schouw.ts';

const now = 1_763_800_000_000;
const device = 'device-a-0000-0001';
const ctx = { deviceId: device, tenantId: 'alblasserdam', now };
const t = formatHlc({ wall: now, counter: 0, node: device });
const activityId = uuidv7(now);
const HASH = 'a'.repeat(64);

describe('meetsTarget', () => {
  it.each([
    ['A+', 'B', true],
    ['A', 'B', true],
    ['B', 'B', true],
    ['C', 'B', false],
    ['D', 'B', false],
    ['A+', 'A+', true],
    ['A', 'A+', false],
    ['D', 'D', true],
    ['C', 'D', true],
    ['good', 'A+', true],
    ['plus', 'B', true],
    ['bad', 'D', false],
  ] as const)('%s against target %s: %s', (level, target, meets) => {
    expect(meetsTarget(level, target)).toBe(meets);
  });

  it('has no answer for a finding without a level', () => {
    expect(meetsTarget(null, 'B')).toBeNull();
  });

  it('follows the CROW order: a level meets every target at or below it', () => {
    for (const [i, level] of CROW_LEVELS.entries()) {
      for (const [j, target] of CROW_LEVELS.entries()) expect(meetsTarget(level, target)).toBe(i <= j);
    }
  });
});

describe('the score of a round', () => {
  it('counts per level and the share of rated findings that meet the target', () => {
    const levels: Array<FindingLevel | null> = ['A', 'B', 'C', 'C', 'D', null, 'good', 'bad'];
    const score = schouwScore(levels, 'B');
    expect(score.byLevel).toMatchObject({ 'A+': 0, A: 1, B: 1, C: 2, D: 1, good: 1, bad: 1, plus: 0 });
    expect(Object.keys(score.byLevel).sort()).toEqual([...FINDING_LEVELS].sort());
    expect(score).toMatchObject({ rated: 7, meeting: 3, share: 3 / 7 });
  });

  it('has no share when nothing was rated', () => {
    expect(schouwScore([null, null], 'B' satisfies CrowLevel)).toMatchObject({ rated: 0, meeting: 0, share: null });
  });
});

describe('the schouw record id', () => {
  it('is the activity id with version nibble 9: neither the activity, its attendance nor a device-made id', () => {
    const id = schouwIdFor(activityId);
    expect(id).toHaveLength(activityId.length);
    expect(id[14]).toBe('9');
    expect(id).not.toBe(activityId);
    expect(id).not.toBe(attendanceIdFor(activityId));
    expect(schouwIdFor(activityId)).toBe(id);
  });
});

function mutation(
  recordType: string,
  recordId: string,
  values: Record<string, unknown>,
  counters: Record<string, Record<string, { p: number; n: number }>> = {},
) {
  return {
    mutationId: uuidv7(now),
    schemaVersion: SCHEMA_VERSION,
    recordType,
    recordId,
    tenantId: 'alblasserdam',
    fields: Object.fromEntries(Object.entries(values).map(([name, v]) => [name, { v, t }])),
    counters,
  };
}

const reasonOf = (raw: unknown) => {
  const checked = checkMutation(raw, ctx);
  return checked.ok ? 'ok' : checked.reason;
};

/** Per field: values that must pass and values that must be refused. */
const FIELDS: Record<string, Record<string, { good: unknown[]; bad: unknown[] }>> = {
  schouw: {
    activityId: { good: [activityId], bad: ['not-a-uuid', 7, null] },
    kind: { good: ['withResidents', 'wijkbeheerder', 'summer', 'winter'], bad: ['autumn', '', null] },
    method: { good: ['crow', 'goodBadPlus', 'free'], bad: ['stars', null] },
    targetLevel: { good: ['A+', 'A', 'B', 'C', 'D'], bad: ['E', 'b', 'good', null] },
    deleted: { good: [true, false], bad: ['yes', null] },
  },
  finding: {
    schouwId: { good: [activityId], bad: ['schouw-1', null] },
    pointNo: { good: [1, 9999, null], bad: [0, 1.5, 10_000, '3'] },
    location: {
      good: [null, { lat: 51.86, lon: 4.66, accuracyM: 8, source: 'gps' }, { lat: 51.86, lon: 4.66, source: 'map' }],
      bad: [{ lat: 91, lon: 4.66, source: 'gps' }, { lat: 51.86, lon: 4.66, source: 'guess' }, 'Kerkstraat'],
    },
    address: {
      good: [
        null,
        { street: 'Kerkstraat', number: '12a', postcode: '2951 AB', place: 'Alblasserdam' },
        { street: 'Dam', number: '', postcode: null, place: '' },
      ],
      bad: [
        { street: '', number: '1', postcode: null, place: '' },
        { street: 'Dam', number: '1', postcode: '2951ab', place: '' },
        { street: 'Dam', number: '1', postcode: null, place: '', gps: 'x' },
        'Dam 1',
      ],
    },
    buurtId: { good: ['oranjebuurt'], bad: ['Oranjebuurt', '', null] },
    teamId: { good: [null, 'schouwgroep-staatsliedenbuurt'], bad: ['Schouw groep', 3] },
    photos: {
      good: [[], [HASH], ['0123456789abcdef'.repeat(4), 'b'.repeat(64), 'c'.repeat(64), 'd'.repeat(64), 'e'.repeat(64)]],
      bad: [[HASH.toUpperCase()], ['a'.repeat(63)], [HASH, HASH], ['1', '2', '3', '4', '5', '6'].map((c) => c.repeat(64)), HASH],
    },
    note: { good: ['', 'Schommel hangt scheef'], bad: ['x'.repeat(2001), null] },
    element: {
      good: [
        'pavement',
        'road',
        'cyclePath',
        'planting',
        'grass',
        'hedge',
        'tree',
        'litterBin',
        'undergroundContainer',
        'streetFurniture',
        'playEquipment',
        'streetLighting',
        'trafficSign',
        'water',
        'drain',
        'other',
      ],
      bad: ['parking', '', null],
    },
    aspect: {
      good: [
        'litterFine',
        'litterCoarse',
        'weedsPaving',
        'weedsPlanting',
        'damage',
        'leaning',
        'loosePaving',
        'graffiti',
        'dogFouling',
        'leaves',
        'binFull',
        'dumpedWaste',
        'overgrown',
        'bare',
        'lightOut',
        'missing',
        'unsafe',
        'other',
        'opportunity',
      ],
      bad: ['barePatches', 'noise', null],
    },
    level: { good: ['A+', 'A', 'B', 'C', 'D', 'good', 'bad', 'plus', null], bad: ['E', 'ok', 3] },
    action: {
      good: ['reportFixi', 'fixedOnSpot', 'residentsActionList', 'referHousingCorporation', 'referOtherDepartment', 'none', null],
      bad: ['callPolice', ''],
    },
    responsiblePartnerId: { good: [null, 'woonkracht10'], bad: ['Woonkracht 10', 1] },
    meldingNumber: { good: [null, 'FIXI-2025-00123', 'x'.repeat(40)], bad: ['', '   ', 'x'.repeat(41), 123] },
    meldingStatus: { good: ['notReported', 'received', 'inProgress', 'resolved'], bad: ['closed', null] },
    status: { good: ['new', 'reported', 'inProgress', 'resolved', 'wontFix'], bad: ['done', null] },
    createdAt: { good: [0, now], bad: [-1, 1.5, '2025'] },
    createdBy: { good: ['user-1'], bad: ['', 'x'.repeat(65), null] },
    deleted: { good: [true, false], bad: [0] },
  },
  findingStatusChange: {
    findingId: { good: [activityId], bad: ['finding-1', null] },
    from: { good: ['new', 'reported', 'inProgress', 'resolved', 'wontFix'], bad: ['open', null] },
    to: { good: ['new', 'reported', 'inProgress', 'resolved', 'wontFix'], bad: ['closed', null] },
    note: { good: ['', 'Aannemer ingepland'], bad: ['x'.repeat(2001), 5] },
    at: { good: [now], bad: [-5, 'gisteren'] },
    by: { good: ['user-1'], bad: ['', null] },
    buurtId: { good: ['oranjebuurt'], bad: ['Oranje buurt', null] },
    teamId: { good: [null, 'schouwgroep-staatsliedenbuurt'], bad: ['Team!'] },
    deleted: { good: [false, true], bad: ['no'] },
  },
};

const recordIdFor = (type: string) => (type === 'schouw' ? schouwIdFor(activityId) : uuidv7(now));
const FIELD_CASES = Object.entries(FIELDS).flatMap(([type, fields]) =>
  Object.entries(fields).flatMap(([field, { good, bad }]) => [
    ...good.map((value) => ({ type, field, value, expected: 'ok' })),
    ...bad.map((value) => ({ type, field, value, expected: 'invalid-payload' })),
  ]),
);

describe('schouw, finding and follow-up fields, checked as pushed', () => {
  it.each(FIELD_CASES)('$type.$field = $value: $expected', ({ type, field, value, expected }) => {
    // The schouw's id rule reads activityId; keep it consistent when the case is about another field.
    const values = type === 'schouw' && field !== 'activityId' ? { activityId, [field]: value } : { [field]: value };
    expect(reasonOf(mutation(type, recordIdFor(type), values))).toBe(expected);
  });

  it('refuses a schouw record whose id is not derived from its activity', () => {
    expect(reasonOf(mutation('schouw', uuidv7(now), { activityId }))).toBe('invalid-payload');
    expect(reasonOf(mutation('schouw', attendanceIdFor(activityId), { activityId }))).toBe('invalid-payload');
  });

  it('refuses a finding or follow-up entry with an id not made on a device', () => {
    expect(reasonOf(mutation('finding', 'bevinding-1', { note: 'x' }))).toBe('invalid-payload');
    expect(reasonOf(mutation('findingStatusChange', 'stap-1', { note: 'x' }))).toBe('invalid-payload');
  });

  it.each([
    ['residents', 'ok'],
    [partnerCounterKey('woonkracht10'), 'ok'],
    [partnerCounterKey('Woonkracht 10'), 'unknown-field'],
    ['children', 'unknown-field'],
  ])('counts schouw participants as %s: %s', (key, expected) => {
    expect(reasonOf(mutation('schouw', schouwIdFor(activityId), { activityId }, { [key]: { [device]: { p: 2, n: 0 } } }))).toBe(expected);
  });

  it('has no counts on findings or their history', () => {
    expect(reasonOf(mutation('finding', uuidv7(now), {}, { residents: { [device]: { p: 1, n: 0 } } }))).toBe('unknown-field');
  });
});

describe('reading schouw records', () => {
  it('sums participants per partner and residents over devices', () => {
    const record: Mergeable = {
      fields: {},
      counters: {
        residents: { a: { p: 5, n: 1 }, b: { p: 3, n: 0 } },
        [partnerCounterKey('woonkracht10')]: { a: { p: 2, n: 0 } },
        [partnerCounterKey('swa')]: { b: { p: 1, n: 1 } },
      },
    };
    expect(schouwParticipants(record)).toEqual({ residents: 7, partners: [['woonkracht10', 2]], total: 9 });
  });

  it('fills in a finding’s defaults', () => {
    const values = { schouwId: activityId, buurtId: 'oranjebuurt', element: 'tree', aspect: 'opportunity', createdAt: now, createdBy: 'u' };
    const record: SyncRecord = {
      id: 'f',
      type: 'finding',
      tenantId: 'alblasserdam',
      fields: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { v, t }])),
      counters: {},
    };
    expect(findingOf(record)).toMatchObject({ photos: [], level: null, status: 'new', meldingStatus: 'notReported', teamId: null, deleted: false });
  });
});
