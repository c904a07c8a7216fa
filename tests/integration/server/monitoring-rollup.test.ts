/**
 * The monitoring rollup (src/server/db/rollups.ts) stays equal to the facts
 * through every path that changes them, on SQLite and PostgreSQL: edits
 * (a recount, another organisation, a status change, a schouw's target),
 * deletes, a move to another quarter, a move to another buurt (the findings
 * follow their schouw), an erasure and a purge. After each step:
 *
 * - the rollup holds exactly the rows a rebuild from all facts gives;
 * - a quarter view (read from the rollup) has the same figures and
 *   breakdowns as a custom period over the same records that is not whole
 *   quarters (read from the facts): 31 December, a day without records,
 *   plus the quarter — for the tenant and for one buurt;
 * - the figures that cannot be summed (organisations, PC4 reach, medians)
 *   are as counted by hand.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { attendanceIdFor } from '../../../src/domain/attendance.ts';
import { MonitoringAnswerSchema, type MonitoringAnswer } from '../../../src/domain/indicators.ts';
import { schouwIdFor } from '../../../src/domain/schouw.ts';
import { createApp } from '../../../src/server/app.ts';
import { deleteFacts } from '../../../src/server/db/facts.ts';
import { rebuildRollups } from '../../../src/server/db/rollups.ts';
import { middleValuesOfCounts } from '../../../src/server/monitoring/query.ts';
import { purgeExpiredPatrolData } from '../../../src/server/patrol-retention.ts';
import { activityValues, createTestUser, putRecords, type ServerRecord, type TestUser } from '../../fixtures/server-auth.ts';
import { roundValues } from '../../fixtures/server-patrol.ts';
import { findingValues, statusChangeValues } from '../../fixtures/server-schouw.ts';
import { idFactory, mutation } from '../../fixtures/server-mutations.ts';
import { NOW, TENANT } from '../../fixtures/fixed.ts';
import { apiClient } from './api-client.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from './databases.ts';

const A = 'oranjebuurt';
const B = 'kinderdijk';
const DAY = 86_400_000;
/** Instants in UTC. */
const utc = (iso: string) => Date.parse(`${iso}Z`);

const ids = idFactory(0x9011);
const id = { a1: ids(), a2: ids(), a3: ids(), s1: ids(), f1: ids(), f2: ids(), round: ids() };

type Figures = Record<string, number | null>;
const figures = (answer: MonitoringAnswer): Figures => Object.fromEntries(answer.indicators.map((i) => [i.key, i.value]));

describe.each(DIALECTS)('the monitoring rollup on %s', (dialect) => {
  let test: TestDatabase;
  let coordinator: TestUser;
  let person: TestUser;
  let app: ReturnType<typeof createApp>;
  let stamp = NOW - 50_000;
  const put = (records: ServerRecord[]) => putRecords(test.database, TENANT, records, (stamp += 1_000));

  const answer = async (query: string): Promise<MonitoringAnswer> => {
    const response = await apiClient(app, coordinator).call('GET', `/api/v1/monitoring?${query}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return z.parse(MonitoringAnswerSchema, response.body);
  };
  const rollupRows = () =>
    test.database.db
      .selectFrom('indicator_rollups')
      .selectAll()
      .orderBy('tenant_id')
      .orderBy('kind')
      .orderBy('quarter')
      .orderBy('buurt_id')
      .orderBy('value')
      .execute();

  /** Pushes a device's running attendance totals of an activity, as a phone counts them. */
  const count = async (activityId: string, counts: Record<string, number>) => {
    const push = {
      ...mutation(ids, 'attendance', attendanceIdFor(activityId), { activityId, method: 'headcount' }, { device: 'rollup-coordinator' }),
      counters: Object.fromEntries(Object.entries(counts).map(([key, p]) => [key, { 'rollup-coordinator': { p, n: 0 } }])),
    };
    const pushed = await apiClient(app, coordinator).push('rollup-coordinator', [push]);
    expect(pushed.body.results.map((result) => result.status)).toEqual(['applied']);
  };

  /** The rollup equals a rebuild from every fact, and the quarter view equals the same records read from the facts. */
  const consistent = async (quarterFrom: string) => {
    const kept = await rollupRows();
    await rebuildRollups(test.database.db);
    expect(kept).toEqual(await rollupRows());
    const quarterTo = quarterFrom === '2025-01-01' ? '2025-03-31' : '2025-06-30';
    const dayBefore = quarterFrom === '2025-01-01' ? '2024-12-31' : '2025-03-31';
    const out: Figures[] = [];
    for (const scope of ['', `&buurtId=${A}`, `&buurtId=${B}`]) {
      const quarter = await answer(`period=quarter&from=${quarterFrom}${scope}`);
      const custom = await answer(`period=custom&from=${dayBefore}&to=${quarterTo}${scope}`);
      expect(custom.indicators).toEqual(quarter.indicators);
      out.push(figures(quarter));
    }
    return out as [Figures, Figures, Figures];
  };

  beforeAll(async () => {
    test = await openTestDatabase(dialect);
    app = createApp({ db: test.database, now: () => NOW });
    coordinator = await createTestUser(test.database, { role: 'coordinator', devices: ['rollup-coordinator'] });
    person = await createTestUser(test.database, { role: 'professional', buurtIds: [A, B], devices: ['rollup-person'] });
    const held = (buurtId: string, date: string, extra: Record<string, unknown> = {}) => activityValues(buurtId, null, { date, status: 'held', ...extra });
    await put([
      { type: 'activity', id: id.a1, values: held(A, '2025-02-10', { organisers: [{ partnerId: 'wijkteam' }], createdBy: person.userId }) },
      { type: 'activity', id: id.a2, values: held(A, '2025-03-05', { participatingOrganisations: [{ name: 'Kerk' }] }) },
      { type: 'activity', id: id.a3, values: held(B, '2025-01-20', { organisers: [{ partnerId: 'wijkteam' }] }) },
      { type: 'activity', id: id.s1, values: held(A, '2025-02-01', { type: 'schouw' }) },
      { type: 'schouw', id: schouwIdFor(id.s1), values: { activityId: id.s1, targetLevel: 'B' } },
      {
        type: 'finding',
        id: id.f1,
        values: findingValues(id.s1, A, null, { createdAt: utc('2025-02-02T10:00:00'), level: 'C', status: 'resolved', meldingNumber: 'FIXI-1' }),
      },
      { type: 'finding', id: id.f2, values: findingValues(id.s1, A, null, { createdAt: utc('2025-03-01T10:00:00'), level: 'A', status: 'new' }) },
      { type: 'findingStatusChange', id: ids(), values: statusChangeValues(id.f1, A, null, { to: 'resolved', at: utc('2025-02-02T10:00:00') + 5 * DAY }) },
      // A round past its retention (12 months), for the purge.
      {
        type: 'patrolRound',
        id: id.round,
        values: roundValues('buurtpreventie-oranjebuurt', [A], [ids()], {
          startedAt: NOW - 400 * DAY,
          endedAt: NOW - 400 * DAY + 3_600_000,
          closedBy: 'walkers',
          createdAt: NOW - 400 * DAY,
        }),
      },
    ]);
    await count(id.a1, { residents: 10, firstTimers: 2, 'pc4:2951': 10 });
    await count(id.a2, { residents: 4, 'pc4:2952': 4 });
    await count(id.a3, { residents: 7, 'pc4:2951': 7 });
  });
  afterAll(() => test.cleanup());

  it('starts equal to the facts, with the distinct counts and medians counted by hand', async () => {
    const [tenant, a, b] = await consistent('2025-01-01');
    expect(tenant).toMatchObject({
      'activities-held': 4,
      participants: 21,
      'participants-median': 7, // 4, 7, 10
      'first-timers': 2,
      organisations: 2, // wijkteam (twice), kerk
      'reach-pc4': 2, // 2951 (twice), 2952
      findings: 2,
      'findings-meeting-target': 50, // f2 (A ≥ B); f1 (C) not
      'findings-resolved': 1,
      'resolve-days-median': 5,
      meldingen: 1,
    });
    expect(a).toMatchObject({ 'activities-held': 3, participants: 14, 'participants-median': 7, organisations: 2, 'reach-pc4': 2, findings: 2 });
    expect(b).toMatchObject({ 'activities-held': 1, participants: 7, 'participants-median': 7, organisations: 1, 'reach-pc4': 1, findings: 0 });
  });

  it('follows edits: a recount, another organisation, a status change and a schouw target', async () => {
    await count(id.a2, { residents: 12, 'pc4:2952': 4, 'pc4:2953': 8 });
    await put([
      { type: 'activity', id: id.a3, values: { organisers: [{ partnerId: 'wijkteam' }, { partnerId: 'bibliotheek' }] } },
      { type: 'finding', id: id.f2, values: { status: 'resolved', meldingNumber: 'FIXI-2' } },
      { type: 'findingStatusChange', id: ids(), values: statusChangeValues(id.f2, A, null, { to: 'resolved', at: utc('2025-03-01T10:00:00') + 20 * DAY }) },
    ]);
    // On its own: only the schouw changes, its findings' rollup rows must follow.
    await put([{ type: 'schouw', id: schouwIdFor(id.s1), values: { targetLevel: 'C' } }]);
    const [tenant, , b] = await consistent('2025-01-01');
    expect(tenant).toMatchObject({
      participants: 29,
      'participants-median': 10, // 7, 10, 12
      organisations: 3,
      'reach-pc4': 3,
      'findings-meeting-target': 100, // A and C both meet C
      'findings-resolved': 2,
      'resolve-days-median': 12.5, // 5 and 20 days
      meldingen: 2,
    });
    expect(b).toMatchObject({ organisations: 2 });
  });

  it('follows deletes: an organisation and a PC4 still counted by another activity stay, the others go', async () => {
    await put([{ type: 'activity', id: id.a3, values: { deleted: true } }]);
    const [tenant, , b] = await consistent('2025-01-01');
    expect(tenant).toMatchObject({ 'activities-held': 3, participants: 22, organisations: 2, 'reach-pc4': 3, 'participants-median': 11 });
    expect(b).toMatchObject({ 'activities-held': 0, participants: 0, organisations: 0, 'reach-pc4': 0, 'participants-median': null });
  });

  it('follows a move to another quarter: out of one, into the next', async () => {
    await put([{ type: 'activity', id: id.a2, values: { date: '2025-04-02' } }]);
    const [q1] = await consistent('2025-01-01');
    expect(q1).toMatchObject({ 'activities-held': 2, participants: 10, organisations: 1, 'reach-pc4': 1, 'participants-median': 10 });
    const [q2] = await consistent('2025-04-01');
    expect(q2).toMatchObject({ 'activities-held': 1, participants: 12, organisations: 1, 'reach-pc4': 2, 'participants-median': 12 });
  });

  it('follows a move to another buurt: the schouw and its findings leave one buurt for the other', async () => {
    await put([{ type: 'activity', id: id.s1, values: { buurtId: B } }]);
    const [tenant, a, b] = await consistent('2025-01-01');
    expect(tenant).toMatchObject({ 'activities-held': 2, findings: 2 });
    expect(a).toMatchObject({ 'activities-held': 1, findings: 0, 'resolve-days-median': null, meldingen: 0 });
    expect(b).toMatchObject({ 'activities-held': 1, findings: 2, 'resolve-days-median': 12.5, meldingen: 2 });
  });

  it('finds the middle values of a histogram, also when one value holds both middle positions', async () => {
    const ctx = { db: test.database.db, tenantId: TENANT, buurtIds: null, themeId: null, projectId: null, residents: [] };
    const histogram = sql<{ q: string; v: unknown; c: unknown }>`
      select 'x' as q, 9 as v, 1 as c union all select 'x', 7, 2
      union all select 'y', 4, 2
      union all select 'z', 3, 1 union all select 'z', 1, 1`;
    // x: 7, 7, 9; y: 4, 4; z: 1, 3.
    expect(Object.fromEntries(await middleValuesOfCounts(ctx, histogram))).toEqual({ x: [7], y: [4], z: [1, 3] });
  });

  it('stays equal through an erasure and a purge, which change no figure', async () => {
    const before = await consistent('2025-01-01');
    const erased = await apiClient(app, coordinator).call('POST', `/api/v1/users/${person.userId}/erase`);
    expect(erased.status, JSON.stringify(erased.body)).toBe(200);
    expect(await consistent('2025-01-01')).toEqual(before);
    const purged = await purgeExpiredPatrolData(test.database, NOW);
    expect(purged.flatMap((report) => report.purged.map((record) => record.id))).toContain(id.round);
    expect(await consistent('2025-01-01')).toEqual(before);
  });

  it('refreshes the rows of facts deleted by id alone (deleteFacts, as a purge calls it), whatever their type', async () => {
    const statusChange = await test.database.db
      .selectFrom('indicator_facts')
      .select('record_id')
      .where('source', '=', 'findingStatusChange')
      .where('parent_id', '=', id.f2)
      .executeTakeFirstOrThrow();
    await test.database.db.transaction().execute((trx) => deleteFacts(trx, TENANT, [id.a1, statusChange.record_id]));
    const [tenant] = await consistent('2025-01-01');
    expect(tenant).toMatchObject({ 'activities-held': 1, participants: 0, organisations: 0, 'resolve-days-median': 5 });
  });
});
