/**
 * Issue 10, items 12 and 13: what an answer gives away besides its content.
 * A pull cursor and audit numbers count only the caller's own tenant; a
 * sign-in costs one scrypt check whatever the number of accounts with the
 * e-mail; no API answer or photo may stay in the browser's HTTP cache, and
 * a revoked device's answer tells the browser to clear it.
 */
import * as crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../../src/server/app.ts';
import { coordinatorEmail } from '../../../src/server/seed.ts';
import { TEST_COORDINATOR_PASSWORD, activityValues, createTestUser, putRecords, type TestUser } from '../../fixtures/server-auth.ts';
import { findingValues, variantJpeg } from '../../fixtures/server-schouw.ts';
import { NOW, TENANT } from '../../fixtures/fixed.ts';
import { idFactory, newActivity } from '../../fixtures/server-mutations.ts';
import { apiClient } from './api-client.ts';
import { DIALECTS, TEST_COORDINATOR_PASSWORD_HASH, openTestDatabase, type TestDatabase } from './databases.ts';

// Counts the scrypt runs behind a sign-in (the real function does the work).
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return { ...actual, scrypt: vi.fn(actual.scrypt) };
});

const SHARED_EMAIL = 'wijkteam@gedeeld.example';

describe.each(DIALECTS)('side channels and caching on %s', (dialect) => {
  let test: TestDatabase;
  let coordinator: TestUser;
  let ridderkerk: TestUser;
  const ids = idFactory(0x5c11);
  const client = (user?: TestUser) => apiClient(createApp({ db: test.database, now: () => NOW }), user);

  beforeAll(async () => {
    test = await openTestDatabase(dialect);
    coordinator = await createTestUser(test.database, { role: 'coordinator', devices: ['side-phone-01'] });
    ridderkerk = await createTestUser(test.database, { tenantId: 'ridderkerk', role: 'coordinator', devices: ['side-rk-01'] });
    // One e-mail in both tenants, and one more account in Alblasserdam.
    for (const tenantId of [TENANT, 'ridderkerk'])
      await createTestUser(test.database, { tenantId, role: 'professional', email: SHARED_EMAIL, passwordHash: TEST_COORDINATOR_PASSWORD_HASH, devices: [] });
  });
  afterAll(() => test.cleanup());

  describe('cursors', () => {
    it('moves a tenant’s pull cursor by its own changes only, however much another tenant writes', async () => {
      const seqOf = (cursor: string) => Number(cursor.split('.').at(-1));
      const before = seqOf(await lastCursor(client(coordinator)));
      const flood = Array.from({ length: 40 }, () => ({ ...newActivity(ids, ids(), { device: 'side-rk-01' }, { buurtId: 'bolnes' }), tenantId: 'ridderkerk' }));
      await client(ridderkerk).push('side-rk-01', flood);
      await client(coordinator).push('side-phone-01', [newActivity(ids, ids(), { device: 'side-phone-01' })]);
      expect(seqOf(await lastCursor(client(coordinator)))).toBe(before + 1);
    });

    it('numbers audit entries per tenant: another tenant’s activity leaves no gap', async () => {
      const newest = async () =>
        ((await client(coordinator).call('GET', '/api/v1/audit?limit=1')).body as { entries: Array<{ seq: number }> }).entries[0]?.seq ?? 0;
      const before = await newest();
      await client(ridderkerk).push('side-rk-01', [{ ...newActivity(ids, ids(), { device: 'side-rk-01' }, { buurtId: 'bolnes' }), tenantId: 'ridderkerk' }]);
      await client(coordinator).push('side-phone-01', [newActivity(ids, ids(), { device: 'side-phone-01' })]);
      expect(await newest()).toBe(before + 1);
    });
  });

  describe('sign-in', () => {
    const scrypt = vi.mocked(crypto.scrypt);
    const scryptRunsOf = async (email: string, password: string) => {
      scrypt.mockClear();
      const answer = await apiClient(createApp({ db: test.database, now: () => NOW }), undefined, `192.0.2.${Math.floor(Math.random() * 200) + 20}`).call(
        'POST',
        '/api/v1/auth/sign-in',
        {
          email,
          password,
          deviceId: 'side-laptop-01',
          deviceName: 'Laptop',
        },
      );
      return { status: answer.status, runs: scrypt.mock.calls.length };
    };

    it('runs scrypt exactly once for an unknown e-mail, one account, and an e-mail in two tenants', async () => {
      expect(await scryptRunsOf('niemand@nergens.example', 'fout-wachtwoord')).toEqual({ status: 401, runs: 1 });
      expect(await scryptRunsOf(coordinatorEmail(TENANT), 'fout-wachtwoord')).toEqual({ status: 401, runs: 1 });
      expect(await scryptRunsOf(SHARED_EMAIL, 'fout-wachtwoord')).toEqual({ status: 401, runs: 1 });
      expect(await scryptRunsOf(SHARED_EMAIL, TEST_COORDINATOR_PASSWORD)).toEqual({ status: 200, runs: 1 });
    });

    it('lets a person with an e-mail in two tenants name the tenant', async () => {
      const answer = await client().call('POST', '/api/v1/auth/sign-in', {
        email: SHARED_EMAIL,
        password: TEST_COORDINATOR_PASSWORD,
        tenantId: 'ridderkerk',
        deviceId: 'side-laptop-02',
        deviceName: 'Laptop',
      });
      expect(answer).toMatchObject({ status: 200, body: { me: { tenantId: 'ridderkerk' } } });
    });
  });

  describe('caching', () => {
    it.each([['/api/v1/me'], ['/api/v1/users'], ['/api/v1/sync/pull'], ['/api/v1/audit'], ['/api/v1/devices'], ['/api/v1/nothing-here']])(
      'answers %s with Cache-Control: no-store',
      async (path) => {
        const answer = await client(coordinator).call('GET', path);
        expect(answer.headers.get('cache-control')).toBe('no-store');
      },
    );

    it('answers the public calls and errors with no-store as well', async () => {
      expect((await client().call('GET', '/api/v1/tenant')).headers.get('cache-control')).toBe('no-store');
      expect((await client().call('GET', '/api/v1/me')).headers.get('cache-control')).toBe('no-store');
    });

    it('serves a photo private and never cached', async () => {
      const photo = variantJpeg(7001);
      const schouw = ids();
      await putRecords(test.database, TENANT, [
        { type: 'activity', id: schouw, values: activityValues('oranjebuurt', null, { type: 'schouw' }) },
        { type: 'finding', id: ids(), values: findingValues(schouw, 'oranjebuurt', null, { photos: [photo.sha256] }) },
      ]);
      await client(coordinator).send(`/api/v1/photos/${photo.sha256}`, {
        method: 'PUT',
        headers: { 'content-type': 'image/jpeg', ...coordinator.auth() },
        body: photo.bytes as BodyInit,
      });
      const served = await client(coordinator).send(`/api/v1/photos/${photo.sha256}`, { headers: coordinator.auth() });
      expect(served.status).toBe(200);
      expect(served.headers.get('cache-control')).toBe('private, no-store');
    });

    it('tells the browser of a revoked device to clear its HTTP cache', async () => {
      const lost = await createTestUser(test.database, { role: 'volunteer', devices: ['lost-phone-01'] });
      expect((await client(coordinator).call('DELETE', '/api/v1/devices/lost-phone-01')).status).toBe(200);
      const answer = await client(lost).call('GET', '/api/v1/me');
      expect(answer).toMatchObject({ status: 401, body: { error: { reason: 'device-revoked' } } });
      expect(answer.headers.get('clear-site-data')).toBe('"cache"');
      expect(answer.headers.get('cache-control')).toBe('no-store');
    });
  });
});

async function lastCursor(api: ReturnType<typeof apiClient>): Promise<string> {
  let cursor = '0';
  for (;;) {
    const { body } = await api.pull(cursor, 1000);
    cursor = body.cursor;
    if (!body.hasMore) return cursor;
  }
}
