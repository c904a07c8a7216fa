/**
 * The monitoring endpoint on SQLite and PostgreSQL, through HTTP: a fixture
 * with known answers — computed by hand below, not read back from the code
 * under test — for two buurten and two quarters, the Amsterdam period edges
 * (31 March 23:30 is Q1, 1 April 00:30 is Q2, also across the DST change of
 * the last Sunday of March), the professional's scope, and identical answers
 * from both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { attendanceIdFor } from '../../../src/domain/attendance.ts';
import { MonitoringAnswerSchema, type MonitoringAnswer } from '../../../src/domain/indicators.ts';
import { residentCountIdFor } from '../../../src/domain/monitoring-settings.ts';
import { schouwIdFor } from '../../../src/domain/schouw.ts';
import { createApp } from '../../../src/server/app.ts';
import { activityValues, createTestUser, putRecords, type ServerRecord, type TestUser } from '../../fixtures/server-auth.ts';
import { publicSpaceValues, roundValues, safetyValues } from '../../fixtures/server-patrol.ts';
import { findingValues, statusChangeValues } from '../../fixtures/server-schouw.ts';
import { idFactory, mutation } from '../../fixtures/server-mutations.ts';
import { NOW, TENANT } from '../../fixtures/fixed.ts';
import { apiClient } from './api-client.ts';
import { DIALECTS, HAS_POSTGRES, openTestDatabase, type TestDatabase } from './databases.ts';

const A = 'oranjebuurt';
const B = 'kinderdijk';
const TEAM = 'buurtpreventie-oranjebuurt';
const DAY = 86_400_000;
const MINUTE = 60_000;
/** Instants in UTC; Amsterdam is UTC+1 until 30 March 2025 01:00 UTC, then UTC+2. */
const utc = (iso: string) => Date.parse(`${iso}Z`);

const ids = idFactory(0x6d0e);
const id = { a1: ids(), a2: ids(), a3: ids(), a4: ids(), a5: ids(), a6: ids(), a7: ids(), s1: ids(), s2: ids(), other: ids() };
const f = { f1: ids(), f2: ids(), f3: ids(), f4: ids(), f5: ids(), f6: ids(), f7: ids() };
const r = { r1: ids(), r2: ids(), r3: ids(), r4: ids() };

function held(buurtId: string, date: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return activityValues(buurtId, null, { date, status: 'held', ...extra });
}

const ACTIVITIES: ServerRecord[] = [
  { type: 'activity', id: id.a1, values: held(A, '2025-02-10', { themes: ['veiligheid-overlast'], organisers: [{ partnerId: 'wijkteam' }] }) },
  {
    type: 'activity',
    id: id.a2,
    values: held(A, '2025-03-31', {
      start: '23:30',
      type: 'clean-up',
      projectId: 'schoon-oranje',
      participatingOrganisations: [{ name: 'Kerk' }, { partnerId: 'wijkteam' }],
    }),
  },
  { type: 'activity', id: id.a3, values: held(B, '2025-01-15', { organisers: [{ name: ' kerk ' }] }) },
  { type: 'activity', id: id.a4, values: held(A, '2025-04-01', { start: '00:30' }) },
  { type: 'activity', id: id.a5, values: held(A, '2025-02-20', { status: 'planned' }) },
  { type: 'activity', id: id.a6, values: held(B, '2025-05-05') },
  { type: 'activity', id: id.a7, values: held(A, '2025-03-02', { status: 'cancelled' }) },
  { type: 'activity', id: id.s1, values: held(A, '2025-03-15', { type: 'schouw' }) },
  { type: 'activity', id: id.s2, values: held(B, '2025-06-01', { type: 'schouw', status: 'planned' }) },
  { type: 'schouw', id: schouwIdFor(id.s1), values: { activityId: id.s1, targetLevel: 'B' } },
  { type: 'schouw', id: schouwIdFor(id.s2), values: { activityId: id.s2, targetLevel: 'A' } },
];

/** Findings: F1 at 23:30 on 31 March (Q1), F2 at 00:30 on 1 April (Q2), both CEST. */
const FINDINGS: ServerRecord[] = [
  finding(f.f1, id.s1, A, '2025-03-31T21:30:00', { level: 'C', status: 'resolved', meldingNumber: 'FIXI-1' }),
  finding(f.f2, id.s1, A, '2025-03-31T22:30:00', { level: 'A', status: 'new' }),
  finding(f.f3, id.s1, A, '2025-02-01T10:00:00', { level: 'B', status: 'resolved', element: 'pavement', aspect: 'loosePaving' }),
  finding(f.f4, id.s1, A, '2025-02-02T10:00:00', { level: 'D', status: 'reported', meldingNumber: 'FIXI-2' }),
  finding(f.f5, id.s1, A, '2025-03-01T10:00:00', { level: null, status: 'resolved' }),
  finding(f.f6, id.s2, B, '2025-01-10T10:00:00', { level: 'A', status: 'wontFix' }),
  finding(f.f7, id.s2, B, '2025-05-10T10:00:00', { level: 'B', status: 'inProgress' }),
];
const CHANGES: ServerRecord[] = [
  change(f.f1, A, utc('2025-03-31T21:30:00') + 10 * DAY, 'resolved'),
  change(f.f3, A, utc('2025-02-01T10:00:00') + 3 * DAY, 'reported'),
  change(f.f3, A, utc('2025-02-01T10:00:00') + 20 * DAY, 'resolved'),
  change(f.f4, A, utc('2025-02-02T10:00:00') + DAY, 'reported'),
  change(f.f5, A, utc('2025-03-01T10:00:00') + 40 * DAY, 'resolved'),
];

/** Rounds: R1 at 01:30 CET on the night of the DST change (Q1), R4 at 00:15 CEST on 1 April (Q2). */
const ROUNDS: ServerRecord[] = [
  round(r.r1, [A], '2025-03-30T00:30:00', 90, 2),
  round(r.r2, [A, B], '2025-02-10T19:00:00', 120, 1),
  round(r.r3, [B], '2025-03-05T19:00:00', null, 3),
  round(r.r4, [A], '2025-03-31T22:15:00', 60, 2),
  { type: 'safetyObservation', id: ids(), values: safetyValues(r.r1, TEAM, A, { observedAt: utc('2025-03-30T01:00:00'), createdAt: NOW - DAY }) },
  {
    type: 'publicSpaceObservation',
    id: ids(),
    values: publicSpaceValues(r.r1, TEAM, A, { observedAt: utc('2025-03-30T01:10:00'), meldingNumber: 'FIXI-3', createdAt: NOW - DAY }),
  },
  {
    type: 'publicSpaceObservation',
    id: ids(),
    values: publicSpaceValues(r.r2, TEAM, B, { observedAt: utc('2025-02-10T19:30:00'), type: 'dumpedWaste', createdAt: NOW - DAY }),
  },
];

const RESIDENTS: ServerRecord[] = [
  { type: 'residentCount', id: residentCountIdFor(A, 2025), values: { buurtId: A, year: 2025, count: 1000 } },
  { type: 'residentCount', id: residentCountIdFor(B, 2025), values: { buurtId: B, year: 2025, count: 500 } },
];

function finding(recordId: string, schouwId: string, buurtId: string, at: string, extra: Record<string, unknown>): ServerRecord {
  return { type: 'finding', id: recordId, values: findingValues(schouwId, buurtId, null, { createdAt: utc(at), ...extra }) };
}

function change(findingId: string, buurtId: string, at: number, to: string): ServerRecord {
  return { type: 'findingStatusChange', id: ids(), values: statusChangeValues(findingId, buurtId, null, { to, at }) };
}

function round(recordId: string, buurtIds: string[], start: string, minutes: number | null, walkers: number): ServerRecord {
  const startedAt = utc(start);
  const people = Array.from({ length: walkers }, () => ids());
  return {
    type: 'patrolRound',
    id: recordId,
    values: roundValues(TEAM, buurtIds, people, {
      startedAt,
      endedAt: minutes === null ? null : startedAt + minutes * MINUTE,
      closedBy: minutes === null ? 'app' : 'walkers',
      createdAt: startedAt,
    }),
  };
}

/** Attendance counted by a coordinator's phone over HTTP: residents, volunteers, first-timers and PC4 tallies. */
const ATTENDANCE: Array<[string, Record<string, number>]> = [
  [id.a1, { residents: 10, volunteers: 2, firstTimers: 3, 'pc4:2951': 8 }],
  [id.a2, { residents: 20, firstTimers: 5, 'pc4:2951': 5, 'pc4:2952': 10 }],
  [id.a3, { residents: 6 }],
  [id.a4, { residents: 30, firstTimers: 10, 'pc4:2953': 30 }],
  [id.a5, { residents: 100 }],
];

type Figures = Record<string, number | null>;
const figures = (answer: MonitoringAnswer): Figures => Object.fromEntries(answer.indicators.map((i) => [i.key, i.value]));

/** Q1 2025, whole tenant — by hand. */
const Q1_TENANT: Figures = {
  'activities-held': 4, // A1, A2, A3, S1 (A5 planned, A7 cancelled)
  participants: 38, // 12 + 20 + 6
  'participants-mean': 12.7, // 38 / 3 counted
  'participants-median': 12, // 6, 12, 20
  'participants-per-100': 2.5, // 38 / 1500 residents
  'first-timers': 8,
  organisations: 2, // wijkteam, kerk (one name, however typed)
  'reach-pc4': 2, // 2951, 2952
  findings: 5, // F1 (31 March 23:30), F3, F4, F5, F6
  'findings-meeting-target': 50, // F3 (B ≥ B), F6 (A ≥ A) of 4 rated
  'findings-open': 1, // F4
  'findings-resolved': 3, // F1, F3, F5
  'resolve-days-median': 20, // 10, 20, 40 days
  'resolved-within-14': 20, // F1 of 5
  'resolved-within-30': 40, // F1, F3 of 5
  'patrol-rounds': 3, // R1 (DST night), R2, R3
  'patrol-hours': 3.5, // 1.5 + 2 (R3's end unknown)
  'patrol-two-walkers': 66.7, // R1, R3
  observations: 3,
  'public-space-with-melding': 50, // 1 of 2
  meldingen: 3, // F1, F4, one observation
};

/** Q1 2025, Oranjebuurt only. */
const Q1_A: Figures = {
  'activities-held': 3,
  participants: 32,
  'participants-mean': 16,
  'participants-median': 16,
  'participants-per-100': 3.2,
  'first-timers': 8,
  organisations: 2,
  'reach-pc4': 2,
  findings: 4,
  'findings-meeting-target': 33.3,
  'findings-open': 1,
  'findings-resolved': 3,
  'resolve-days-median': 20,
  'resolved-within-14': 25,
  'resolved-within-30': 50,
  'patrol-rounds': 2, // R1, R2 (its area holds both buurten)
  'patrol-hours': 3.5,
  'patrol-two-walkers': 50,
  observations: 2,
  'public-space-with-melding': 100,
  meldingen: 3,
};

/** Q2 2025, whole tenant. */
const Q2_TENANT: Figures = {
  'activities-held': 2, // A4 (1 April 00:30), A6
  participants: 30,
  'participants-mean': 30,
  'participants-median': 30,
  'participants-per-100': 2,
  'first-timers': 10,
  organisations: 0,
  'reach-pc4': 1,
  findings: 2, // F2 (1 April 00:30 CEST), F7
  'findings-meeting-target': 50, // F2 (A ≥ B); F7 (B < A) not
  'findings-open': 2,
  'findings-resolved': 0,
  'resolve-days-median': null,
  'resolved-within-14': 0,
  'resolved-within-30': 0,
  'patrol-rounds': 1, // R4 (1 April 00:15 CEST)
  'patrol-hours': 1,
  'patrol-two-walkers': 100,
  observations: 0,
  'public-space-with-melding': null,
  meldingen: 0,
};

const answers = new Map<string, unknown>();

describe.each(DIALECTS)('monitoring on %s', (dialect) => {
  let test: TestDatabase;
  let coordinator: TestUser;
  let professional: TestUser;
  let police: TestUser;
  let volunteer: TestUser;
  let app: ReturnType<typeof createApp>;

  const get = async (user: TestUser, query: string) => apiClient(app, user).call('GET', `/api/v1/monitoring?${query}`);
  const ok = async (user: TestUser, query: string): Promise<MonitoringAnswer> => {
    const answer = await get(user, query);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const parsed = z.parse(MonitoringAnswerSchema, answer.body);
    answers.set(`${dialect} ${user.role} ${query}`, parsed);
    return parsed;
  };

  beforeAll(async () => {
    test = await openTestDatabase(dialect);
    app = createApp({ db: test.database, now: () => NOW });
    coordinator = await createTestUser(test.database, { role: 'coordinator', devices: ['mon-coordinator'] });
    professional = await createTestUser(test.database, { role: 'professional', buurtIds: [A], devices: ['mon-professional'] });
    police = await createTestUser(test.database, { role: 'police', buurtIds: [A], devices: ['mon-police'] });
    volunteer = await createTestUser(test.database, { role: 'volunteer', devices: ['mon-volunteer'] });
    await putRecords(test.database, TENANT, [...ACTIVITIES, ...FINDINGS, ...CHANGES, ...ROUNDS, ...RESIDENTS], NOW - 60_000);
    // Another tenant's held activity in the same quarter never counts.
    await putRecords(test.database, 'ridderkerk', [{ type: 'activity', id: id.other, values: { ...held('bolnes', '2025-02-10'), title: 'Elders' } }]);
    const pushes = ATTENDANCE.map(([activityId, counts]) => ({
      ...mutation(ids, 'attendance', attendanceIdFor(activityId), { activityId, method: 'headcount' }, { device: 'mon-coordinator' }),
      counters: Object.fromEntries(Object.entries(counts).map(([key, p]) => [key, { 'mon-coordinator': { p, n: 0 } }])),
    }));
    const pushed = await apiClient(app, coordinator).push('mon-coordinator', pushes);
    expect(pushed.body.results.map((result) => result.status)).toEqual(pushes.map(() => 'applied'));
  });
  afterAll(() => test.cleanup());

  it('counts the first quarter for the tenant, the last day until 23:59 Amsterdam time', async () => {
    const answer = await ok(coordinator, 'period=quarter&from=2025-02-14');
    expect(answer.period).toEqual({ kind: 'quarter', from: '2025-01-01', to: '2025-03-31' });
    expect(figures(answer)).toEqual(Q1_TENANT);
  });

  it('counts the second quarter from 1 April 00:00 Amsterdam time', async () => {
    expect(figures(await ok(coordinator, 'period=quarter&from=2025-04-01'))).toEqual(Q2_TENANT);
  });

  it('gives breakdowns by type, level, element, PC4, observation kind and source', async () => {
    const answer = await ok(coordinator, 'period=quarter&from=2025-01-01');
    const of = (key: string) => answer.indicators.find((i) => i.key === key)?.breakdowns;
    expect(of('activities-held')).toEqual({
      type: [
        { key: 'meeting', value: 2 },
        { key: 'clean-up', value: 1 },
        { key: 'schouw', value: 1 },
      ],
    });
    expect(of('reach-pc4')).toEqual({
      pc4: [
        { key: '2951', value: 13 },
        { key: '2952', value: 10 },
      ],
    });
    expect(of('findings')?.['level']).toEqual([
      { key: 'A', value: 1 },
      { key: 'B', value: 1 },
      { key: 'C', value: 1 },
      { key: 'D', value: 1 },
      { key: 'none', value: 1 },
    ]);
    expect(of('findings')?.['element']).toEqual([
      { key: 'playEquipment', value: 4 },
      { key: 'pavement', value: 1 },
    ]);
    expect(of('findings-open')?.['status']).toEqual([
      { key: 'resolved', value: 3 },
      { key: 'reported', value: 1 },
      { key: 'wontFix', value: 1 },
    ]);
    expect(of('observations')?.['kind']).toEqual([
      { key: 'publicSpace', value: 2 },
      { key: 'safety', value: 1 },
    ]);
    expect(of('meldingen')).toEqual({
      source: [
        { key: 'finding', value: 2 },
        { key: 'publicSpaceObservation', value: 1 },
      ],
    });
  });

  it('gives the trend per quarter: eight quarters ending with the period', async () => {
    const answer = await ok(coordinator, 'period=month&from=2025-05-20');
    expect(answer.period).toEqual({ kind: 'month', from: '2025-05-01', to: '2025-05-31' });
    expect(answer.quarters).toEqual(['2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2']);
    const trend = (key: string) => answer.indicators.find((i) => i.key === key)?.trend.slice(-2);
    for (const key of Object.keys(Q1_TENANT)) expect([key, trend(key)]).toEqual([key, [Q1_TENANT[key], Q2_TENANT[key]]]);
    // May alone: A6 held, no attendance; F7; no rounds.
    expect(figures(answer)).toMatchObject({ 'activities-held': 1, participants: 0, findings: 1, 'patrol-rounds': 0 });
  });

  it('filters by buurt, theme and project; patrol and meldingen have no theme', async () => {
    expect(figures(await ok(coordinator, `period=quarter&from=2025-01-01&buurtId=${A}`))).toEqual(Q1_A);
    const theme = await ok(coordinator, 'period=quarter&from=2025-01-01&themeId=veiligheid-overlast');
    expect(figures(theme)).toMatchObject({ 'activities-held': 1, participants: 12, findings: 0 });
    expect(theme.indicators.filter((i) => !i.applies).map((i) => i.key)).toEqual([
      'patrol-rounds',
      'patrol-hours',
      'patrol-two-walkers',
      'observations',
      'public-space-with-melding',
      'meldingen',
    ]);
    const project = await ok(coordinator, 'period=quarter&from=2025-01-01&projectId=schoon-oranje');
    expect(figures(project)).toMatchObject({ 'activities-held': 1, participants: 20, 'first-timers': 5 });
  });

  it('counts a year and a custom period', async () => {
    expect(figures(await ok(coordinator, 'period=year&from=2025-07-01'))).toMatchObject({
      'activities-held': 6,
      participants: 68,
      findings: 7,
      'patrol-rounds': 4,
    });
    // 31 March alone: A2 at 23:30 and F1 at 23:30 count; F2 and R4 (1 April after midnight) do not.
    expect(figures(await ok(coordinator, 'period=custom&from=2025-03-31&to=2025-03-31'))).toMatchObject({
      'activities-held': 1,
      participants: 20,
      findings: 1,
      'patrol-rounds': 0,
    });
  });

  it("limits a professional to their buurten: the same figures as the coordinator's for that buurt, never another's", async () => {
    const own = await ok(professional, 'period=quarter&from=2025-01-01');
    expect(own.buurtIds).toEqual([A]);
    expect(figures(own)).toEqual(Q1_A);
    expect(figures(own)).toEqual(figures(await ok(coordinator, `period=quarter&from=2025-01-01&buurtId=${A}`)));
    const elsewhere = await get(professional, `period=quarter&from=2025-01-01&buurtId=${B}`);
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.error.reason).toBe('forbidden');
  });

  it('answers 403 to the police and volunteers, 400 to a bad query, 401 without a token', async () => {
    for (const user of [police, volunteer]) expect((await get(user, 'period=quarter')).status).toBe(403);
    const bad = await get(coordinator, 'period=week');
    expect(bad.status).toBe(400);
    expect(bad.body.error.reason).toBe('invalid-payload');
    expect((await get(coordinator, 'period=custom&from=2025-04-01&to=2025-03-01')).status).toBe(400);
    expect((await get(coordinator, 'period=custom&from=2025-04-01')).status).toBe(400);
    expect((await apiClient(app).call('GET', '/api/v1/monitoring')).status).toBe(401);
  });

  it('follows changes: a deleted activity and a recount leave the figures at once', async () => {
    await putRecords(test.database, TENANT, [{ type: 'activity', id: id.a3, values: { deleted: true } }], NOW - 30_000);
    expect(figures(await ok(coordinator, 'period=quarter&from=2025-01-01'))).toMatchObject({ 'activities-held': 3, participants: 32 });
    await putRecords(test.database, TENANT, [{ type: 'activity', id: id.a3, values: { deleted: false } }], NOW - 20_000);
  });
});

describe.runIf(HAS_POSTGRES)('SQLite and PostgreSQL', () => {
  it('give identical answers to every query', () => {
    const keys = [...answers.keys()].filter((key) => key.startsWith('sqlite '));
    expect(keys.length).toBeGreaterThan(8);
    for (const key of keys) expect([key, answers.get(key.replace(/^sqlite /, 'postgres '))]).toEqual([key, answers.get(key)]);
  });
});
