/**
 * Knowing a photo's hash is not enough to see it: naming another team's
 * photo in your own finding shows it neither to you nor to your team, and the
 * missing-photo answers do not tell whether the hash exists elsewhere. A
 * photo is served through a record whose reference counts: made by its
 * uploader, or by someone who could already see it. A public-space
 * observation of a patrol round shows photos under the same rule.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/server/app.ts';
import { activityValues, createTestUser, putRecords, setTeamMembers, type TestUser } from '../../fixtures/server-auth.ts';
import { publicSpaceValues, roundValues } from '../../fixtures/server-patrol.ts';
import { findingValues, variantJpeg, type PhotoBytes } from '../../fixtures/server-schouw.ts';
import { NOW, TENANT } from '../../fixtures/fixed.ts';
import { idFactory, mutation } from '../../fixtures/server-mutations.ts';
import { apiClient } from './api-client.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from './databases.ts';

const TEAM = 'buurtpreventie-oranjebuurt';
const OTHER_TEAM = 'schouwgroep-staatsliedenbuurt';

describe.each(DIALECTS)('photo access on %s', (dialect) => {
  let test: TestDatabase;
  let owner: TestUser;
  let ownerMate: TestUser;
  let intruder: TestUser;
  let intruderMate: TestUser;
  const ids = idFactory(0xacce);
  const ownRound = ids();
  const intruderRound = ids();
  const secret = variantJpeg(101);
  const client = (user: TestUser) => apiClient(createApp({ db: test.database, now: () => NOW }), user);
  const put = (user: TestUser, photo: PhotoBytes) =>
    client(user).send(`/api/v1/photos/${photo.sha256}`, {
      method: 'PUT',
      headers: { 'content-type': 'image/jpeg', ...user.auth() },
      body: photo.bytes as BodyInit,
    });
  const get = (user: TestUser, sha256: string) => client(user).send(`/api/v1/photos/${sha256}`, { headers: user.auth() });
  const missing = async (user: TestUser, sha256: string) => (await client(user).send(`/api/v1/photos/missing?ids=${sha256}`, { headers: user.auth() })).body;
  const device = (user: TestUser) => [...user.tokens.keys()][0] as string;
  const addFinding = async (user: TestUser, round: string, team: string, photos: string[]) =>
    (await client(user).push(device(user), [mutation(ids, 'finding', ids(), findingValues(round, 'oranjebuurt', team, { photos }), { device: device(user) })]))
      .body.results[0];

  beforeAll(async () => {
    test = await openTestDatabase(dialect);
    owner = await createTestUser(test.database, { role: 'volunteer', devices: ['acc-owner-01'] });
    ownerMate = await createTestUser(test.database, { role: 'volunteer', devices: ['acc-ownermate-01'] });
    intruder = await createTestUser(test.database, { role: 'volunteer', devices: ['acc-intruder-01'] });
    intruderMate = await createTestUser(test.database, { role: 'volunteer', devices: ['acc-intrudermate-01'] });
    await setTeamMembers(test.database, TENANT, OTHER_TEAM, [owner.userId, ownerMate.userId]);
    await setTeamMembers(test.database, TENANT, TEAM, [intruder.userId, intruderMate.userId]);
    await putRecords(test.database, TENANT, [
      { type: 'activity', id: ownRound, values: activityValues('oranjebuurt', OTHER_TEAM, { type: 'schouw' }) },
      { type: 'activity', id: intruderRound, values: activityValues('oranjebuurt', TEAM, { type: 'schouw' }) },
    ]);
    expect((await put(owner, secret)).status).toBe(201);
    expect(await addFinding(owner, ownRound, OTHER_TEAM, [secret.sha256])).toMatchObject({ status: 'applied', missingPhotos: [] });
  });
  afterAll(() => test.cleanup());

  it('serves the photo to its uploader’s team through their finding', async () => {
    expect((await get(ownerMate, secret.sha256)).status).toBe(200);
  });

  it('does not serve another team’s photo to someone who names its hash in their own finding, nor to their team', async () => {
    const result = await addFinding(intruder, intruderRound, TEAM, [secret.sha256]);
    // The push answer says "missing", exactly as for a hash nobody has.
    expect(result).toMatchObject({ status: 'applied', missingPhotos: [secret.sha256] });
    expect((await get(intruder, secret.sha256)).status).toBe(404);
    expect((await get(intruderMate, secret.sha256)).status).toBe(404);
    expect(await missing(intruder, secret.sha256)).toEqual({ missing: [secret.sha256] });
    expect(await missing(intruderMate, secret.sha256)).toEqual({ missing: [secret.sha256] });
  });

  it('answers a hash that exists elsewhere exactly like one that exists nowhere', async () => {
    const nowhere = 'e'.repeat(64);
    expect((await addFinding(intruder, intruderRound, TEAM, [nowhere]))?.missingPhotos).toEqual([nowhere]);
    expect(await missing(intruder, `${secret.sha256},${nowhere}`)).toEqual({ missing: [secret.sha256, nowhere] });
  });

  it('counts a reference made by someone who could already see the photo', async () => {
    // The owner's teammate names the photo in a finding of their own: that reference counts, for the team.
    expect(await addFinding(ownerMate, ownRound, OTHER_TEAM, [secret.sha256])).toMatchObject({ status: 'applied', missingPhotos: [] });
    const refs = await test.database.db
      .selectFrom('photo_ref_origins')
      .select(['referenced_by', 'vouched'])
      .where('sha256', '=', secret.sha256)
      .orderBy('referenced_by')
      .execute();
    expect(refs.map((ref) => [ref.referenced_by, Number(ref.vouched)]).sort()).toEqual(
      [
        [owner.userId, 1],
        [intruder.userId, 0],
        [ownerMate.userId, 1],
      ].sort(),
    );
  });

  it('tells the uploader their photo has arrived before any record names it', async () => {
    const early = variantJpeg(102);
    expect((await put(intruder, early)).status).toBe(201);
    expect(await missing(intruder, early.sha256)).toEqual({ missing: [] });
    expect((await get(intruder, early.sha256)).status).toBe(404);
  });

  it('applies the same rule to a public-space observation: naming another team’s hash shows it to nobody, the own upload to the team', async () => {
    const round = ids();
    const dev = device(intruder);
    const observe = async (photos: string[]) =>
      (
        await client(intruder).push(dev, [
          mutation(ids, 'publicSpaceObservation', ids(), publicSpaceValues(round, TEAM, 'oranjebuurt', { photos }), { device: dev }),
        ])
      ).body.results[0];
    const started = await client(intruder).push(dev, [
      mutation(ids, 'patrolRound', round, roundValues(TEAM, ['oranjebuurt'], [intruder.userId, intruderMate.userId]), { device: dev }),
    ]);
    expect(started.body.results[0]?.status).toBe('applied');

    expect(await observe([secret.sha256])).toMatchObject({ status: 'applied', missingPhotos: [secret.sha256] });
    expect((await get(intruder, secret.sha256)).status).toBe(404);
    expect((await get(intruderMate, secret.sha256)).status).toBe(404);
    expect(await missing(intruderMate, secret.sha256)).toEqual({ missing: [secret.sha256] });

    const own = variantJpeg(103);
    expect((await put(intruder, own)).status).toBe(201);
    expect(await observe([own.sha256])).toMatchObject({ status: 'applied', missingPhotos: [] });
    expect((await get(intruderMate, own.sha256)).status).toBe(200);
    expect((await get(owner, own.sha256)).status).toBe(404);
  });
});
