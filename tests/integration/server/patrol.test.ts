/**
 * Buurtpreventie on the server, through the HTTP API: the roster's sign-ups
 * from two phones both stick, each person reads exactly their part (the
 * team its own; another team nothing; the police the safety observations of
 * their buurt; professionals the public-space observations of theirs;
 * coordinators everything; another tenant nothing), the police's reaction
 * reaches the team, children keep their parent's team.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpIdFor, slotWalkers } from '../../../src/domain/patrol.ts';
import { reactionIdFor } from '../../../src/domain/patrol-observation.ts';
import type { SyncRecord } from '../../../src/domain/records.ts';
import { createApp } from '../../../src/server/app.ts';
import { loadRecords } from '../../../src/server/db/records.ts';
import { createTestUser, putRecords, setTeamMembers, type TestUser } from '../../fixtures/server-auth.ts';
import {
  observationChangeValues,
  publicSpaceValues,
  reactionValues,
  roundValues,
  safetyValues,
  signUpValues,
  slotValues,
} from '../../fixtures/server-patrol.ts';
import { variantJpeg } from '../../fixtures/server-schouw.ts';
import { NOW, TENANT } from '../../fixtures/fixed.ts';
import { idFactory, mutation } from '../../fixtures/server-mutations.ts';
import { apiClient } from './api-client.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from './databases.ts';

const TEAM = 'buurtpreventie-oranjebuurt';
const OTHER_TEAM = 'buurtpreventie-kinderdijk';
const BUURT = 'oranjebuurt';
const OTHER_BUURT = 'kinderdijk';

describe.each(DIALECTS)('buurtpreventie on %s', (dialect) => {
  let test: TestDatabase;
  const users = {} as Record<'anna' | 'bram' | 'other' | 'police' | 'policeElsewhere' | 'professional' | 'coordinator' | 'ridderkerk', TestUser>;
  const ids = idFactory(0x9a7e);
  const slotId = ids();
  const roundId = ids();
  const safetyId = ids();
  const publicId = ids();
  const otherRoundId = ids();
  const photo = variantJpeg(11);
  const client = (user: TestUser) => apiClient(createApp({ db: test.database, now: () => NOW }), user);
  const device = (user: TestUser) => [...user.tokens.keys()][0] as string;
  const push = async (user: TestUser, mutations: unknown[]) => (await client(user).push(device(user), mutations)).body.results;
  const stored = async (id: string) => (await loadRecords(test.database.db, TENANT, [id])).get(id);
  const patrolIdsOf = (records: readonly SyncRecord[]) =>
    records
      .filter((r) => [slotId, roundId, safetyId, publicId, otherRoundId, reactionIdFor(safetyId)].includes(r.id))
      .map((r) => r.id)
      .sort();

  beforeAll(async () => {
    test = await openTestDatabase(dialect);
    users.anna = await createTestUser(test.database, { role: 'volunteer', devices: ['anna-phone-01'] });
    users.bram = await createTestUser(test.database, { role: 'volunteer', devices: ['bram-phone-01'] });
    users.other = await createTestUser(test.database, { role: 'volunteer', devices: ['other-phone-01'] });
    users.police = await createTestUser(test.database, { role: 'police', buurtIds: [BUURT], devices: ['police-phone-01'] });
    users.policeElsewhere = await createTestUser(test.database, { role: 'police', buurtIds: [OTHER_BUURT], devices: ['police-kd-phone-01'] });
    users.professional = await createTestUser(test.database, { role: 'professional', buurtIds: [BUURT], devices: ['prof-phone-01'] });
    users.coordinator = await createTestUser(test.database, { role: 'coordinator', devices: ['coord-phone-01'] });
    users.ridderkerk = await createTestUser(test.database, { role: 'coordinator', tenantId: 'ridderkerk', devices: ['rk-phone-01'] });
    await putRecords(
      test.database,
      TENANT,
      [{ type: 'team', id: OTHER_TEAM, values: { name: 'Buurtpreventie Kinderdijk', kind: 'buurtpreventie', buurtIds: [OTHER_BUURT], memberIds: [] } }],
      NOW - 90_000,
    );
    await setTeamMembers(test.database, TENANT, TEAM, [users.anna.userId, users.bram.userId]);
    await setTeamMembers(test.database, TENANT, OTHER_TEAM, [users.other.userId]);
    // The other team's round, in the same buurt.
    await putRecords(test.database, TENANT, [{ type: 'patrolRound', id: otherRoundId, values: roundValues(OTHER_TEAM, [BUURT], [users.other.userId]) }]);
  });
  afterAll(() => test.cleanup());

  describe('the roster', () => {
    it('takes a slot from a member and keeps both members’ sign-ups made offline on two phones', async () => {
      const [slot] = await push(users.anna, [mutation(ids, 'patrolSlot', slotId, slotValues(TEAM, [BUURT]), { device: 'anna-phone-01' })]);
      expect(slot).toMatchObject({ status: 'applied' });
      const annaSignUp = mutation(ids, 'patrolSignUp', signUpIdFor(slotId, users.anna.userId), signUpValues(slotId, users.anna.userId, TEAM), {
        device: 'anna-phone-01',
        offsetMs: 1000,
      });
      const bramSignUp = mutation(ids, 'patrolSignUp', signUpIdFor(slotId, users.bram.userId), signUpValues(slotId, users.bram.userId, TEAM), {
        device: 'bram-phone-01',
        offsetMs: 1000,
      });
      expect(await push(users.anna, [annaSignUp])).toMatchObject([{ status: 'applied' }]);
      expect(await push(users.bram, [bramSignUp])).toMatchObject([{ status: 'applied' }]);
      const signUps = (await client(users.anna).pullAll()).filter((r) => r.type === 'patrolSignUp');
      const walkers = slotWalkers(
        slotId,
        signUps.map((r) => ({
          slotId: r.fields['slotId']?.v as string,
          userId: r.fields['userId']?.v as string,
          signedUp: r.fields['signedUp']?.v as boolean,
          deleted: false,
        })),
      );
      expect(walkers).toEqual([users.anna.userId, users.bram.userId].sort());
    });

    it('swaps: Bram signs off, and the later write wins', async () => {
      expect(
        await push(users.bram, [
          mutation(ids, 'patrolSignUp', signUpIdFor(slotId, users.bram.userId), { signedUp: false }, { device: 'bram-phone-01', offsetMs: 2000 }),
        ]),
      ).toMatchObject([{ status: 'applied' }]);
      expect((await stored(signUpIdFor(slotId, users.bram.userId)))?.fields['signedUp']?.v).toBe(false);
    });

    it('refuses a sign-up whose id is not derived from slot and member and another team’s member; one naming another team keeps its slot’s', async () => {
      const results = await push(users.anna, [
        mutation(ids, 'patrolSignUp', ids(), signUpValues(slotId, users.anna.userId, TEAM), { device: 'anna-phone-01' }),
        mutation(ids, 'patrolSignUp', signUpIdFor(slotId, users.bram.userId), { teamId: OTHER_TEAM }, { device: 'anna-phone-01', offsetMs: 3000 }),
      ]);
      // Naming another team moves nothing: the sign-up keeps its slot's team (scope follows the parent), so Anna's write changes no value.
      expect(results).toMatchObject([
        { status: 'rejected', reason: 'invalid-payload', message: expect.stringContaining('derived from its slot id and user id') },
        { status: 'applied' },
      ]);
      expect((await stored(signUpIdFor(slotId, users.bram.userId)))?.fields['teamId']?.v).toBe(TEAM);
      // Even the coordinator, who may write both teams' roster: a sign-up keeps its slot's team (scope follows the parent, SCOPE_FROM_PARENT).
      const [coordinator] = await push(users.coordinator, [
        mutation(ids, 'patrolSignUp', signUpIdFor(slotId, users.bram.userId), { teamId: OTHER_TEAM }, { device: 'coord-phone-01', offsetMs: 3000 }),
      ]);
      expect(coordinator).toMatchObject({ status: 'applied' });
      expect((await stored(signUpIdFor(slotId, users.bram.userId)))?.fields['teamId']?.v).toBe(TEAM);
      const [outsider] = await push(users.other, [
        mutation(ids, 'patrolSignUp', signUpIdFor(slotId, users.other.userId), signUpValues(slotId, users.other.userId, TEAM), { device: 'other-phone-01' }),
      ]);
      expect(outsider).toMatchObject({ status: 'rejected', reason: 'forbidden' });
    });
  });

  describe('a round and its observations', () => {
    it('takes the round, a safety observation and a public-space observation with a photo, in one batch', async () => {
      const upload = await client(users.anna).send(`/api/v1/photos/${photo.sha256}`, {
        method: 'PUT',
        headers: { 'content-type': 'image/jpeg', ...users.anna.auth() },
        body: photo.bytes as BodyInit,
      });
      expect(upload.status).toBe(201);
      const results = await push(users.anna, [
        mutation(ids, 'patrolRound', roundId, roundValues(TEAM, [BUURT], [users.anna.userId, users.bram.userId], { slotId }), { device: 'anna-phone-01' }),
        mutation(ids, 'safetyObservation', safetyId, safetyValues(roundId, TEAM, BUURT), { device: 'anna-phone-01' }),
        mutation(ids, 'publicSpaceObservation', publicId, publicSpaceValues(roundId, TEAM, BUURT, { photos: [photo.sha256] }), { device: 'anna-phone-01' }),
      ]);
      expect(results).toMatchObject([{ status: 'applied' }, { status: 'applied' }, { status: 'applied', missingPhotos: [] }]);
    });

    it('refuses an observation of a round the server lacks, one naming another team than its round’s, and a photo on a safety observation', async () => {
      const results = await push(users.anna, [
        mutation(ids, 'safetyObservation', ids(), safetyValues(ids(), TEAM, BUURT), { device: 'anna-phone-01' }),
        mutation(ids, 'safetyObservation', ids(), safetyValues(otherRoundId, TEAM, BUURT), { device: 'anna-phone-01' }),
        mutation(ids, 'safetyObservation', ids(), safetyValues(roundId, TEAM, BUURT, { photos: [photo.sha256] }), { device: 'anna-phone-01' }),
      ]);
      expect(results).toMatchObject([
        { status: 'rejected', reason: 'unknown-parent', message: expect.stringContaining('Send the round first') },
        {
          status: 'rejected',
          reason: 'forbidden',
          message: 'As a volunteer you may add safety observations only to a patrol round you can see; this one is not yours.',
        },
        { status: 'rejected', reason: 'unknown-field' },
      ]);
      // An observation naming another team than its round's gets its round's team (scope follows the parent).
      const movedId = ids();
      const [coordinator] = await push(users.coordinator, [
        mutation(ids, 'publicSpaceObservation', movedId, publicSpaceValues(otherRoundId, TEAM, BUURT), { device: 'coord-phone-01' }),
      ]);
      expect(coordinator).toMatchObject({ status: 'applied' });
      expect((await stored(movedId))?.fields['teamId']?.v).toBe(OTHER_TEAM);
    });

    it('refuses moving a round to another team, or an observation to another round', async () => {
      const results = await push(users.coordinator, [
        mutation(ids, 'patrolRound', roundId, { teamId: OTHER_TEAM }, { device: 'coord-phone-01', offsetMs: 5000 }),
        mutation(ids, 'safetyObservation', safetyId, { roundId: otherRoundId }, { device: 'coord-phone-01', offsetMs: 5000 }),
      ]);
      expect(results).toMatchObject([
        { status: 'rejected', reason: 'invalid-payload', message: expect.stringContaining('never changes') },
        { status: 'rejected', reason: 'invalid-payload', message: expect.stringContaining('never changes') },
      ]);
      expect((await stored(roundId))?.fields['teamId']?.v).toBe(TEAM);
    });

    it('lets the walkers end the round with an outcome', async () => {
      const end = { endedAt: NOW - 10 * 60_000, closedBy: 'walkers', outcome: 'remarks', summary: 'Eén raam open, lantaarn kapot' };
      expect(await push(users.bram, [mutation(ids, 'patrolRound', roundId, end, { device: 'bram-phone-01', offsetMs: 6000 })])).toMatchObject([
        { status: 'applied' },
      ]);
    });
  });

  describe('follow-up and the police’s reaction', () => {
    it('lets the professional of the buurt follow a public-space observation up, with history, and not a safety one', async () => {
      const results = await push(users.professional, [
        mutation(ids, 'publicSpaceObservation', publicId, { status: 'reported', meldingNumber: 'FIXI-2025-0042' }, { device: 'prof-phone-01', offsetMs: 7000 }),
        mutation(ids, 'observationStatusChange', ids(), observationChangeValues(publicId, BUURT, TEAM, { by: users.professional.userId }), {
          device: 'prof-phone-01',
          offsetMs: 7000,
        }),
        mutation(ids, 'safetyObservation', safetyId, { note: 'gezien' }, { device: 'prof-phone-01', offsetMs: 7000 }),
      ]);
      expect(results).toMatchObject([{ status: 'applied' }, { status: 'applied' }, { status: 'rejected', reason: 'forbidden' }]);
    });

    it('takes the wijkagent’s reaction to a safety observation of their buurt, and it reaches the team', async () => {
      const reaction = mutation(
        ids,
        'observationReaction',
        reactionIdFor(safetyId),
        reactionValues(safetyId, TEAM, BUURT, { by: users.police.userId, text: 'Bewoner gebeld, raam is dicht' }),
        { device: 'police-phone-01', offsetMs: 8000 },
      );
      expect(await push(users.police, [reaction])).toMatchObject([{ status: 'applied' }]);
      const seenByBram = (await client(users.bram).pullAll()).find((r) => r.id === reactionIdFor(safetyId));
      expect(seenByBram?.fields).toMatchObject({
        observationId: { v: safetyId },
        text: { v: 'Bewoner gebeld, raam is dicht' },
        state: { v: 'handled' },
        by: { v: users.police.userId },
      });
    });

    it('lets the police write nothing else, and nobody else write a reaction', async () => {
      const police = await push(users.police, [
        mutation(ids, 'safetyObservation', safetyId, { note: 'aangepast' }, { device: 'police-phone-01', offsetMs: 9000 }),
        mutation(ids, 'patrolRound', roundId, { summary: 'aangepast' }, { device: 'police-phone-01', offsetMs: 9000 }),
        mutation(ids, 'observationReaction', reactionIdFor(safetyId), { deleted: true }, { device: 'police-phone-01', offsetMs: 9000 }),
      ]);
      expect(police.map((r) => r.reason)).toEqual(['forbidden', 'forbidden', 'forbidden']);
      const elsewhere = await push(users.policeElsewhere, [
        mutation(ids, 'observationReaction', reactionIdFor(safetyId), { text: 'niet mijn buurt' }, { device: 'police-kd-phone-01', offsetMs: 9000 }),
      ]);
      expect(elsewhere).toMatchObject([{ status: 'rejected', reason: 'forbidden' }]);
      const volunteer = await push(users.anna, [
        mutation(ids, 'observationReaction', reactionIdFor(safetyId), { text: 'zelf gedaan' }, { device: 'anna-phone-01', offsetMs: 9000 }),
      ]);
      expect(volunteer).toMatchObject([{ status: 'rejected', reason: 'forbidden' }]);
      // Naming their own buurt does not let the officer elsewhere react to it, nor learn where it is.
      const claimed = await push(users.policeElsewhere, [
        mutation(ids, 'observationReaction', reactionIdFor(publicId), reactionValues(publicId, TEAM, OTHER_BUURT), {
          device: 'police-kd-phone-01',
          offsetMs: 9000,
        }),
        mutation(ids, 'observationReaction', reactionIdFor(safetyId), { buurtId: OTHER_BUURT }, { device: 'police-kd-phone-01', offsetMs: 9000 }),
      ]);
      expect(claimed).toMatchObject([
        { status: 'rejected', reason: 'unknown-parent' },
        { status: 'rejected', reason: 'forbidden' },
      ]);
      // The officer of the buurt may not move their reaction to another buurt: it keeps the observation's.
      const moved = await push(users.police, [
        mutation(ids, 'observationReaction', reactionIdFor(safetyId), { buurtId: OTHER_BUURT }, { device: 'police-phone-01', offsetMs: 9000 }),
      ]);
      expect(moved).toMatchObject([{ status: 'applied' }]);
      expect((await stored(reactionIdFor(safetyId)))?.fields['buurtId']?.v).toBe(BUURT);
      expect((await stored(reactionIdFor(safetyId)))?.fields['text']?.v).toBe('Bewoner gebeld, raam is dicht');
    });
  });

  describe('who reads what', () => {
    const reaction = () => reactionIdFor(safetyId);
    it.each([
      [
        'a walker of the team reads the roster, the round, both observations and the reaction',
        () => users.bram,
        () => [slotId, roundId, safetyId, publicId, reaction()],
      ],
      ['a volunteer of another team reads only their own round', () => users.other, () => [otherRoundId]],
      [
        'the police of the buurt read the safety observation, their reaction and the rounds walked there (time and area: patrol-track.test.ts), no public space',
        () => users.police,
        () => [roundId, otherRoundId, safetyId, reaction()],
      ],
      ['the police elsewhere read nothing of it', () => users.policeElsewhere, () => []],
      ['the professional of the buurt reads only the public-space observation', () => users.professional, () => [publicId]],
      ['the coordinator reads everything of the tenant', () => users.coordinator, () => [slotId, roundId, safetyId, publicId, otherRoundId, reaction()]],
      ['a coordinator of another tenant reads nothing', () => users.ridderkerk, () => []],
    ])('%s', async (_who, user, expected) => {
      expect(patrolIdsOf(await client(user()).pullAll(7))).toEqual(expected().sort());
    });

    it('serves the observation’s photo to those who may read it (team, professional), and 404 to the police and other teams', async () => {
      const get = (user: TestUser) => client(user).send(`/api/v1/photos/${photo.sha256}`, { headers: user.auth() });
      expect((await get(users.bram)).status).toBe(200);
      expect((await get(users.professional)).status).toBe(200);
      expect((await get(users.police)).status).toBe(404);
      expect((await get(users.other)).status).toBe(404);
    });
  });
});
