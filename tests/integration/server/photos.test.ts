/**
 * Photos on the server (DESIGN.md "Photos"): idempotent upload checked by
 * hash, type, size and content (no metadata); served only to those who may
 * read a finding that shows it, 404 to everyone else; findings accepted
 * before their photos, with the missing ones named until they arrive.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_MISSING_QUERY, MAX_PHOTO_BYTES } from '../../../src/domain/photos.ts';
import { createApp } from '../../../src/server/app.ts';
import { activityValues, createTestUser, putRecords, setTeamMembers, type TestUser } from '../../fixtures/server-auth.ts';
import { findingValues, fixturePhoto, photoBytes, processedPlainJpeg, variantJpeg, type PhotoBytes } from '../../fixtures/server-schouw.ts';
import { idFactory, mutation } from '../../fixtures/server-mutations.ts';
import { DEVICE_A, NOW, TENANT } from '../../fixtures/fixed.ts';
import { apiClient } from './api-client.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from './databases.ts';

const TEAM = 'schouwgroep-staatsliedenbuurt';
/** A JPEG segment with `marker` and a text payload. */
const segment = (marker: number, payload: string) => {
  const bytes = new TextEncoder().encode(payload);
  return [0xff, marker, (bytes.length + 2) >> 8, (bytes.length + 2) & 0xff, ...bytes];
};
const BUURT = 'staatsliedenbuurt';

describe.each(DIALECTS)('photos on %s', (dialect) => {
  let test: TestDatabase;
  let professional: TestUser;
  let elsewhere: TestUser;
  let resident: TestUser;
  let police: TestUser;
  let otherTenant: TestUser;
  const ids = idFactory(0xf070);
  const schouw = ids();
  const shown = variantJpeg(1);
  const client = (user?: TestUser) => apiClient(createApp({ db: test.database, now: () => NOW }), user);
  const put = (user: TestUser, photo: PhotoBytes, headers: Record<string, string> = {}, sha256 = photo.sha256) =>
    client(user).send(`/api/v1/photos/${sha256}`, {
      method: 'PUT',
      headers: { 'content-type': 'image/jpeg', ...user.auth(), ...headers },
      body: photo.bytes as BodyInit,
    });
  const get = (user: TestUser | undefined, sha256: string, init: RequestInit = {}) =>
    client(user).send(`/api/v1/photos/${sha256}`, {
      ...init,
      headers: { ...(user ? user.auth() : {}), ...(init.headers as Record<string, string> | undefined) },
    });
  const missing = (user: TestUser, ids: string) => client(user).send(`/api/v1/photos/missing?ids=${ids}`, { headers: user.auth() });
  const photoRows = () => test.database.db.selectFrom('photos').select(['tenant_id', 'sha256', 'created_by', 'size']).orderBy('sha256').execute();

  beforeAll(async () => {
    test = await openTestDatabase(dialect);
    professional = await createTestUser(test.database, { role: 'professional', buurtIds: [BUURT], devices: [DEVICE_A] });
    elsewhere = await createTestUser(test.database, { role: 'professional', buurtIds: ['kinderdijk'], devices: ['prof-kd-phone-01'] });
    resident = await createTestUser(test.database, { role: 'volunteer', devices: ['resident-phone-01'] });
    police = await createTestUser(test.database, { role: 'police', devices: ['police-phone-01'] });
    otherTenant = await createTestUser(test.database, { tenantId: 'ridderkerk', role: 'coordinator', devices: ['rk-phone-01'] });
    await setTeamMembers(test.database, TENANT, TEAM, [resident.userId]);
    await putRecords(test.database, TENANT, [
      { type: 'activity', id: schouw, values: activityValues(BUURT, TEAM, { type: 'schouw' }) },
      { type: 'finding', id: ids(), values: findingValues(schouw, BUURT, TEAM, { photos: [shown.sha256] }) },
    ]);
    expect((await put(resident, shown)).status).toBe(201);
  });
  afterAll(() => test.cleanup());

  describe('upload', () => {
    it('stores a photo (201), and answers the same photo again 200 without changing anything', async () => {
      const photo = variantJpeg(2);
      const first = await put(resident, photo);
      expect(first).toMatchObject({ status: 201, body: { sha256: photo.sha256, type: 'image/jpeg', size: photo.bytes.length } });
      const rows = await photoRows();
      const second = await put(professional, photo);
      expect(second).toMatchObject({ status: 200, body: { sha256: photo.sha256, type: 'image/jpeg', size: photo.bytes.length } });
      expect(await photoRows()).toEqual(rows);
      expect(rows.find((row) => row.sha256 === photo.sha256)).toMatchObject({ created_by: resident.userId, size: photo.bytes.length });
    });

    it('stores the bytes exactly, as a BLOB / bytea', async () => {
      const row = await test.database.db.selectFrom('photos').select('bytes').where('sha256', '=', shown.sha256).executeTakeFirstOrThrow();
      expect(Buffer.from(row.bytes).equals(Buffer.from(shown.bytes))).toBe(true);
    });

    it('refuses bytes whose hash is not the one in the address (400, hash-mismatch), storing nothing', async () => {
      const photo = variantJpeg(3);
      const rows = await photoRows();
      const answer = await put(resident, photo, {}, variantJpeg(4).sha256);
      expect(answer).toMatchObject({
        status: 400,
        body: {
          error: { reason: 'invalid-payload', message: expect.stringMatching(/^Hash mismatch/), issues: [{ path: 'sha256', message: 'hash-mismatch' }] },
        },
      });
      expect(await photoRows()).toEqual(rows);
    });

    it.each([['image/png'], ['text/plain'], ['application/octet-stream'], ['image/heic']])('refuses Content-Type %s (415)', async (type) => {
      expect(await put(resident, variantJpeg(5), { 'content-type': type })).toMatchObject({
        status: 415,
        body: { error: { reason: 'unsupported-media-type' } },
      });
    });

    it('refuses a photo larger than 2 MiB (413), by its Content-Length or while reading', async () => {
      const big = photoBytes(new Uint8Array(MAX_PHOTO_BYTES + 1));
      expect(await put(resident, big)).toMatchObject({ status: 413, body: { error: { reason: 'body-too-large' } } });
      // Streamed without a length: counted while reading.
      const stream = new ReadableStream({
        start(controller) {
          controller.enqueue(big.bytes.subarray(0, MAX_PHOTO_BYTES));
          controller.enqueue(big.bytes.subarray(MAX_PHOTO_BYTES));
          controller.close();
        },
      });
      const streamed = await client(resident).send(`/api/v1/photos/${big.sha256}`, {
        method: 'PUT',
        headers: { 'content-type': 'image/jpeg', ...resident.auth() },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      expect(streamed.status).toBe(413);
    });

    it('takes a photo of exactly 2 MiB as far as its content (no 413)', async () => {
      const edge = photoBytes(new Uint8Array(MAX_PHOTO_BYTES));
      expect(await put(resident, edge)).toMatchObject({ status: 400, body: { error: { message: expect.stringContaining('not a JPEG') } } });
    });

    it('refuses a JPEG carrying EXIF with GPS (415): a position never hides in a file', async () => {
      const answer = await put(resident, fixturePhoto('orientation-6-gps.jpg'));
      expect(answer).toMatchObject({ status: 415, body: { error: { reason: 'unsupported-media-type', message: expect.stringContaining('EXIF or XMP') } } });
      expect((await photoRows()).map((row) => row.sha256)).not.toContain(fixturePhoto('orientation-6-gps.jpg').sha256);
    });

    it('refuses a JPEG with an ICC profile (APP2) as Chromium encodes it (415), and takes it as the app’s stripper leaves it', async () => {
      expect(await put(resident, fixturePhoto('plain-upright.jpg'))).toMatchObject({
        status: 415,
        body: { error: { message: expect.stringContaining('APP2') } },
      });
      expect((await put(resident, processedPlainJpeg())).status).toBe(201);
    });

    it.each([
      ['EXIF moved into APP3', segment(0xe3, 'Exif\0\0GPS 51.86 4.66')],
      ['metadata in APP11', segment(0xeb, 'JP\0\0GPS')],
      ['metadata in APP15', segment(0xef, 'GPS 51.86 4.66')],
      ['a comment holding an HTML polyglot', segment(0xfe, '<html><script>alert(1)</script></html>')],
    ])('refuses a JPEG with %s (415), storing nothing', async (_what, extra) => {
      const plain = processedPlainJpeg().bytes;
      const photo = photoBytes(new Uint8Array([...plain.subarray(0, 2), ...extra, ...plain.subarray(2)]));
      const rows = await photoRows();
      expect(await put(resident, photo)).toMatchObject({ status: 415, body: { error: { reason: 'unsupported-media-type' } } });
      expect(await photoRows()).toEqual(rows);
    });

    it('refuses a JPEG with no image data (415)', async () => {
      const plain = processedPlainJpeg().bytes;
      const sos = plain.findIndex((byte, i) => byte === 0xff && plain[i + 1] === 0xda);
      const empty = photoBytes(new Uint8Array([...plain.subarray(0, sos), 0xff, 0xd9]));
      expect(await put(resident, empty)).toMatchObject({
        status: 415,
        body: { error: { reason: 'unsupported-media-type', message: expect.stringContaining('no image data') } },
      });
    });

    it.each([
      ['a lower-case exif chunk', 'exif'],
      ['garbage', 'JUNK'],
    ])('refuses a WebP with %s (415)', async (_what, fourcc) => {
      const chunk = (id: string, data: number[]) => [...new TextEncoder().encode(id), data.length, 0, 0, 0, ...data, ...(data.length % 2 ? [0] : [])];
      const body = [...chunk('VP8L', [0x2f, 1, 2, 3, 4]), ...chunk(fourcc, [...new TextEncoder().encode('MM\0*GPS')])];
      const webp = photoBytes(new Uint8Array([...new TextEncoder().encode('RIFF'), body.length + 4, 0, 0, 0, ...new TextEncoder().encode('WEBP'), ...body]));
      expect(await put(resident, webp, { 'content-type': 'image/webp' })).toMatchObject({ status: 415, body: { error: { reason: 'unsupported-media-type' } } });
    });

    it.each([
      ['text sent as a JPEG', fixturePhoto('not-an-image.jpg'), 'image/jpeg', 'not a JPEG'],
      ['a JPEG sent as WebP', variantJpeg(6), 'image/webp', 'not a WebP'],
    ])('refuses %s (400)', async (_what, photo, type, message) => {
      expect(await put(resident, photo, { 'content-type': type })).toMatchObject({
        status: 400,
        body: { error: { reason: 'invalid-payload', message: expect.stringContaining(message) } },
      });
    });

    it('stores a WebP photo', async () => {
      const body = [...new TextEncoder().encode('VP8L'), 5, 0, 0, 0, 0x2f, 1, 2, 3, 4, 0];
      const webp = photoBytes(new Uint8Array([...new TextEncoder().encode('RIFF'), body.length + 4, 0, 0, 0, ...new TextEncoder().encode('WEBP'), ...body]));
      expect(await put(resident, webp, { 'content-type': 'image/webp' })).toMatchObject({ status: 201, body: { type: 'image/webp' } });
    });

    it('refuses an empty body and an address that is not a SHA-256 (400)', async () => {
      expect(await put(resident, photoBytes(new Uint8Array()))).toMatchObject({ status: 400, body: { error: { message: expect.stringContaining('empty') } } });
      expect(await put(resident, shown, {}, shown.sha256.toUpperCase())).toMatchObject({ status: 400, body: { error: { issues: [{ path: 'sha256' }] } } });
    });

    it('refuses the police, who make no findings (403), and anyone not signed in (401)', async () => {
      expect(await put(police, variantJpeg(7))).toMatchObject({ status: 403, body: { error: { reason: 'forbidden' } } });
      const anonymous = await client().send(`/api/v1/photos/${shown.sha256}`, {
        method: 'PUT',
        headers: { 'content-type': 'image/jpeg' },
        body: shown.bytes as BodyInit,
      });
      expect(anonymous.status).toBe(401);
    });
  });

  describe('serving', () => {
    it.each([
      ['a professional of the buurt', () => professional],
      ['a resident of the schouw group', () => resident],
    ])('serves the photo to %s, private and never kept in the HTTP cache', async (_who, user) => {
      const response = await createApp({ db: test.database, now: () => NOW }).request(`/api/v1/photos/${shown.sha256}`, { headers: user().auth() });
      expect(response.status).toBe(200);
      expect(
        Object.fromEntries(
          ['content-type', 'cache-control', 'x-content-type-options', 'content-length', 'etag'].map((name) => [name, response.headers.get(name)]),
        ),
      ).toEqual({
        'content-type': 'image/jpeg',
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
        'content-length': String(shown.bytes.length),
        etag: `"${shown.sha256}"`,
      });
      expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(shown.bytes))).toBe(true);
    });

    it('answers HEAD like GET, without the bytes', async () => {
      const response = await createApp({ db: test.database, now: () => NOW }).request(`/api/v1/photos/${shown.sha256}`, {
        method: 'HEAD',
        headers: professional.auth(),
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/jpeg');
      expect((await response.arrayBuffer()).byteLength).toBe(0);
      const refused = await createApp({ db: test.database, now: () => NOW }).request(`/api/v1/photos/${shown.sha256}`, {
        method: 'HEAD',
        headers: elsewhere.auth(),
      });
      expect(refused.status).toBe(404);
    });

    it('answers 304 to a browser that has it', async () => {
      expect((await get(professional, shown.sha256, { headers: { 'if-none-match': `"${shown.sha256}"` } })).status).toBe(304);
    });

    it.each([
      ['a professional of another buurt', () => elsewhere],
      ['the police', () => police],
      ['another tenant’s coordinator', () => otherTenant],
    ])('answers 404 to %s, as for a photo that does not exist', async (_who, user) => {
      const answer = await get(user(), shown.sha256);
      const nothing = await get(user(), 'f'.repeat(64));
      expect(answer).toMatchObject({ status: 404, body: { error: { reason: 'not-found' } } });
      expect(answer.body).toEqual(nothing.body);
    });

    it('answers 404 for a photo another tenant uploaded too, when no finding of this tenant shows it', async () => {
      expect((await put(otherTenant, shown)).status).toBe(201);
      expect((await get(otherTenant, shown.sha256)).status).toBe(404);
    });

    it('answers 404 for a stored photo no finding shows, even to its uploader', async () => {
      const loose = variantJpeg(8);
      expect((await put(resident, loose)).status).toBe(201);
      expect((await get(resident, loose.sha256)).status).toBe(404);
    });

    it('stops serving a photo once its finding is deleted or no longer shows it', async () => {
      const [a, b] = [variantJpeg(9), variantJpeg(10)];
      const [first, second] = [ids(), ids()];
      await put(resident, a);
      await put(resident, b);
      await putRecords(
        test.database,
        TENANT,
        [
          { type: 'finding', id: first, values: findingValues(schouw, BUURT, TEAM, { photos: [a.sha256] }) },
          { type: 'finding', id: second, values: findingValues(schouw, BUURT, TEAM, { photos: [b.sha256] }) },
        ],
        NOW - 50_000,
      );
      expect((await get(professional, a.sha256)).status).toBe(200);
      expect((await get(professional, b.sha256)).status).toBe(200);
      await putRecords(
        test.database,
        TENANT,
        [
          { type: 'finding', id: first, values: { deleted: true } },
          { type: 'finding', id: second, values: { photos: [] } },
        ],
        NOW - 40_000,
      );
      expect((await get(professional, a.sha256)).status).toBe(404);
      expect((await get(professional, b.sha256)).status).toBe(404);
    });

    it('needs a signed-in caller', async () => {
      expect((await get(undefined, shown.sha256)).status).toBe(401);
    });
  });

  describe('missing photos', () => {
    it('accepts a finding before its photos and names the missing ones in the push result until they arrive', async () => {
      const [early, late] = [variantJpeg(11), variantJpeg(12)];
      await put(resident, early);
      const findingId = ids();
      const create = mutation(ids, 'finding', findingId, findingValues(schouw, BUURT, TEAM, { photos: [early.sha256, late.sha256] }), {
        device: 'resident-phone-01',
      });
      const first = await client(resident).push('resident-phone-01', [create]);
      expect(first.body.results[0]).toMatchObject({ status: 'applied', missingPhotos: [late.sha256] });
      expect((await missing(resident, `${early.sha256},${late.sha256}`)).body).toEqual({ missing: [late.sha256] });

      // A retry of the same push (its answer was lost) still says what is missing.
      expect((await client(resident).push('resident-phone-01', [create])).body.results[0]).toMatchObject({ status: 'duplicate', missingPhotos: [late.sha256] });

      expect((await put(resident, late)).status).toBe(201);
      expect((await client(resident).push('resident-phone-01', [create])).body.results[0]).toMatchObject({ status: 'duplicate', missingPhotos: [] });
      const edit = mutation(ids, 'finding', findingId, { note: 'Twee foto’s' }, { device: 'resident-phone-01', offsetMs: 1000 });
      expect((await client(resident).push('resident-phone-01', [edit])).body.results[0]).toMatchObject({ status: 'applied', missingPhotos: [] });
      expect((await missing(resident, `${early.sha256},${late.sha256}`)).body).toEqual({ missing: [] });
      // And the photo is served once it has arrived.
      expect((await get(professional, late.sha256)).status).toBe(200);
    });

    it('lists nothing for records without photos, nor for rejected findings', async () => {
      const activityId = ids();
      const { body } = await client(resident).push('resident-phone-01', [
        mutation(ids, 'activity', activityId, activityValues(BUURT, TEAM), { device: 'resident-phone-01' }),
        mutation(ids, 'finding', ids(), findingValues(ids(), BUURT, TEAM, { photos: [variantJpeg(13).sha256] }), { device: 'resident-phone-01' }),
      ]);
      expect(body.results[0]).not.toHaveProperty('missingPhotos');
      expect(body.results[1]).toMatchObject({ status: 'rejected', reason: 'unknown-activity' });
      expect(body.results[1]).not.toHaveProperty('missingPhotos');
    });

    it('answers which of the given photos the server lacks, once each, in the order asked', async () => {
      const absent = variantJpeg(14).sha256;
      const answer = await missing(resident, `${absent},${shown.sha256},${absent}`);
      expect(answer).toMatchObject({ status: 200, body: { missing: [absent] } });
      expect((await missing(resident, '')).body).toEqual({ missing: [] });
    });

    it('answers per tenant: a photo only another tenant has is missing here', async () => {
      const theirs = variantJpeg(15);
      await put(otherTenant, theirs);
      expect((await missing(resident, theirs.sha256)).body).toEqual({ missing: [theirs.sha256] });
      expect((await missing(otherTenant, theirs.sha256)).body).toEqual({ missing: [] });
    });

    it.each([
      ['a hash in capitals', 'A'.repeat(64)],
      ['a short hash', 'abc'],
      [`more than ${MAX_MISSING_QUERY} hashes`, Array.from({ length: MAX_MISSING_QUERY + 1 }, (_, i) => i.toString(16).padStart(64, '0')).join(',')],
    ])('refuses %s (400)', async (_what, query) => {
      expect(await missing(resident, query)).toMatchObject({ status: 400, body: { error: { reason: 'invalid-payload' } } });
    });

    it('needs a signed-in caller', async () => {
      expect((await client().send(`/api/v1/photos/missing?ids=${shown.sha256}`)).status).toBe(401);
    });
  });
});
