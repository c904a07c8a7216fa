/**
 * Schouw rounds, findings and their follow-up on the server: parents first,
 * findings only into a schouw one can see, follow-up only by those who may
 * change the finding and never rewritten, participants adding up, and pull
 * giving each person exactly the schouw data they may read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partnerCounterKey, schouwIdFor } from '../../../src/domain/schouw.ts';
import { schouwParticipants, type SyncRecord } from '../../../src/domain/records.ts';
import { createApp } from '../../../src/server/app.ts';
import { loadRecords } from '../../../src/server/db/records.ts';
import { activityValues, createTestUser, putRecords, setTeamMembers, type TestUser } from '../../fixtures/server-auth.ts';
import { findingValues, statusChangeValues } from '../../fixtures/server-schouw.ts';
import { idFactory, mutation } from '../../fixtures/server-mutations.ts';
import { DEVICE_A, DEVICE_B, NOW, TENANT } from '../../fixtures/fixed.ts';
import { apiClient, rowCounts } from './api-client.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from './databases.ts';

const TEAM = 'schouwgroep-staatsliedenbuurt';
const OTHER_TEAM = 'buurtpreventie-oranjebuurt';
const BUURT = 'staatsliedenbuurt';

describe.each(DIALECTS)('schouw on %s', (dialect) => {
  let test: TestDatabase;
  let coordinator: TestUser;
  let professional: TestUser;
  let elsewhere: TestUser;
  let resident: TestUser;
  let outsider: TestUser;
  let police: TestUser;
  const ids = idFactory(0x5c4a);
  /** A schouw in the Staatsliedenbuurt with the schouw group, with one finding and one follow-up entry. */
  const round = { activityId: ids(), findingId: ids(), changeId: ids() };
  /** Another team's schouw in the same buurt. */
  const otherRound = { activityId: ids(), findingId: ids() };
  const client = (user: TestUser) => apiClient(createApp({ db: test.database, now: () => NOW }), user);
  const stored = async (id: string) => (await loadRecords(test.database.db, TENANT, [id])).get(id);

  beforeAll(async () => {
    test = await openTestDatabase(dialect);
    coordinator = await createTestUser(test.database, { role: 'coordinator', devices: ['coord-phone-01'] });
    professional = await createTestUser(test.database, { role: 'professional', buurtIds: [BUURT], devices: [DEVICE_A, DEVICE_B] });
    elsewhere = await createTestUser(test.database, { role: 'professional', buurtIds: ['kinderdijk'], devices: ['prof-kd-phone-01'] });
    resident = await createTestUser(test.database, { role: 'volunteer', devices: ['resident-phone-01'] });
    outsider = await createTestUser(test.database, { role: 'volunteer', devices: ['outsider-phone-01'] });
    police = await createTestUser(test.database, { role: 'police', buurtIds: [BUURT], devices: ['police-phone-01'] });
    await setTeamMembers(test.database, TENANT, TEAM, [resident.userId]);
    await setTeamMembers(test.database, TENANT, OTHER_TEAM, [outsider.userId]);
    await putRecords(test.database, TENANT, [
      { type: 'activity', id: round.activityId, values: activityValues(BUURT, TEAM, { type: 'schouw' }) },
      { type: 'schouw', id: schouwIdFor(round.activityId), values: { activityId: round.activityId, kind: 'withResidents', method: 'crow', targetLevel: 'B' } },
      { type: 'finding', id: round.findingId, values: findingValues(round.activityId, BUURT, TEAM) },
      { type: 'findingStatusChange', id: round.changeId, values: statusChangeValues(round.findingId, BUURT, TEAM) },
      { type: 'activity', id: otherRound.activityId, values: activityValues(BUURT, OTHER_TEAM, { type: 'schouw' }) },
      { type: 'finding', id: otherRound.findingId, values: findingValues(otherRound.activityId, BUURT, OTHER_TEAM) },
    ]);
  });
  afterAll(() => test.cleanup());

  describe('parents first', () => {
    it('refuses a schouw record, a finding and follow-up whose parent the server lacks, and writes nothing', async () => {
      const unknownActivity = ids();
      const unknownFinding = ids();
      const before = await rowCounts(test.database);
      const { body } = await client(coordinator).push('coord-phone-01', [
        mutation(ids, 'schouw', schouwIdFor(unknownActivity), { activityId: unknownActivity }, { device: 'coord-phone-01' }),
        mutation(ids, 'finding', ids(), findingValues(unknownActivity, BUURT, TEAM), { device: 'coord-phone-01' }),
        mutation(ids, 'findingStatusChange', ids(), statusChangeValues(unknownFinding, BUURT, TEAM), { device: 'coord-phone-01' }),
      ]);
      expect(body.results).toMatchObject([
        { status: 'rejected', reason: 'unknown-activity', message: expect.stringContaining('schouw round') },
        { status: 'rejected', reason: 'unknown-activity', message: expect.stringContaining('schouw activity') },
        { status: 'rejected', reason: 'unknown-finding', message: expect.stringContaining('Send the finding first') },
      ]);
      // Only the rejections are remembered (so a retry is answered the same), and logged as refused (issue 10).
      expect(await rowCounts(test.database)).toEqual({ ...before, mutations: before.mutations + 3, audit_log: before.audit_log + 3 });
    });

    it('accepts an activity, its schouw, a finding and follow-up in one batch, in that order', async () => {
      const activityId = ids();
      const findingId = ids();
      const device = DEVICE_A;
      const { body } = await client(professional).push(device, [
        mutation(ids, 'activity', activityId, activityValues(BUURT, null, { type: 'schouw' }), { device }),
        {
          ...mutation(ids, 'schouw', schouwIdFor(activityId), { activityId, kind: 'wijkbeheerder' }, { device }),
          counters: { [partnerCounterKey('woonkracht10')]: { [device]: { p: 2, n: 0 } } },
        },
        mutation(ids, 'finding', findingId, findingValues(activityId, BUURT, null), { device }),
        mutation(ids, 'findingStatusChange', ids(), statusChangeValues(findingId, BUURT, null, { by: professional.userId }), { device }),
      ]);
      expect(body.results.map((result) => result.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
    });
  });

  describe('who may add', () => {
    it('refuses a resident’s finding in another team’s schouw, even when it names their own team', async () => {
      const findingId = ids();
      const { body } = await client(resident).push('resident-phone-01', [
        mutation(ids, 'finding', findingId, findingValues(otherRound.activityId, BUURT, TEAM), { device: 'resident-phone-01' }),
      ]);
      expect(body.results[0]).toMatchObject({
        status: 'rejected',
        reason: 'forbidden',
        message: expect.stringMatching(/^As a volunteer you may add findings only to a schouw you take part in/),
      });
      expect(await stored(findingId)).toBeUndefined();
    });

    it('takes a resident’s finding in their own team’s schouw', async () => {
      const findingId = ids();
      const { body } = await client(resident).push('resident-phone-01', [
        mutation(ids, 'finding', findingId, findingValues(round.activityId, BUURT, TEAM), { device: 'resident-phone-01' }),
      ]);
      expect(body.results[0]).toMatchObject({ status: 'applied', missingPhotos: [] });
    });

    it('refuses follow-up on a finding the person may not change, even when the entry names their own buurt', async () => {
      const entryId = ids();
      const { body } = await client(elsewhere).push('prof-kd-phone-01', [
        mutation(ids, 'findingStatusChange', entryId, statusChangeValues(round.findingId, 'kinderdijk', null), { device: 'prof-kd-phone-01' }),
      ]);
      expect(body.results[0]).toMatchObject({
        status: 'rejected',
        reason: 'forbidden',
        message: expect.stringContaining('follow-up only on findings you may change'),
      });
      expect(await stored(entryId)).toBeUndefined();
    });

    it('adds up participants counted on two phones', async () => {
      const id = schouwIdFor(round.activityId);
      const count = (device: string, p: number) => ({
        ...mutation(ids, 'schouw', id, {}, { device }),
        counters: { residents: { [device]: { p, n: 0 } }, [partnerCounterKey('woonkracht10')]: { [device]: { p: 1, n: 0 } } },
      });
      await client(professional).push(DEVICE_A, [count(DEVICE_A, 6)]);
      await client(professional).push(DEVICE_B, [count(DEVICE_B, 4)]);
      expect(schouwParticipants(await stored(id))).toEqual({ residents: 10, partners: [['woonkracht10', 2]], total: 12 });
    });
  });

  describe('follow-up history is append-only', () => {
    it('treats the same entry sent again (new mutation id, later stamp) as a duplicate that changes nothing', async () => {
      const before = await stored(round.changeId);
      const seq = await rowCounts(test.database);
      const again = mutation(ids, 'findingStatusChange', round.changeId, statusChangeValues(round.findingId, BUURT, TEAM), {
        device: DEVICE_A,
        offsetMs: 5000,
      });
      const { body } = await client(professional).push(DEVICE_A, [again, again]);
      expect(body.results.map((result) => result.status)).toEqual(['duplicate', 'duplicate']);
      expect(await stored(round.changeId)).toEqual(before);
      expect((await rowCounts(test.database)).seq).toBe(seq.seq);
    });

    it('does not answer "duplicate" to someone who may not read the entry', async () => {
      const again = mutation(ids, 'findingStatusChange', round.changeId, statusChangeValues(round.findingId, BUURT, TEAM), {
        device: 'outsider-phone-01',
        offsetMs: 5000,
      });
      const { body } = await client(outsider).push('outsider-phone-01', [again]);
      expect(body.results[0]).toMatchObject({ status: 'rejected', reason: 'forbidden' });
    });

    it.each([
      ['changes its note', { note: 'Toch niet gemeld' }, 'update'],
      ['changes where it went', { to: 'resolved' }, 'update'],
      ['adds a field it did not have', { deleted: false }, 'update'],
      ['deletes it', { deleted: true }, 'delete'],
    ])('refuses a coordinator who %s, and keeps the entry', async (_what, values, action) => {
      const before = await stored(round.changeId);
      const { body } = await client(coordinator).push('coord-phone-01', [
        mutation(ids, 'findingStatusChange', round.changeId, values, { device: 'coord-phone-01', offsetMs: 9000 }),
      ]);
      expect(body.results[0]).toMatchObject({
        status: 'rejected',
        reason: 'forbidden',
        message: `As a coordinator you may not ${action} follow-up history entries: the history is append-only. Add a new entry instead.`,
      });
      expect(await stored(round.changeId)).toEqual(before);
    });

    it('keeps two people’s entries on one finding side by side', async () => {
      const [first, second] = [ids(), ids()];
      await client(professional).push(DEVICE_A, [
        mutation(ids, 'findingStatusChange', first, statusChangeValues(round.findingId, BUURT, TEAM, { from: 'reported', to: 'inProgress' }), {
          device: DEVICE_A,
        }),
      ]);
      await client(resident).push('resident-phone-01', [
        mutation(
          ids,
          'findingStatusChange',
          second,
          statusChangeValues(round.findingId, BUURT, TEAM, { from: 'reported', to: 'inProgress', note: 'Bewoners ruimen zaterdag op' }),
          { device: 'resident-phone-01' },
        ),
      ]);
      const entries = (await client(coordinator).pullAll(1000)).filter((r) => r.type === 'findingStatusChange' && r.fields['findingId']?.v === round.findingId);
      expect(entries.map((entry) => entry.id).sort()).toEqual([round.changeId, first, second].sort());
    });
  });

  describe('who reads what', () => {
    const schouwIds = (records: readonly SyncRecord[]) =>
      records
        .filter((r) => ['schouw', 'finding', 'findingStatusChange'].includes(r.type))
        .map((r) => r.id)
        .filter((id) => [schouwIdFor(round.activityId), round.findingId, round.changeId, otherRound.findingId].includes(id))
        .sort();
    const mine = [schouwIdFor(round.activityId), round.findingId, round.changeId].sort();

    it.each([
      ['the coordinator reads every round', () => coordinator, [...mine, otherRound.findingId].sort()],
      ['a professional of the buurt reads every round in it', () => professional, [...mine, otherRound.findingId].sort()],
      ['a professional of another buurt reads none', () => elsewhere, []],
      ['a resident of the schouw group reads their round, its findings and follow-up', () => resident, mine],
      ['a volunteer of another team reads only their team’s findings', () => outsider, [otherRound.findingId]],
      ['the police read no schouw data', () => police, []],
    ])('%s', async (_who, user, expected) => {
      // One record per page: the schouw's activity is always on another page than the schouw.
      expect(schouwIds(await client(user()).pullAll(1))).toEqual(expected);
    });
  });
});
