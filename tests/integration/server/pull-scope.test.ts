/**
 * Pull returns what the caller may read, and rebuilds a device's view when
 * what they may read changes: the cursor carries a fingerprint of the scope,
 * and a cursor of another scope starts again from 0 with `reset: true`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendanceIdFor } from '../../../src/domain/attendance.ts';
import { isConfigRecordType } from '../../../src/domain/config-records.ts';
import type { SyncRecord } from '../../../src/domain/records.ts';
import { createApp } from '../../../src/server/app.ts';
import { activityValues, createTestUser, putRecords, setTeamMembers, type TestUser } from '../../fixtures/server-auth.ts';
import { idFactory } from '../../fixtures/server-mutations.ts';
import { NOW, TENANT } from '../../fixtures/fixed.ts';
import { apiClient } from './api-client.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from './databases.ts';

const TEAM_A = 'buurtpreventie-oranjebuurt';
const TEAM_B = 'schouwgroep-staatsliedenbuurt';

describe.each(DIALECTS)('pull by scope on %s', (dialect) => {
  let test: TestDatabase;
  let volunteer: TestUser;
  const ids = idFactory(0x5c0e);
  const teamA = [ids(), ids(), ids()];
  const teamB = [ids(), ids()];
  const noTeam = [ids(), ids(), ids(), ids()];
  const client = (user: TestUser) => apiClient(createApp({ db: test.database, now: () => NOW }), user);
  const activityIds = (records: readonly SyncRecord[]) =>
    records
      .filter((r) => r.type === 'activity')
      .map((r) => r.id)
      .sort();
  const sorted = (values: readonly string[]) => [...values].sort();

  beforeAll(async () => {
    test = await openTestDatabase(dialect);
    volunteer = await createTestUser(test.database, { role: 'volunteer', devices: ['vol-phone-01'] });
    await setTeamMembers(test.database, TENANT, TEAM_A, [volunteer.userId]);
    // Interleaved, so team A's records are spread over pages full of records the volunteer may not read.
    const records = [
      ...noTeam.slice(0, 2).map((id) => [id, null] as const),
      ...teamA.map((id) => [id, TEAM_A] as const),
      ...teamB.map((id) => [id, TEAM_B] as const),
      ...noTeam.slice(2).map((id) => [id, null] as const),
    ];
    await putRecords(
      test.database,
      TENANT,
      records.flatMap(([id, team]) => [
        { type: 'activity' as const, id, values: activityValues('oranjebuurt', team) },
        { type: 'attendance' as const, id: attendanceIdFor(id), values: { activityId: id } },
      ]),
    );
  });
  afterAll(() => test.cleanup());

  it('gives a volunteer exactly their team’s activities and counts, their team, and the shared configuration', async () => {
    const records = await client(volunteer).pullAll(5);
    expect(activityIds(records)).toEqual(sorted(teamA));
    expect(sorted(records.filter((r) => r.type === 'attendance').map((r) => r.id))).toEqual(sorted(teamA.map(attendanceIdFor)));
    expect(records.filter((r) => r.type === 'team').map((r) => r.id)).toEqual([TEAM_A]);
    expect(records.filter((r) => isConfigRecordType(r.type) && r.type !== 'team').length).toBeGreaterThan(20);
  });

  it('moves the cursor past records the caller may not read, and says there is more until all changes are passed', async () => {
    const volunteerClient = client(volunteer);
    const first = await volunteerClient.pull('0', 1);
    // The first change is a seeded buurt (readable); walk on until a page holds only unreadable changes.
    let cursor = first.body.cursor;
    let sawEmptyPageWithMore = false;
    for (;;) {
      const { body } = await volunteerClient.pull(cursor, 2);
      if (body.records.length === 0 && body.hasMore) sawEmptyPageWithMore = true;
      expect(Number(body.cursor.split('.')[1])).toBeGreaterThan(Number(cursor.split('.')[1]));
      cursor = body.cursor;
      if (!body.hasMore) break;
    }
    expect(sawEmptyPageWithMore).toBe(true);
    const after = await volunteerClient.pull(cursor, 2);
    expect(after.body).toMatchObject({ records: [], cursor, hasMore: false });
    expect(after.body.reset).toBeUndefined();
  });

  it('resets a volunteer moved to another team, then gives exactly the new team’s records', async () => {
    const moving = await createTestUser(test.database, { role: 'volunteer', devices: ['moving-phone-01'] });
    await setTeamMembers(test.database, TENANT, TEAM_A, [volunteer.userId, moving.userId], NOW - 20_000);
    const api = client(moving);
    let cursor = '0';
    for (let more = true; more; ) {
      const { body } = await api.pull(cursor, 50);
      expect(body.reset).toBeUndefined();
      [cursor, more] = [body.cursor, body.hasMore];
    }

    // The coordinator moves them: out of team A, into team B.
    await setTeamMembers(test.database, TENANT, TEAM_A, [volunteer.userId], NOW - 10_000);
    await setTeamMembers(test.database, TENANT, TEAM_B, [moving.userId], NOW - 10_000);

    const first = await api.pull(cursor, 50);
    expect(first.body.reset).toBe(true);
    const records = [...first.body.records];
    for (let next = first.body.cursor, more = first.body.hasMore; more; ) {
      const { body } = await api.pull(next, 50);
      expect(body.reset).toBeUndefined();
      records.push(...body.records);
      [next, more] = [body.cursor, body.hasMore];
    }
    expect(activityIds(records)).toEqual(sorted(teamB));
    expect(sorted(records.filter((r) => r.type === 'attendance').map((r) => r.id))).toEqual(sorted(teamB.map(attendanceIdFor)));
    expect(records.filter((r) => r.type === 'team').map((r) => r.id)).toEqual([TEAM_B]);
  });

  it('resets a professional whose buurten change', async () => {
    const professional = await createTestUser(test.database, { role: 'professional', buurtIds: ['kinderdijk'], devices: ['prof-phone-01'] });
    const before = await client(professional).pull('0', 1000);
    expect(activityIds(before.body.records)).toEqual([]);
    await test.database.db
      .updateTable('users')
      .set({ buurt_ids: JSON.stringify(['oranjebuurt']) })
      .where('id', '=', professional.userId)
      .execute();
    const after = await client(professional).pull(before.body.cursor, 1000);
    expect(after.body.reset).toBe(true);
    expect(activityIds(after.body.records)).toEqual(sorted([...teamA, ...teamB, ...noTeam]));
  });

  it.each([
    ['a cursor from before scopes (a bare number)', '17'],
    ['a cursor of another scope', 'abcdef012345.17'],
  ])('starts again from 0 with reset on %s', async (_what, cursor) => {
    const { body } = await client(volunteer).pull(cursor, 1000);
    expect(body.reset).toBe(true);
    expect(activityIds(body.records)).toEqual(sorted(teamA));
  });

  it('does not reset a first pull', async () => {
    expect((await client(volunteer).pull('0', 1)).body.reset).toBeUndefined();
  });

  it('lets a police officer read counts by their activity’s buurt, with the activity on an earlier page', async () => {
    const police = await createTestUser(test.database, { role: 'police', buurtIds: ['oranjebuurt'], devices: ['police-phone-01'] });
    const elsewhere = ids();
    await putRecords(test.database, TENANT, [{ type: 'activity', id: elsewhere, values: activityValues('kinderdijk', null) }], NOW - 5000);
    await putRecords(test.database, TENANT, [{ type: 'attendance', id: attendanceIdFor(elsewhere), values: { activityId: elsewhere } }], NOW - 4000);
    // One record per page: every attendance record's activity is on another page.
    const records = await client(police).pullAll(1);
    const counted = records.filter((r) => r.type === 'attendance').map((r) => r.id);
    expect(sorted(counted)).toEqual(sorted([...teamA, ...teamB, ...noTeam].map(attendanceIdFor)));
    expect(counted).not.toContain(attendanceIdFor(elsewhere));
  });
});
