/**
 * The field-level rules of the permission table, through push on both
 * databases: who made a record and when are the server's to set; undeleting
 * needs the delete right; a finding's and a follow-up entry's buurt and team
 * come from their parent; a move to another buurt needs a buurt right in both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mayWriteField } from '../../../src/domain/permissions.ts';
import type { SyncRecord } from '../../../src/domain/records.ts';
import { createApp } from '../../../src/server/app.ts';
import { loadRecords } from '../../../src/server/db/records.ts';
import { activityValues, createTestUser, putRecords, setTeamMembers, type TestUser } from '../../fixtures/server-auth.ts';
import { findingValues, statusChangeValues } from '../../fixtures/server-schouw.ts';
import { NOW, TENANT } from '../../fixtures/fixed.ts';
import { idFactory, mutation } from '../../fixtures/server-mutations.ts';
import { apiClient } from './api-client.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from './databases.ts';

const TEAM = 'buurtpreventie-oranjebuurt';
const OTHER_TEAM = 'schouwgroep-staatsliedenbuurt';
const BUURT = 'oranjebuurt';

describe('the field rules in the table', () => {
  it('lets nobody write who made a record, nor a finding’s scope; deleted only with the delete right', () => {
    expect(mayWriteField('coordinator', 'activity', 'createdBy')).toBe(false);
    expect(mayWriteField('coordinator', 'findingStatusChange', 'by')).toBe(false);
    expect(mayWriteField('professional', 'finding', 'buurtId')).toBe(false);
    expect(mayWriteField('volunteer', 'activity', 'deleted')).toBe(false);
    expect(mayWriteField('professional', 'activity', 'deleted')).toBe(true);
    expect(mayWriteField('volunteer', 'activity', 'title')).toBe(true);
    expect(mayWriteField('police', 'activity', 'title')).toBe(false);
  });
});

describe.each(DIALECTS)('field rules on %s', (dialect) => {
  let test: TestDatabase;
  let coordinator: TestUser;
  let volunteer: TestUser;
  let professional: TestUser;
  const ids = idFactory(0xf1e1);
  const teamActivity = ids();
  const schouw = ids();
  const finding = ids();
  let offset = 0;
  /** Each push a little later than the one before, so it wins its fields. */
  const stamp = (device: string) => ({ device, offsetMs: (offset += 1000) });
  const client = (user: TestUser) => apiClient(createApp({ db: test.database, now: () => NOW + 60_000 }), user);
  const stored = async (id: string): Promise<SyncRecord | undefined> => (await loadRecords(test.database.db, TENANT, [id])).get(id);
  const value = async (id: string, field: string) => (await stored(id))?.fields[field]?.v;

  beforeAll(async () => {
    test = await openTestDatabase(dialect);
    coordinator = await createTestUser(test.database, { role: 'coordinator', devices: ['fr-coord-01'] });
    volunteer = await createTestUser(test.database, { role: 'volunteer', devices: ['fr-vol-01'] });
    professional = await createTestUser(test.database, { role: 'professional', buurtIds: [BUURT, 'kinderdijk'], devices: ['fr-prof-01'] });
    await setTeamMembers(test.database, TENANT, TEAM, [volunteer.userId]);
    await putRecords(test.database, TENANT, [
      { type: 'activity', id: teamActivity, values: activityValues(BUURT, TEAM) },
      { type: 'activity', id: schouw, values: activityValues(BUURT, TEAM, { type: 'schouw' }) },
      { type: 'finding', id: finding, values: findingValues(schouw, BUURT, TEAM) },
    ]);
  });
  afterAll(() => test.cleanup());

  describe('who made a record and when', () => {
    it('is the person who pushed the creating write, whatever the device said', async () => {
      const id = ids();
      const { body } = await client(volunteer).push('fr-vol-01', [
        mutation(ids, 'activity', id, activityValues(BUURT, TEAM, { createdBy: coordinator.userId }), stamp('fr-vol-01')),
      ]);
      expect(body.results[0]?.status).toBe('applied');
      expect(await value(id, 'createdBy')).toBe(volunteer.userId);
    });

    it('never changes after: a rewrite of createdBy and createdAt leaves both as they were', async () => {
      const [by, at] = [await value(teamActivity, 'createdBy'), await value(teamActivity, 'createdAt')];
      const { body } = await client(volunteer).push('fr-vol-01', [
        mutation(ids, 'activity', teamActivity, { createdBy: coordinator.userId, createdAt: 0, notes: 'bijgewerkt' }, stamp('fr-vol-01')),
      ]);
      expect(body.results[0]?.status).toBe('applied');
      expect([await value(teamActivity, 'createdBy'), await value(teamActivity, 'createdAt'), await value(teamActivity, 'notes')]).toEqual([
        by,
        at,
        'bijgewerkt',
      ]);
    });

    it('takes a time of making in the future as the server’s now (a phone whose clock runs ahead loses nothing)', async () => {
      const id = ids();
      const { body } = await client(volunteer).push('fr-vol-01', [
        mutation(ids, 'activity', id, activityValues(BUURT, TEAM, { createdAt: NOW + 24 * 60 * 60_000 }), stamp('fr-vol-01')),
      ]);
      expect(body.results[0]?.status).toBe('applied');
      expect(await value(id, 'createdAt')).toBe(NOW + 60_000);
    });

    it('writes a follow-up entry in the name of the person who made it, not the one it names', async () => {
      const id = ids();
      const { body } = await client(volunteer).push('fr-vol-01', [
        mutation(ids, 'findingStatusChange', id, statusChangeValues(finding, BUURT, TEAM, { by: coordinator.userId }), stamp('fr-vol-01')),
      ]);
      expect(body.results[0]?.status).toBe('applied');
      expect(await value(id, 'by')).toBe(volunteer.userId);
    });
  });

  describe('undeleting', () => {
    it('is refused to a volunteer, who may not delete: the coordinator’s delete stands', async () => {
      const id = ids();
      await putRecords(test.database, TENANT, [{ type: 'activity', id, values: activityValues(BUURT, TEAM) }], NOW - 50_000);
      expect(
        (await client(coordinator).push('fr-coord-01', [mutation(ids, 'activity', id, { deleted: true }, stamp('fr-coord-01'))])).body.results[0]?.status,
      ).toBe('applied');
      const { body } = await client(volunteer).push('fr-vol-01', [mutation(ids, 'activity', id, { deleted: false }, stamp('fr-vol-01'))]);
      expect(body.results[0]).toMatchObject({
        status: 'rejected',
        reason: 'forbidden',
        message: expect.stringContaining('Restoring a deleted record needs the right to delete it'),
      });
      expect(await value(id, 'deleted')).toBe(true);
      // The professional of the buurt may delete activities there, so may restore it.
      expect(
        (await client(professional).push('fr-prof-01', [mutation(ids, 'activity', id, { deleted: false }, stamp('fr-prof-01'))])).body.results[0]?.status,
      ).toBe('applied');
      expect(await value(id, 'deleted')).toBe(false);
    });
  });

  describe('scope', () => {
    it('refuses a volunteer moving an activity to another buurt, even within their team', async () => {
      const { body } = await client(volunteer).push('fr-vol-01', [mutation(ids, 'activity', teamActivity, { buurtId: 'kinderdijk' }, stamp('fr-vol-01'))]);
      expect(body.results[0]).toMatchObject({ status: 'rejected', reason: 'forbidden', message: expect.stringContaining('may not move this record') });
      expect(await value(teamActivity, 'buurtId')).toBe(BUURT);
    });

    it('lets a professional move an activity between their own buurten, not into another', async () => {
      const id = ids();
      await putRecords(test.database, TENANT, [{ type: 'activity', id, values: activityValues(BUURT, null) }], NOW - 50_000);
      expect(
        (await client(professional).push('fr-prof-01', [mutation(ids, 'activity', id, { buurtId: 'kinderdijk' }, stamp('fr-prof-01'))])).body.results[0]
          ?.status,
      ).toBe('applied');
      const away = await client(professional).push('fr-prof-01', [mutation(ids, 'activity', id, { buurtId: 'staatsliedenbuurt' }, stamp('fr-prof-01'))]);
      expect(away.body.results[0]).toMatchObject({ status: 'rejected', reason: 'forbidden' });
      expect(await value(id, 'buurtId')).toBe('kinderdijk');
    });

    it('keeps a finding in its schouw’s buurt and team when someone moves it', async () => {
      const { body } = await client(volunteer).push('fr-vol-01', [
        mutation(ids, 'finding', finding, { buurtId: 'kinderdijk', teamId: OTHER_TEAM }, stamp('fr-vol-01')),
      ]);
      expect(body.results[0]?.status).not.toBe('rejected');
      expect([await value(finding, 'buurtId'), await value(finding, 'teamId')]).toEqual([BUURT, TEAM]);
    });

    it('gives a new finding its schouw’s team, whatever team it names', async () => {
      const id = ids();
      const { body } = await client(professional).push('fr-prof-01', [
        mutation(ids, 'finding', id, findingValues(schouw, BUURT, OTHER_TEAM), stamp('fr-prof-01')),
      ]);
      expect(body.results[0]?.status).toBe('applied');
      expect([await value(id, 'buurtId'), await value(id, 'teamId')]).toEqual([BUURT, TEAM]);
    });
  });
});
