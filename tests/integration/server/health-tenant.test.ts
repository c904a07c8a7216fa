import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ApiErrorSchema } from '../../../src/domain/errors.ts';
import { createApp } from '../../../src/server/app.ts';
import { createDatabase, type Database, type DialectName } from '../../../src/server/db/database.ts';
import { NOW } from '../../fixtures/fixed.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from './databases.ts';

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob: https://service.pdok.nl; connect-src 'self' https://api.pdok.nl; worker-src 'self'; manifest-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

describe.each(DIALECTS)('health, tenant, security headers and unknown routes on %s', (dialect) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await openTestDatabase(dialect);
  });
  afterAll(() => test.cleanup());
  const app = (options: { trustProxy?: boolean; defaultTenant?: string } = {}) => createApp({ db: test.database, now: () => NOW, ...options });

  it('reports itself healthy with its database and version', async () => {
    const response = await app().request('/api/v1/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, database: dialect, version: expect.any(String) });
  });

  it('names the default tenant for the sign-in screen, without a token', async () => {
    const response = await app().request('/api/v1/tenant');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: 'alblasserdam', name: 'Alblasserdam' });
    expect(await (await app({ defaultTenant: 'ridderkerk' }).request('/api/v1/tenant')).json()).toEqual({ id: 'ridderkerk', name: 'Ridderkerk' });
  });

  it('says so when the default tenant does not exist', async () => {
    const response = await app({ defaultTenant: 'atlantis' }).request('/api/v1/tenant');
    expect(response.status).toBe(404);
    expect(z.parse(ApiErrorSchema, await response.json()).error.reason).toBe('unknown-tenant');
  });

  it('no longer serves the configuration outside the records', async () => {
    expect((await app().request('/api/v1/config')).status).toBe(404);
  });

  it.each([['/api/v1/health'], ['/api/v1/tenant'], ['/api/v1/sync/pull'], ['/api/v1/nothing']])(
    'sends the web security headers and no CORS headers on %s',
    async (path) => {
      const response = await app().request(path, { headers: { origin: 'https://evil.example' } });
      expect(response.headers.get('content-security-policy')).toBe(CSP);
      expect(response.headers.get('content-security-policy')).not.toContain('unsafe-inline');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('permissions-policy')).toBe('camera=(self), geolocation=(self), microphone=(), payment=(), usb=()');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('strict-transport-security')).toBeNull();
      expect([...response.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
    },
  );

  it('answers a CORS preflight without allowing anything', async () => {
    const response = await app().request('/api/v1/sync/push', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-methods')).toBeNull();
  });

  it('sends Strict-Transport-Security over HTTPS', async () => {
    const response = await app().request('https://buurtlog.example/api/v1/health');
    expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });

  it('believes X-Forwarded-Proto about HTTPS only behind a trusted proxy', async () => {
    const forwarded = { headers: { 'x-forwarded-proto': 'https' } };
    expect((await app().request('/api/v1/health', forwarded)).headers.get('strict-transport-security')).toBeNull();
    expect((await app({ trustProxy: true }).request('/api/v1/health', forwarded)).headers.get('strict-transport-security')).toBe(
      'max-age=31536000; includeSubDomains',
    );
  });

  it.each([['/api/v1/nothing'], ['/api/v2/sync/pull'], ['/api'], ['/api/v1/sync/push']])('answers %s it does not know with a JSON 404', async (path) => {
    const response = await app().request(path, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(404);
    expect(z.parse(ApiErrorSchema, await response.json()).error.reason).toBe('not-found');
  });

  it('answers 503 when the database cannot be reached', async () => {
    const unreachable = await unreachableDatabase(dialect);
    const response = await createApp({ db: unreachable.database }).request('/api/v1/health');
    expect(response.status).toBe(503);
    expect(z.parse(ApiErrorSchema, await response.json()).error.reason).toBe('server-unavailable');
    await unreachable.done();
  });
});

/** PostgreSQL: nothing listens on port 1. SQLite: the file's handle is already closed. */
async function unreachableDatabase(dialect: DialectName): Promise<{ database: Database; done(): Promise<void> }> {
  if (dialect === 'postgres') {
    const database = createDatabase({ url: 'postgres://postgres@127.0.0.1:1/test' });
    return { database, done: () => database.close() };
  }
  const closed = await openTestDatabase(dialect, { seed: false });
  await closed.cleanup();
  return { database: closed.database, done: async () => undefined };
}
