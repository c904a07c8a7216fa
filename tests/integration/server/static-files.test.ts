import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/server/app.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from './databases.ts';

const INDEX = '<!doctype html><title>Buurtlog</title>';

describe.each(DIALECTS)('serving the built PWA on %s', (dialect) => {
  let test: TestDatabase;
  let outside: string;
  let staticDir: string;
  beforeAll(async () => {
    test = await openTestDatabase(dialect);
    outside = await mkdtemp(path.join(tmpdir(), 'buurtlog-static-'));
    staticDir = path.join(outside, 'dist');
    await mkdir(path.join(staticDir, 'assets'), { recursive: true });
    await writeFile(path.join(outside, 'secret.txt'), 'not for the web');
    await writeFile(path.join(staticDir, 'index.html'), INDEX);
    await writeFile(path.join(staticDir, 'sw.js'), 'self.addEventListener("install", () => {});');
    await writeFile(path.join(staticDir, 'assets', 'index-3f2a1b.js'), 'console.log(1)');
    await writeFile(path.join(staticDir, 'manifest.webmanifest'), '{"name":"Buurtlog"}');
    await writeFile(path.join(staticDir, 'icon-192.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
  });
  afterAll(async () => {
    await test.cleanup();
    await rm(outside, { recursive: true, force: true });
  });
  const get = (url: string, accept = '*/*') => createApp({ db: test.database, staticDir }).request(url, { headers: { accept } });

  it.each([
    ['/', 'text/html; charset=utf-8', 'no-cache'],
    ['/index.html', 'text/html; charset=utf-8', 'no-cache'],
    ['/sw.js', 'text/javascript; charset=utf-8', 'no-cache'],
    ['/assets/index-3f2a1b.js', 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable'],
    ['/manifest.webmanifest', 'application/manifest+json', 'no-cache'],
    ['/icon-192.png', 'image/png', 'no-cache'],
  ])('serves %s as %s with Cache-Control %s', async (url, type, cacheControl) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('cache-control')).toBe(cacheControl);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers a navigation to an app route with index.html', async () => {
    const response = await get('/activiteiten/0193a1b2', 'text/html,application/xhtml+xml');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(INDEX);
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers a missing file that is not a navigation with 404', async () => {
    const response = await get('/missing.png', 'image/*');
    expect(response.status).toBe(404);
  });

  it.each([['/api/v1/activities'], ['/api'], ['/api/']])('never answers %s with index.html, even for a navigation', async (url) => {
    const response = await get(url, 'text/html');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toMatchObject({ error: { reason: 'not-found' } });
  });

  it('still answers the API', async () => {
    expect((await get('/api/v1/health')).status).toBe(200);
  });

  it.each([['/..%2fsecret.txt'], ['/%2e%2e/secret.txt'], ['/assets/..%2f..%2fsecret.txt']])('never serves a file outside the folder (%s)', async (url) => {
    const response = await get(url);
    expect(await response.text()).not.toContain('not for the web');
  });

  it('answers HEAD like GET, with the same status and content type', async () => {
    const app = createApp({ db: test.database, staticDir });
    for (const [url, type] of [
      ['/', 'text/html'],
      ['/sw.js', 'javascript'],
      ['/manifest.webmanifest', 'application/manifest+json'],
    ] as const) {
      const response = await app.request(url, { method: 'HEAD', headers: { accept: 'text/html' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain(type);
    }
  });

  it('serves nothing for POST', async () => {
    const response = await createApp({ db: test.database, staticDir }).request('/', { method: 'POST', headers: { accept: 'text/html' } });
    expect(response.status).toBe(404);
  });

  it('serves only the API without a static folder', async () => {
    const response = await createApp({ db: test.database }).request('/', { headers: { accept: 'text/html' } });
    expect(response.status).toBe(404);
  });
});

// The Content-Security-Policy allows no inline script or style; the built app must not need any.
const BUILT_INDEX = path.resolve(import.meta.dirname, '../../../dist/index.html');
describe.skipIf(!existsSync(BUILT_INDEX))('the built index.html (npm test builds it first)', () => {
  it('has no inline script, style or event handler', async () => {
    const html = await readFile(BUILT_INDEX, 'utf8');
    expect(html.match(/<script(?![^>]*\ssrc=)[^>]*>/g) ?? []).toEqual([]);
    expect(html).not.toMatch(/<style[\s>]/);
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).not.toMatch(/\son[a-z]+=/);
  });
});
