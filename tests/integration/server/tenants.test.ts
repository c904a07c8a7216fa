/**
 * The seed (Alblasserdam and Ridderkerk, their configuration as records,
 * their teams and coordinators) and the separation of tenants.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromRecords } from '../../../src/domain/config-records.ts';
import { createApp } from '../../../src/server/app.ts';
import { loadRecords } from '../../../src/server/db/records.ts';
import { coordinatorEmail, seed, seedReportLines } from '../../../src/server/seed.ts';
import { TEST_COORDINATOR_PASSWORD, createTestUser, putRecords, type TestUser } from '../../fixtures/server-auth.ts';
import { idFactory, mutation, newActivity } from '../../fixtures/server-mutations.ts';
import { DEVICE_A, NOW } from '../../fixtures/fixed.ts';
import { apiClient, rowCounts } from './api-client.ts';
import { DIALECTS, TEST_COORDINATOR_PASSWORD_HASH, openTestDatabase, type TestDatabase } from './databases.ts';
import { startServer } from './server-process.ts';

describe.each(DIALECTS)('tenants on %s', (dialect) => {
  let test: TestDatabase;
  let alblasserdam: TestUser;
  let ridderkerk: TestUser;
  const client = (user: TestUser) => apiClient(createApp({ db: test.database, now: () => NOW }), user);
  const reseed = () => seed(test.database, { now: NOW + 1000, coordinatorPasswordHash: TEST_COORDINATOR_PASSWORD_HASH });

  beforeAll(async () => {
    test = await openTestDatabase(dialect);
    alblasserdam = await createTestUser(test.database, { tenantId: 'alblasserdam', devices: [DEVICE_A] });
    ridderkerk = await createTestUser(test.database, { tenantId: 'ridderkerk', devices: [DEVICE_A] });
  });
  afterAll(() => test.cleanup());

  it('seeds each tenant’s configuration as records that reach its devices by pull', async () => {
    const config = configFromRecords({ id: 'ridderkerk', name: 'Ridderkerk' }, await client(ridderkerk).pullAll());
    expect(config.buurten.map((buurt) => buurt.name)).toEqual(['Bolnes', 'Slikkerveer', 'Rijsoord', 'Drievliet', 'Centrum', 'Oost', 'West']);
    expect(config.partners.map((partner) => [partner.name, partner.kind])).toEqual([
      ['Gemeente Ridderkerk', 'municipality'],
      ['Wooncompas', 'housingCorporation'],
      ['Facet', 'welfare'],
      ['Politie', 'police'],
      ['BOA', 'boa'],
      ['GGD', 'health'],
    ]);
    expect(config.themes.map((theme) => theme.label)).toEqual([
      'Tolerantie & solidariteit',
      'Eenzaamheid, armoede & schulden',
      'Omgeving & gemeenschap',
      'Veiligheid & overlast',
    ]);
    expect(config.activityTypes).toHaveLength(12);

    const demo = configFromRecords({ id: 'alblasserdam', name: 'Alblasserdam' }, await client(alblasserdam).pullAll());
    expect(demo.buurten.map((buurt) => buurt.id)).toEqual([
      'staatsliedenbuurt',
      'schildersbuurt',
      'oranjebuurt',
      'kinderdijk',
      'centrum',
      'plantageweg',
      'souburgh',
    ]);
    expect(demo.partners.map((partner) => partner.id)).toEqual(['gemeente-alblasserdam', 'woonkracht10', 'swa', 'politie', 'jeugdpunt', 'ggd']);
    expect(demo.teams).toEqual([
      { id: 'buurtpreventie-oranjebuurt', name: 'Buurtpreventie Oranjebuurt', kind: 'buurtpreventie', buurtIds: ['oranjebuurt'], memberIds: [] },
      { id: 'schouwgroep-staatsliedenbuurt', name: 'Schouwgroep Staatsliedenbuurt', kind: 'schouw', buurtIds: ['staatsliedenbuurt'], memberIds: [] },
    ]);
  });

  it('gives every tenant a coordinator who signs in with the configured password', async () => {
    for (const tenant of ['alblasserdam', 'ridderkerk']) {
      const answer = await apiClient(createApp({ db: test.database, now: () => NOW })).call('POST', '/api/v1/auth/sign-in', {
        email: coordinatorEmail(tenant),
        password: TEST_COORDINATOR_PASSWORD,
        deviceId: `seed-check-${tenant}`,
        deviceName: 'Laptop',
      });
      expect(answer.body.me).toMatchObject({ tenantId: tenant, role: 'coordinator' });
    }
  });

  it('seeds again without changing anything, and keeps a coordinator’s edits', async () => {
    const rename = mutation(idFactory(0x7e1), 'buurt', 'centrum', { name: 'Centrum-Oost' }, { device: DEVICE_A, offsetMs: 1000 });
    expect((await client(alblasserdam).push(DEVICE_A, [rename])).body.results[0]?.status).toBe('applied');
    const before = await rowCounts(test.database);
    expect(await reseed()).toEqual({ tenantsCreated: [], itemsCreated: 0, coordinatorsCreated: [] });
    expect(await rowCounts(test.database)).toEqual(before);
    expect((await loadRecords(test.database.db, 'alblasserdam', ['centrum'])).get('centrum')?.fields['name']?.v).toBe('Centrum-Oost');
  });

  it('keeps the same slug apart per tenant: renaming Alblasserdam’s Centrum leaves Ridderkerk’s alone', async () => {
    expect((await loadRecords(test.database.db, 'ridderkerk', ['centrum'])).get('centrum')?.fields['name']?.v).toBe('Centrum');
  });

  it('brings back only what is missing: a deleted item stays deleted, a lost one is re-created', async () => {
    await putRecords(test.database, 'ridderkerk', [{ type: 'partner', id: 'boa', values: { deleted: true } }]);
    await test.database.db.deleteFrom('records').where('tenant_id', '=', 'ridderkerk').where('id', '=', 'ggd').execute();
    const report = await reseed();
    expect(report.itemsCreated).toBe(1);
    const stored = await loadRecords(test.database.db, 'ridderkerk', ['boa', 'ggd']);
    expect(stored.get('boa')?.fields['deleted']?.v).toBe(true);
    expect(stored.get('ggd')?.fields['name']?.v).toBe('GGD');
  });

  it('keeps tenants apart in pull, push and the audit log', async () => {
    const ids = idFactory(0x7e2);
    const activity = newActivity(ids, ids(), { device: DEVICE_A });
    await client(alblasserdam).push(DEVICE_A, [activity]);
    const seen = await client(ridderkerk).pullAll(1000);
    expect(seen.every((record) => record.tenantId === 'ridderkerk')).toBe(true);
    expect(seen.some((record) => record.id === activity.recordId)).toBe(false);
    const audit = (await client(ridderkerk).call('GET', '/api/v1/audit?limit=500')).body as {
      entries: Array<{ recordId: string | null; userId: string | null }>;
    };
    expect(audit.entries.some((entry) => entry.recordId === activity.recordId || entry.userId === alblasserdam.userId)).toBe(false);
  });
});

describe('a first start without BUURTLOG_COORDINATOR_PASSWORD', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'buurtlog-seed-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('prints a generated password for each coordinator once, and never again', async () => {
    const env = { DATA_DIR: dataDir, DATABASE_URL: '', BUURTLOG_COORDINATOR_PASSWORD: '' };
    const first = await startServer(env);
    await first.stop();
    const lines = first
      .output()
      .split('\n')
      .filter((line) => line.includes('wachtwoord'));
    expect(lines).toEqual([
      expect.stringMatching(/^Coördinator coordinator@alblasserdam\.example wachtwoord: [\w-]{16}$/),
      expect.stringMatching(/^Coördinator coordinator@ridderkerk\.example wachtwoord: [\w-]{16}$/),
    ]);

    const again = await startServer(env);
    const password = (lines[0] as string).split(': ')[1] as string;
    const signedIn = await fetch(`${again.url}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'coordinator@alblasserdam.example', password, deviceId: 'first-start-01', deviceName: 'Laptop' }),
    });
    await again.stop();
    expect(signedIn.status).toBe(200);
    expect(again.output()).not.toContain('wachtwoord');
  });

  it('tells the seed report’s generated password in one line each', () => {
    expect(seedReportLines({ tenantsCreated: ['x'], itemsCreated: 3, coordinatorsCreated: [{ email: 'c@x.example', password: 'geheim-123456' }] })).toEqual([
      'Tenant "x" aangemaakt.',
      'Coördinator c@x.example wachtwoord: geheim-123456',
    ]);
  });
});
