/**
 * Migration 0002 on a database that already holds data from 0001: the
 * records keep their state and sequence numbers, and the new key lets two
 * tenants hold a record with the same slug.
 */
import { Migrator } from 'kysely/migration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/server/app.ts';
import { migrateToLatest, migrationsFor } from '../../../src/server/db/migrator.ts';
import { seed } from '../../../src/server/seed.ts';
import { createTestUser } from '../../fixtures/server-auth.ts';
import { NOW } from '../../fixtures/fixed.ts';
import { apiClient } from './api-client.ts';
import { DIALECTS, TEST_COORDINATOR_PASSWORD_HASH, openTestDatabase, type TestDatabase } from './databases.ts';

const OLD_ACTIVITY = '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const OLD_STATE = JSON.stringify({ fields: { title: { v: 'Koffieochtend', t: '001763802340000.00000.device-a-0000-0001' } }, counters: {} });

describe.each(DIALECTS)('migrating a walking-skeleton database to accounts on %s', (dialect) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await openTestDatabase(dialect, { seed: false, migrate: false });
    const { db } = test.database;
    const migrator = new Migrator({
      db,
      provider: { getMigrations: async () => migrationsFor(test.database) },
      ...(test.database.schema ? { migrationTableSchema: test.database.schema } : {}),
    });
    const { error } = await migrator.migrateTo('0001-initial');
    if (error) throw error;
    // As issue 2 left it: one tenant, one record, the counter past it.
    await db
      .insertInto('tenants')
      .values({
        id: 'alblasserdam',
        name: 'Alblasserdam',
        config: '{"id":"alblasserdam","name":"Alblasserdam","buurten":[],"partners":[],"themes":[],"activityTypes":[]}',
        created_at: NOW,
      })
      .execute();
    await db
      .insertInto('records')
      .values({ id: OLD_ACTIVITY, tenant_id: 'alblasserdam', type: 'activity', state: OLD_STATE, seq: 7, updated_at: NOW })
      .execute();
    await db.updateTable('sequences').set({ value: 7 }).where('name', '=', 'records').execute();
    await migrateToLatest(test.database);
  });
  afterAll(() => test.cleanup());

  it('keeps every record with its state and sequence number', async () => {
    expect(await test.database.db.selectFrom('records').selectAll().execute()).toEqual([
      { id: OLD_ACTIVITY, tenant_id: 'alblasserdam', type: 'activity', state: OLD_STATE, seq: 7, updated_at: NOW },
    ]);
  });

  it('then seeds what is missing, numbering after the old records, and the old record still pulls', async () => {
    const report = await seed(test.database, { now: NOW, coordinatorPasswordHash: TEST_COORDINATOR_PASSWORD_HASH });
    expect(report.tenantsCreated).toEqual(['ridderkerk']);
    // Numbered per tenant: the old tenant's new records come after its old one.
    const seqs = (await test.database.db.selectFrom('records').select('seq').where('tenant_id', '=', 'alblasserdam').orderBy('seq').execute()).map(
      (row) => row.seq,
    );
    expect(seqs[0]).toBe(7);
    expect(seqs[1]).toBe(8);
    const client = apiClient(createApp({ db: test.database, now: () => NOW }), await createTestUser(test.database));
    expect((await client.pullAll()).find((record) => record.id === OLD_ACTIVITY)?.fields['title']?.v).toBe('Koffieochtend');
  });

  it('lets two tenants hold a record with the same slug', async () => {
    const buurten = await test.database.db.selectFrom('records').select(['tenant_id', 'id']).where('id', '=', 'centrum').orderBy('tenant_id').execute();
    expect(buurten).toEqual([
      { tenant_id: 'alblasserdam', id: 'centrum' },
      { tenant_id: 'ridderkerk', id: 'centrum' },
    ]);
  });
});
