import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ApiErrorSchema } from '../../../src/domain/errors.ts';
import { TenantConfigSchema } from '../../../src/domain/tenant-config.ts';
import { createApp } from '../../../src/server/app.ts';
import { createDatabase, type Database, type DialectName } from '../../../src/server/db/database.ts';
import { insertTenantIfMissing } from '../../../src/server/db/tenants.ts';
import { DEMO_TENANT } from '../../../src/server/seed.ts';
import { NOW } from '../../fixtures/server-mutations.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from './databases.ts';

describe.each(DIALECTS)('health, config and unknown routes on %s', (dialect) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await openTestDatabase(dialect);
    await insertTenantIfMissing(test.database.db, { ...DEMO_TENANT, id: 'ridderkerk', name: 'Ridderkerk', cbsCode: 'GM0597', buurten: [] }, NOW);
  });
  afterAll(() => test.cleanup());
  const app = () => createApp({ db: test.database, now: () => NOW });

  it('reports itself healthy with its database and version', async () => {
    const response = await app().request('/api/v1/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, database: dialect, version: expect.any(String) });
  });

  it('sends the security headers and no CORS headers', async () => {
    const response = await app().request('/api/v1/health', { headers: { origin: 'https://evil.example' } });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves the default tenant’s config without a tenant header', async () => {
    const response = await app().request('/api/v1/config');
    expect(response.status).toBe(200);
    const config = z.parse(TenantConfigSchema, await response.json());
    expect(config.id).toBe('alblasserdam');
    expect(config.cbsCode).toBe('GM0482');
    expect(config.buurten.map((buurt) => buurt.id)).toEqual([
      'staatsliedenbuurt',
      'schildersbuurt',
      'oranjebuurt',
      'kinderdijk',
      'centrum',
      'plantageweg',
      'souburgh',
    ]);
    expect(config.partners.map((partner) => partner.kind)).toEqual(['municipality', 'housingCorporation', 'welfare', 'police', 'youthWork', 'health']);
  });

  it('serves the config of the tenant named in X-Tenant-Id', async () => {
    const response = await app().request('/api/v1/config', { headers: { 'x-tenant-id': 'ridderkerk' } });
    expect(z.parse(TenantConfigSchema, await response.json()).name).toBe('Ridderkerk');
  });

  it('serves another default tenant when told to', async () => {
    const response = await createApp({ db: test.database, defaultTenant: 'ridderkerk' }).request('/api/v1/config');
    expect(z.parse(TenantConfigSchema, await response.json()).id).toBe('ridderkerk');
  });

  it('refuses an unknown tenant with a reason', async () => {
    const response = await app().request('/api/v1/config', { headers: { 'x-tenant-id': 'atlantis' } });
    expect(response.status).toBe(403);
    expect(z.parse(ApiErrorSchema, await response.json()).error.reason).toBe('unknown-tenant');
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
