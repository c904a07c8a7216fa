/**
 * Scope follows the parent, also on a move (issue 10, item 6): when a
 * coordinator moves a schouw round to another buurt and team, its findings
 * and their follow-up entries move with it in the same push, as server-made
 * changes — the new buurt's professional pulls them with the new buurt from
 * the cursor they already had, the old buurt's professional can no longer
 * read them (nor their photo), and the audit log says who moved them. The
 * same rule for a patrol observation's follow-up (one rule, not per type).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendanceIdFor } from '../../../src/domain/attendance.ts';
import { schouwIdFor } from '../../../src/domain/schouw.ts';
import type { SyncRecord } from '../../../src/domain/records.ts';
import { createApp } from '../../../src/server/app.ts';
import { loadRecords } from '../../../src/server/db/records.ts';
import { activityValues, createTestUser, putRecords, setTeamMembers, type TestUser } from '../../fixtures/server-auth.ts';
import { observationChangeValues, publicSpaceValues, roundValues } from '../../fixtures/server-patrol.ts';
import { findingValues, statusChangeValues, variantJpeg } from '../../fixtures/server-schouw.ts';
import { NOW, TENANT } from '../../fixtures/fixed.ts';
import { attendance, idFactory, mutation } from '../../fixtures/server-mutations.ts';
import { apiClient } from './api-client.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from './databases.ts';

const OLD_BUURT = 'oranjebuurt';
const NEW_BUURT = 'kinderdijk';
const OLD_TEAM = 'buurtpreventie-oranjebuurt';
const NEW_TEAM = 'schouwgroep-staatsliedenbuurt';

describe.each(DIALECTS)('a moved schouw round takes its findings along on %s', (dialect) => {
  let test: TestDatabase;
  let coordinator: TestUser;
  let oldProfessional: TestUser;
  let newProfessional: TestUser;
  let oldVolunteer: TestUser;
  let newVolunteer: TestUser;
  const ids = idFactory(0x30fe);
  const round = ids();
  const findings = [ids(), ids()];
  const followUps = [ids(), ids()];
  const photo = variantJpeg(301);
  /** The new buurt's professional's cursor from before the move: the move must reach them without a reset. */
  let cursorBeforeMove = '0';
  let offset = 0;
  const stamp = (device: string) => ({ device, offsetMs: (offset += 1000) });
  const client = (user: TestUser) => apiClient(createApp({ db: test.database, now: () => NOW + 60_000 }), user);
  const stored = async (id: string): Promise<SyncRecord | undefined> => (await loadRecords(test.database.db, TENANT, [id])).get(id);
  const getPhoto = async (user: TestUser) => (await client(user).send(`/api/v1/photos/${photo.sha256}`, { headers: user.auth() })).status;
  const round_ = () => [round, schouwIdFor(round), attendanceIdFor(round), ...findings, ...followUps].sort();
  const idsOf = (records: ReadonlyArray<{ id: string }>) =>
    records
      .map((record) => record.id)
      .filter((id) => round_().includes(id))
      .sort();

  beforeAll(async () => {
    test = await openTestDatabase(dialect);
    coordinator = await createTestUser(test.database, { role: 'coordinator', devices: ['mv-coord-01'] });
    oldProfessional = await createTestUser(test.database, { role: 'professional', buurtIds: [OLD_BUURT], devices: ['mv-prof-old-01'] });
    newProfessional = await createTestUser(test.database, { role: 'professional', buurtIds: [NEW_BUURT], devices: ['mv-prof-new-01'] });
    oldVolunteer = await createTestUser(test.database, { role: 'volunteer', devices: ['mv-vol-old-01'] });
    newVolunteer = await createTestUser(test.database, { role: 'volunteer', devices: ['mv-vol-new-01'] });
    await setTeamMembers(test.database, TENANT, OLD_TEAM, [oldVolunteer.userId]);
    await setTeamMembers(test.database, TENANT, NEW_TEAM, [newVolunteer.userId]);

    // The round, its schouw record and counts, two findings (one with the coordinator's photo), made through the API…
    expect(
      (
        await client(coordinator).send(`/api/v1/photos/${photo.sha256}`, {
          method: 'PUT',
          headers: { 'content-type': 'image/jpeg', ...coordinator.auth() },
          body: photo.bytes as BodyInit,
        })
      ).status,
    ).toBe(201);
    const made = await client(coordinator).push('mv-coord-01', [
      mutation(ids, 'activity', round, activityValues(OLD_BUURT, OLD_TEAM, { type: 'schouw' }), stamp('mv-coord-01')),
      mutation(ids, 'schouw', schouwIdFor(round), { activityId: round, kind: 'withResidents', method: 'crow', targetLevel: 'B' }, stamp('mv-coord-01')),
      attendance(ids, round, 'mv-coord-01', { residents: { p: 4 } }, (offset += 1000)),
      mutation(ids, 'finding', findings[0] as string, findingValues(round, OLD_BUURT, OLD_TEAM, { photos: [photo.sha256] }), stamp('mv-coord-01')),
    ]);
    expect(made.body.results.map((result) => result.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
    // …the old team's volunteer adds a finding, the old buurt's professional follows both up.
    expect(
      (
        await client(oldVolunteer).push('mv-vol-old-01', [
          mutation(ids, 'finding', findings[1] as string, findingValues(round, OLD_BUURT, OLD_TEAM), stamp('mv-vol-old-01')),
        ])
      ).body.results[0]?.status,
    ).toBe('applied');
    const followed = await client(oldProfessional).push(
      'mv-prof-old-01',
      findings.map((finding, index) =>
        mutation(ids, 'findingStatusChange', followUps[index] as string, statusChangeValues(finding, OLD_BUURT, OLD_TEAM), stamp('mv-prof-old-01')),
      ),
    );
    expect(followed.body.results.map((result) => result.status)).toEqual(['applied', 'applied']);

    expect(idsOf(await client(oldProfessional).pullAll())).toEqual(round_());
    expect(await getPhoto(oldProfessional)).toBe(200);
    // The new buurt's professional has pulled everything there is for them, and keeps that cursor.
    let page = await client(newProfessional).pull('0', 1000);
    while (page.body.hasMore) page = await client(newProfessional).pull(page.body.cursor, 1000);
    expect(idsOf(page.body.records)).toEqual([]);
    cursorBeforeMove = page.body.cursor;

    // The coordinator moves the round to another buurt and team: one field change of the activity.
    const moved = await client(coordinator).push('mv-coord-01', [
      mutation(ids, 'activity', round, { buurtId: NEW_BUURT, teamId: NEW_TEAM }, stamp('mv-coord-01')),
    ]);
    expect(moved.body.results[0]?.status).toBe('applied');
  });
  afterAll(() => test.cleanup());

  it('moves the findings and their follow-up entries on the server, in the same push', async () => {
    for (const id of [...findings, ...followUps]) {
      const record = await stored(id);
      expect([record?.fields['buurtId']?.v, record?.fields['teamId']?.v], id).toEqual([NEW_BUURT, NEW_TEAM]);
    }
    // The rest of a follow-up entry is history and stays as it was.
    expect((await stored(followUps[0] as string))?.fields['by']?.v).toBe(oldProfessional.userId);
  });

  it('brings them to the new buurt’s professional with the new buurt, from the cursor they had (no reset)', async () => {
    const { body } = await client(newProfessional).pull(cursorBeforeMove, 1000);
    expect(body.reset).toBeUndefined();
    expect(idsOf(body.records)).toEqual(round_());
    for (const record of body.records.filter((r) => [...findings, ...followUps].includes(r.id))) {
      expect([record.fields['buurtId']?.v, record.fields['teamId']?.v]).toEqual([NEW_BUURT, NEW_TEAM]);
    }
    expect(await getPhoto(newProfessional)).toBe(200);
  });

  it('reads them to the new team, and to neither the old buurt’s professional nor the old team any more', async () => {
    expect(idsOf(await client(newVolunteer).pullAll())).toEqual(round_());
    expect(idsOf(await client(oldProfessional).pullAll())).toEqual([]);
    expect(idsOf(await client(oldVolunteer).pullAll())).toEqual([]);
    expect(await getPhoto(oldProfessional)).toBe(404);
  });

  it('lets the new buurt’s professional follow up a moved finding, and no longer the old one', async () => {
    const [finding] = findings as [string];
    const mine = await client(newProfessional).push('mv-prof-new-01', [
      mutation(
        ids,
        'findingStatusChange',
        ids(),
        statusChangeValues(finding, NEW_BUURT, NEW_TEAM, { from: 'reported', to: 'inProgress' }),
        stamp('mv-prof-new-01'),
      ),
    ]);
    expect(mine.body.results[0]?.status).toBe('applied');
    const theirs = await client(oldProfessional).push('mv-prof-old-01', [
      mutation(
        ids,
        'findingStatusChange',
        ids(),
        statusChangeValues(finding, OLD_BUURT, OLD_TEAM, { from: 'reported', to: 'resolved' }),
        stamp('mv-prof-old-01'),
      ),
    ]);
    expect(theirs.body.results[0]).toMatchObject({ status: 'rejected', reason: 'forbidden' });
  });

  it('writes the carried changes in the audit log in the name of who moved the round', async () => {
    const { body } = await client(coordinator).call('GET', '/api/v1/audit?limit=500');
    const carried = (body.entries as Array<{ recordId: string | null; userId: string | null; action: string; fields: string[] }>).filter(
      (entry) => entry.recordId !== null && [...findings, ...followUps].includes(entry.recordId) && entry.action === 'record.update',
    );
    expect(carried.map((entry) => entry.recordId).sort()).toEqual([...findings, ...followUps].sort());
    expect(carried.every((entry) => entry.userId === coordinator.userId && entry.fields.includes('buurtId'))).toBe(true);
  });
});

describe.each(DIALECTS)('a patrol observation moved to another buurt takes its follow-up along on %s', (dialect) => {
  let test: TestDatabase;
  let coordinator: TestUser;
  let newProfessional: TestUser;
  const ids = idFactory(0x30ff);
  const patrolRound = ids();
  const observation = ids();
  const followUp = ids();
  const client = (user: TestUser) => apiClient(createApp({ db: test.database, now: () => NOW + 60_000 }), user);

  beforeAll(async () => {
    test = await openTestDatabase(dialect);
    coordinator = await createTestUser(test.database, { role: 'coordinator', devices: ['mv-coord-02'] });
    newProfessional = await createTestUser(test.database, { role: 'professional', buurtIds: [NEW_BUURT], devices: ['mv-prof-new-02'] });
    await putRecords(test.database, TENANT, [
      { type: 'patrolRound', id: patrolRound, values: roundValues(OLD_TEAM, [OLD_BUURT, NEW_BUURT], [coordinator.userId]) },
      { type: 'publicSpaceObservation', id: observation, values: publicSpaceValues(patrolRound, OLD_TEAM, OLD_BUURT) },
      { type: 'observationStatusChange', id: followUp, values: observationChangeValues(observation, OLD_BUURT, OLD_TEAM) },
    ]);
  });
  afterAll(() => test.cleanup());

  it('gives the follow-up entry the observation’s new buurt, so that buurt’s professional reads both', async () => {
    expect((await client(newProfessional).pullAll()).map((record) => record.id)).not.toContain(followUp);
    const moved = await client(coordinator).push('mv-coord-02', [
      mutation(ids, 'publicSpaceObservation', observation, { buurtId: NEW_BUURT }, { device: 'mv-coord-02' }),
    ]);
    expect(moved.body.results[0]?.status).toBe('applied');
    const readable = await client(newProfessional).pullAll();
    expect(readable.find((record) => record.id === followUp)?.fields['buurtId']?.v).toBe(NEW_BUURT);
    expect(readable.map((record) => record.id)).toContain(observation);
  });
});
