/**
 * A lean wire (issue 13): API answers go out as brotli or gzip by the
 * request's Accept-Encoding, with an exact Content-Length, and decode to the
 * very same JSON; photos (already JPEG/WebP) are sent as they are, with their
 * strong ETag and 304; small answers and clients that ask for nothing get
 * plain bytes.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/server/app.ts';
import { chooseEncoding } from '../../../src/server/compress.ts';
import { activityValues, createTestUser, putRecords, type TestUser } from '../../fixtures/server-auth.ts';
import { findingValues, variantJpeg } from '../../fixtures/server-schouw.ts';
import { idFactory } from '../../fixtures/server-mutations.ts';
import { DEVICE_A, NOW, TENANT } from '../../fixtures/fixed.ts';
import { fromAddress } from './api-client.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from './databases.ts';

const BUURT = 'staatsliedenbuurt';
const TEAM = 'schouwgroep-staatsliedenbuurt';

describe('chooseEncoding', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=1, br;q=0.5', 'gzip'],
    ['*', 'br'],
    ['identity', null],
    ['gzip;q=0, br;q=0', null],
    [undefined, null],
    ['', null],
  ] as const)('%s → %s', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });
});

describe.each(DIALECTS)('compressed answers on %s', (dialect) => {
  let test: TestDatabase;
  let coordinator: TestUser;
  const ids = idFactory(0xc0de);
  const photo = variantJpeg(7);
  const request = (path: string, headers: Record<string, string> = {}, init: RequestInit = {}) =>
    createApp({ db: test.database, now: () => NOW }).request(path, { ...init, headers: { ...coordinator.auth(), ...headers } }, fromAddress('192.0.2.20'));
  const bytesOf = async (response: Response) => Buffer.from(await response.arrayBuffer());

  beforeAll(async () => {
    test = await openTestDatabase(dialect);
    coordinator = await createTestUser(test.database, { devices: [DEVICE_A] });
    const schouw = ids();
    await putRecords(test.database, TENANT, [
      ...Array.from({ length: 40 }, () => ({ type: 'activity' as const, id: ids(), values: activityValues(BUURT, null) })),
      { type: 'activity', id: schouw, values: activityValues(BUURT, TEAM, { type: 'schouw' }) },
      { type: 'finding', id: ids(), values: findingValues(schouw, BUURT, TEAM, { photos: [photo.sha256] }) },
    ]);
    const upload = await request(`/api/v1/photos/${photo.sha256}`, { 'content-type': 'image/jpeg' }, { method: 'PUT', body: photo.bytes as BodyInit });
    expect(upload.status).toBe(201);
  });
  afterAll(() => test.cleanup());

  it('sends a pull page as brotli when asked, decoding to the same JSON, with an exact Content-Length', async () => {
    const plain = await request('/api/v1/sync/pull?cursor=0');
    const plainBytes = await bytesOf(plain);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toBe('Accept-Encoding');

    const br = await request('/api/v1/sync/pull?cursor=0', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    const brBytes = await bytesOf(br);
    expect(br.status).toBe(200);
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('content-type')).toMatch(/^application\/json/);
    expect(br.headers.get('cache-control')).toBe('no-store');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    expect(Number(br.headers.get('content-length'))).toBe(brBytes.byteLength);
    expect(brBytes.byteLength).toBeLessThan(plainBytes.byteLength / 4);
    expect(JSON.parse(brotliDecompressSync(brBytes).toString())).toEqual(JSON.parse(plainBytes.toString()));

    const gz = await request('/api/v1/sync/pull?cursor=0', { 'accept-encoding': 'gzip' });
    const gzBytes = await bytesOf(gz);
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(Number(gz.headers.get('content-length'))).toBe(gzBytes.byteLength);
    expect(JSON.parse(gunzipSync(gzBytes).toString())).toEqual(JSON.parse(plainBytes.toString()));
  });

  it('sends a push answer compressed too', async () => {
    const push = await request(
      '/api/v1/sync/push',
      { 'accept-encoding': 'br', 'content-type': 'application/json' },
      { method: 'POST', body: JSON.stringify({ schemaVersion: 1, deviceId: DEVICE_A, mutations: Array.from({ length: 30 }, () => ({ nonsense: ids() })) }) },
    );
    const body = await bytesOf(push);
    expect(push.headers.get('content-encoding')).toBe('br');
    const answer = JSON.parse(brotliDecompressSync(body).toString()) as { results: Array<{ status: string }> };
    expect(answer.results.map((result) => result.status)).toEqual(Array.from({ length: 30 }, () => 'rejected'));
  });

  it('leaves an answer under 1 KB as it is', async () => {
    const me = await request('/api/v1/tenant', { 'accept-encoding': 'br' });
    expect(me.status).toBe(200);
    expect(me.headers.get('content-encoding')).toBeNull();
    expect(JSON.parse((await bytesOf(me)).toString())).toHaveProperty('id');
  });

  it('sends photos as they are, with their strong ETag and a 304 on If-None-Match', async () => {
    const got = await request(`/api/v1/photos/${photo.sha256}`, { 'accept-encoding': 'gzip, br' });
    expect(got.status).toBe(200);
    expect(got.headers.get('content-encoding')).toBeNull();
    expect(got.headers.get('etag')).toBe(`"${photo.sha256}"`);
    expect((await bytesOf(got)).equals(Buffer.from(photo.bytes))).toBe(true);
    const again = await request(`/api/v1/photos/${photo.sha256}`, { 'accept-encoding': 'gzip, br', 'if-none-match': `"${photo.sha256}"` });
    expect(again.status).toBe(304);
    expect(again.headers.get('content-encoding')).toBeNull();
    expect((await bytesOf(again)).byteLength).toBe(0);
  });
});

describe('the app’s files', () => {
  it('sends a hashed asset compressed, the same bytes each time, and a changed index.html fresh', async () => {
    const { mkdtemp, mkdir, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const staticDir = await mkdtemp(path.join(tmpdir(), 'buurtlog-static-'));
    const test = await openTestDatabase('sqlite');
    try {
      await mkdir(path.join(staticDir, 'assets'));
      const script = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `woord-${i}`))};\n`;
      await writeFile(path.join(staticDir, 'assets', 'index-a1b2c3.js'), script);
      await writeFile(path.join(staticDir, 'index.html'), `<!doctype html><title>een</title>${'<p>Buurtlog</p>'.repeat(100)}`);
      const app = createApp({ db: test.database, now: () => NOW, staticDir });
      const get = async (file: string) => {
        const answer = await app.request(file, { headers: { 'accept-encoding': 'br' } });
        expect(answer.headers.get('content-encoding')).toBe('br');
        return brotliDecompressSync(Buffer.from(await answer.arrayBuffer())).toString();
      };
      expect(await get('/assets/index-a1b2c3.js')).toBe(script);
      expect(await get('/assets/index-a1b2c3.js')).toBe(script);
      expect(await get('/index.html')).toContain('<title>een</title>');
      await writeFile(path.join(staticDir, 'index.html'), `<!doctype html><title>twee</title>${'<p>Buurtlog</p>'.repeat(100)}`);
      expect(await get('/index.html')).toContain('<title>twee</title>');
    } finally {
      await test.cleanup();
      await rm(staticDir, { recursive: true, force: true });
    }
  });
});
