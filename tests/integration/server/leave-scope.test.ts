/**
 * Leaving scope (issue 13, item 5): a record moved to another buurt or team
 * — or whose activity moved — is named in the pull's `gone` for whoever
 * could read it before and cannot now, from the cursor they had (no reset),
 * and only for them: the new buurt gets the records, a professional of a
 * third buurt learns nothing, a coordinator keeps reading. A record that
 * moves back arrives again, and `gone` is split over pages like records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendanceIdFor } from '../../../src/domain/attendance.ts';
import type { PullResponse } from '../../../src/domain/protocol.ts';
import { schouwIdFor } from '../../../src/domain/schouw.ts';
import { createApp } from '../../../src/server/app.ts';
import { activityValues, createTestUser, setTeamMembers, type TestUser } from '../../fixtures/server-auth.ts';
import { NOW, TENANT } from '../../fixtures/fixed.ts';
import { findingValues, statusChangeValues } from '../../fixtures/server-schouw.ts';
import { attendance, idFactory, mutation } from '../../fixtures/server-mutations.ts';
import { apiClient } from './api-client.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from './databases.ts';

const OLD_BUURT = 'oranjebuurt';
const NEW_BUURT = 'kinderdijk';
const OLD_TEAM = 'buurtpreventie-oranjebuurt';
const NEW_TEAM = 'schouwgroep-staatsliedenbuurt';

describe.each(DIALECTS)('records leaving a person’s scope on %s', (dialect) => {
  let test: TestDatabase;
  let coordinator: TestUser;
  let oldProfessional: TestUser;
  let newProfessional: TestUser;
  let thirdProfessional: TestUser;
  let oldVolunteer: TestUser;
  const ids = idFactory(0x9e5c);
  const round = ids();
  const findings = [ids(), ids()];
  const followUps = [ids(), ids()];
  /** An activity of the old team that stays put: never gone. */
  const staying = ids();
  let offset = 0;
  const stamp = (device: string) => ({ device, offsetMs: (offset += 1000) });
  const client = (user: TestUser) => apiClient(createApp({ db: test.database, now: () => NOW + 600_000 }), user);
  const roundIds = () => [round, schouwIdFor(round), attendanceIdFor(round), ...findings, ...followUps].sort();
  /** Everyone's cursor at the end of their pull before the move. */
  const before = new Map<TestUser, string>();

  /** Every page from `cursor`: the records, the gone ids, whether any page reset, and the last cursor. */
  async function pullFrom(user: TestUser, cursor: string, limit = 1000) {
    const records: PullResponse['records'] = [];
    const gone: Array<{ id: string; type: string }> = [];
    let reset = false;
    for (let next = cursor, more = true; more; ) {
      const { body } = await client(user).pull(next, limit);
      records.push(...body.records);
      gone.push(...(body.gone ?? []));
      reset ||= body.reset === true;
      [next, more] = [body.cursor, body.hasMore];
      cursor = body.cursor;
    }
    return { records, gone, reset, cursor };
  }
  const ofRound = (items: ReadonlyArray<{ id: string }>) => [...new Set(items.map((item) => item.id).filter((id) => roundIds().includes(id)))].sort();

  async function moveRound(buurtId: string, teamId: string): Promise<void> {
    const moved = await client(coordinator).push('ls-coord-01', [mutation(ids, 'activity', round, { buurtId, teamId }, stamp('ls-coord-01'))]);
    expect(moved.body.results[0]?.status).toBe('applied');
  }

  beforeAll(async () => {
    test = await openTestDatabase(dialect);
    coordinator = await createTestUser(test.database, { role: 'coordinator', devices: ['ls-coord-01'] });
    oldProfessional = await createTestUser(test.database, { role: 'professional', buurtIds: [OLD_BUURT], devices: ['ls-prof-old-01'] });
    newProfessional = await createTestUser(test.database, { role: 'professional', buurtIds: [NEW_BUURT], devices: ['ls-prof-new-01'] });
    thirdProfessional = await createTestUser(test.database, { role: 'professional', buurtIds: ['centrum'], devices: ['ls-prof-third-01'] });
    oldVolunteer = await createTestUser(test.database, { role: 'volunteer', devices: ['ls-vol-old-01'] });
    await setTeamMembers(test.database, TENANT, OLD_TEAM, [oldVolunteer.userId]);

    // A schouw round in the old buurt and team: its schouw record, counts, two findings and their follow-up.
    const made = await client(coordinator).push('ls-coord-01', [
      mutation(ids, 'activity', round, activityValues(OLD_BUURT, OLD_TEAM, { type: 'schouw' }), stamp('ls-coord-01')),
      mutation(ids, 'schouw', schouwIdFor(round), { activityId: round, kind: 'withResidents', method: 'crow', targetLevel: 'B' }, stamp('ls-coord-01')),
      attendance(ids, round, 'ls-coord-01', { residents: { p: 3 } }, (offset += 1000)),
      ...findings.map((finding) => mutation(ids, 'finding', finding, findingValues(round, OLD_BUURT, OLD_TEAM), stamp('ls-coord-01'))),
      ...findings.map((finding, index) =>
        mutation(ids, 'findingStatusChange', followUps[index] as string, statusChangeValues(finding, OLD_BUURT, OLD_TEAM), stamp('ls-coord-01')),
      ),
      mutation(ids, 'activity', staying, activityValues(OLD_BUURT, OLD_TEAM), stamp('ls-coord-01')),
    ]);
    expect(made.body.results.every((result) => result.status === 'applied')).toBe(true);
    for (const user of [coordinator, oldProfessional, newProfessional, thirdProfessional, oldVolunteer]) {
      const pulled = await pullFrom(user, '0');
      before.set(user, pulled.cursor);
    }
    await moveRound(NEW_BUURT, NEW_TEAM);
  });
  afterAll(() => test.cleanup());

  it('names the round and every child of it as gone for the old buurt’s professional, from their cursor, without content or reset', async () => {
    const pulled = await pullFrom(oldProfessional, before.get(oldProfessional) as string);
    expect(pulled.reset).toBe(false);
    expect(ofRound(pulled.records)).toEqual([]);
    expect(ofRound(pulled.gone)).toEqual(roundIds());
    expect(pulled.gone.map((item) => item.id)).not.toContain(staying);
    expect(pulled.gone.find((item) => item.id === round)?.type).toBe('activity');
    expect(pulled.gone.find((item) => item.id === attendanceIdFor(round))?.type).toBe('attendance');
    // Told once: from the cursor after it, nothing is gone any more.
    expect((await pullFrom(oldProfessional, pulled.cursor)).gone).toEqual([]);
  });

  it('names them gone for the old team’s volunteer too, page by page with one change a page', async () => {
    const pulled = await pullFrom(oldVolunteer, before.get(oldVolunteer) as string, 1);
    expect(pulled.reset).toBe(false);
    expect(ofRound(pulled.gone)).toEqual(roundIds());
  });

  it('brings them to the new buurt’s professional, and tells those who still read them or never did nothing of a departure', async () => {
    const arrived = await pullFrom(newProfessional, before.get(newProfessional) as string);
    expect(ofRound(arrived.records)).toEqual(roundIds());
    expect(arrived.gone).toEqual([]);
    const coordinatorPull = await pullFrom(coordinator, before.get(coordinator) as string);
    expect(ofRound(coordinatorPull.records)).toEqual(roundIds());
    expect(coordinatorPull.gone).toEqual([]);
    const third = await pullFrom(thirdProfessional, before.get(thirdProfessional) as string);
    expect(third.records.map((record) => record.id).filter((id) => roundIds().includes(id))).toEqual([]);
    expect(third.gone).toEqual([]);
  });

  it('brings a record that moves back into scope, not gone, both from before the first move and from after it', async () => {
    const afterFirstMove = (await pullFrom(oldProfessional, before.get(oldProfessional) as string)).cursor;
    await moveRound(OLD_BUURT, OLD_TEAM);
    for (const cursor of [afterFirstMove, before.get(oldProfessional) as string]) {
      const pulled = await pullFrom(oldProfessional, cursor);
      expect(pulled.reset).toBe(false);
      expect(ofRound(pulled.records)).toEqual(roundIds());
      expect(pulled.gone).toEqual([]);
    }
    // …and now the new buurt's professional, who had them, sees them go.
    const gone = await pullFrom(newProfessional, before.get(newProfessional) as string);
    expect(ofRound(gone.gone)).toEqual(roundIds());
    expect(ofRound(gone.records)).toEqual([]);
  });

  it('names a plain activity moved to another team gone for the old team’s volunteer, with its counts', async () => {
    const activity = ids();
    const made = await client(coordinator).push('ls-coord-01', [
      mutation(ids, 'activity', activity, activityValues(OLD_BUURT, OLD_TEAM), stamp('ls-coord-01')),
      attendance(ids, activity, 'ls-coord-01', { residents: { p: 2 } }, (offset += 1000)),
    ]);
    expect(made.body.results.every((result) => result.status === 'applied')).toBe(true);
    const cursor = (await pullFrom(oldVolunteer, '0')).cursor;
    const moved = await client(coordinator).push('ls-coord-01', [mutation(ids, 'activity', activity, { teamId: NEW_TEAM }, stamp('ls-coord-01'))]);
    expect(moved.body.results[0]?.status).toBe('applied');
    const pulled = await pullFrom(oldVolunteer, cursor);
    expect(pulled.gone.map((item) => item.id).sort()).toEqual([activity, attendanceIdFor(activity)].sort());
    // The old buurt's professional still reads it (same buurt): nothing gone for them.
    const professional = await pullFrom(oldProfessional, '0');
    expect(professional.records.map((record) => record.id)).toContain(activity);
  });
});
