/**
 * Thumbnails made once, where the photo is taken (issue 13, item 3): the
 * capturing phone uploads the thumbnail as its own content-addressed object
 * beside the photo, and the record names it in `thumbnails` (photo hash →
 * thumbnail hash). The thumbnail is then referenced by the record like its
 * photo: whoever may see the finding (or public-space observation) may fetch
 * it, everyone else gets 404, and a push's `missingPhotos` names it until it
 * has arrived.
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

const TEAM = 'schouwgroep-staatsliedenbuurt';
const OTHER_TEAM = 'buurtpreventie-oranjebuurt';

describe.each(DIALECTS)('thumbnail access on %s', (dialect) => {
  let test: TestDatabase;
  let taker: TestUser;
  let mate: TestUser;
  let outsider: TestUser;
  const ids = idFactory(0x7b);
  const round = ids();
  const findingId = ids();
  const photo = variantJpeg(201);
  const thumbnail = variantJpeg(202);
  const client = (user: TestUser) => apiClient(createApp({ db: test.database, now: () => NOW }), user);
  const put = (user: TestUser, bytes: PhotoBytes) =>
    client(user).send(`/api/v1/photos/${bytes.sha256}`, {
      method: 'PUT',
      headers: { 'content-type': 'image/jpeg', ...user.auth() },
      body: bytes.bytes as BodyInit,
    });
  const get = async (user: TestUser, sha256: string) => (await client(user).send(`/api/v1/photos/${sha256}`, { headers: user.auth() })).status;
  const device = (user: TestUser) => [...user.tokens.keys()][0] as string;
  const pushFinding = async (user: TestUser, id: string, team: string, onRound: string, extra: Record<string, unknown>) =>
    (await client(user).push(device(user), [mutation(ids, 'finding', id, findingValues(onRound, 'oranjebuurt', team, extra), { device: device(user) })])).body
      .results[0];

  beforeAll(async () => {
    test = await openTestDatabase(dialect);
    taker = await createTestUser(test.database, { role: 'volunteer', devices: ['thumb-taker-01'] });
    mate = await createTestUser(test.database, { role: 'volunteer', devices: ['thumb-mate-01'] });
    outsider = await createTestUser(test.database, { role: 'volunteer', devices: ['thumb-outsider-01'] });
    await setTeamMembers(test.database, TENANT, TEAM, [taker.userId, mate.userId]);
    await setTeamMembers(test.database, TENANT, OTHER_TEAM, [outsider.userId]);
    await putRecords(test.database, TENANT, [{ type: 'activity', id: round, values: activityValues('oranjebuurt', TEAM, { type: 'schouw' }) }]);
  });
  afterAll(() => test.cleanup());

  it('names a thumbnail not yet uploaded as missing, and serves it to whoever may see the finding once it is there', async () => {
    expect((await put(taker, photo)).status).toBe(201);
    const pushed = await pushFinding(taker, findingId, TEAM, round, { photos: [photo.sha256], thumbnails: { [photo.sha256]: thumbnail.sha256 } });
    expect(pushed).toMatchObject({ status: 'applied', missingPhotos: [thumbnail.sha256] });
    expect(await get(mate, thumbnail.sha256)).toBe(404);

    expect((await put(taker, thumbnail)).status).toBe(201);
    expect(await get(mate, thumbnail.sha256)).toBe(200);
    expect(await get(mate, photo.sha256)).toBe(200);
    expect(await get(taker, thumbnail.sha256)).toBe(200);
  });

  it('answers 404 to someone who may not see the finding, exactly as for a thumbnail that does not exist', async () => {
    expect(await get(outsider, thumbnail.sha256)).toBe(404);
    expect(await get(outsider, 'f'.repeat(64))).toBe(404);
  });

  it('does not serve a thumbnail to someone who names its hash in their own record', async () => {
    const ownRound = ids();
    await putRecords(test.database, TENANT, [{ type: 'activity', id: ownRound, values: activityValues('oranjebuurt', OTHER_TEAM, { type: 'schouw' }) }]);
    const decoy = variantJpeg(203);
    expect((await put(outsider, decoy)).status).toBe(201);
    const pushed = await pushFinding(outsider, ids(), OTHER_TEAM, ownRound, { photos: [decoy.sha256], thumbnails: { [decoy.sha256]: thumbnail.sha256 } });
    expect(pushed).toMatchObject({ status: 'applied', missingPhotos: [thumbnail.sha256] });
    expect(await get(outsider, thumbnail.sha256)).toBe(404);
  });

  it('ignores a thumbnail named for a photo the record does not show', async () => {
    const stray = variantJpeg(204);
    expect((await put(taker, stray)).status).toBe(201);
    const other = ids();
    await pushFinding(taker, other, TEAM, round, { photos: [], thumbnails: { [photo.sha256]: stray.sha256 } });
    expect(await get(mate, stray.sha256)).toBe(404);
  });

  it('serves a public-space observation’s thumbnail to its team only', async () => {
    const patrol = ids();
    const dev = device(outsider);
    const shot = variantJpeg(205);
    const small = variantJpeg(206);
    expect((await put(outsider, shot)).status).toBe(201);
    expect((await put(outsider, small)).status).toBe(201);
    const results = await client(outsider).push(dev, [
      mutation(ids, 'patrolRound', patrol, roundValues(OTHER_TEAM, ['oranjebuurt'], [outsider.userId]), { device: dev }),
      mutation(
        ids,
        'publicSpaceObservation',
        ids(),
        publicSpaceValues(patrol, OTHER_TEAM, 'oranjebuurt', { photos: [shot.sha256], thumbnails: { [shot.sha256]: small.sha256 } }),
        {
          device: dev,
        },
      ),
    ]);
    expect(results.body.results.map((result) => result.status)).toEqual(['applied', 'applied']);
    expect(results.body.results[1]).toMatchObject({ missingPhotos: [] });
    expect(await get(outsider, small.sha256)).toBe(200);
    expect(await get(mate, small.sha256)).toBe(404);
  });

  it('stops serving the thumbnail once the finding no longer shows its photo, or is deleted', async () => {
    const second = ids();
    const [shot, small] = [variantJpeg(207), variantJpeg(208)];
    expect((await put(taker, shot)).status).toBe(201);
    expect((await put(taker, small)).status).toBe(201);
    await pushFinding(taker, second, TEAM, round, { photos: [shot.sha256], thumbnails: { [shot.sha256]: small.sha256 } });
    expect(await get(mate, small.sha256)).toBe(200);
    // Later writes (by the coordinator's clock): the photo taken off one finding, the other finding deleted.
    await putRecords(
      test.database,
      TENANT,
      [
        { type: 'finding', id: second, values: { photos: [] } },
        { type: 'finding', id: findingId, values: { deleted: true } },
      ],
      NOW + 60_000,
    );
    expect(await get(mate, small.sha256)).toBe(404);
    expect(await get(mate, thumbnail.sha256)).toBe(404);
    expect(await get(taker, thumbnail.sha256)).toBe(404);
  });
});
