/**
 * Migrations 0008 and 0012 on a database that already holds records: their monitoring facts are filled in,
 * and the rollup from those facts, so the dashboard counts them.
 */
import { Migrator } from 'kysely/migration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, migrationsFor } from '../../../src/server/db/migrator.ts';
import { NOW, TENANT } from '../../fixtures/fixed.ts';
import { activityValues } from '../../fixtures/server-auth.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from './databases.ts';

const OLD_ACTIVITY = '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const T = '001763802340000.00000.device-a-0000-0001';

describe.each(DIALECTS)('migration 0008 on a database with records, on %s', (dialect) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await openTestDatabase(dialect, { seed: false, migrate: false });
    const migrator = new Migrator({
      db: test.database.db,
      provider: { getMigrations: async () => migrationsFor(test.database) },
      ...(test.database.schema ? { migrationTableSchema: test.database.schema } : {}),
    });
    const { error } = await migrator.migrateTo('0007-patrol-purges');
    if (error) throw error;
    await test.database.db
      .insertInto('tenants')
      .values({ id: TENANT, name: 'Alblasserdam', config: '{"id":"alblasserdam","name":"Alblasserdam"}', created_at: NOW })
      .execute();
    const values = activityValues('oranjebuurt', null, { status: 'held', date: '2025-03-31', themes: ['veiligheid-overlast'] });
    const state = JSON.stringify({ fields: Object.fromEntries(Object.entries(values).map(([name, v]) => [name, { v, t: T }])), counters: {} });
    await test.database.db.insertInto('records').values({ id: OLD_ACTIVITY, tenant_id: TENANT, type: 'activity', state, seq: 1, updated_at: NOW }).execute();
    await migrateToLatest(test.database);
  });
  afterAll(() => test.cleanup());

  it('fills in the facts and tags of the records stored before', async () => {
    const facts = await test.database.db.selectFrom('indicator_facts').selectAll().execute();
    expect(facts).toEqual([
      expect.objectContaining({ tenant_id: TENANT, record_id: OLD_ACTIVITY, source: 'activity', day: '2025-03-31', quarter: '2025-Q1', status: 'held' }),
    ]);
    const tags = await test.database.db.selectFrom('indicator_fact_tags').select(['kind', 'value']).orderBy('kind').execute();
    expect(tags).toEqual([
      { kind: 'buurt', value: 'oranjebuurt' },
      { kind: 'theme', value: 'veiligheid-overlast' },
    ]);
  });

  it('fills in the rollup from those facts (0012)', async () => {
    const rollup = await test.database.db.selectFrom('indicator_rollups').select(['tenant_id', 'kind', 'quarter', 'buurt_id', 'value']).execute();
    expect(rollup).toEqual([{ tenant_id: TENANT, kind: 'held', quarter: '2025-Q1', buurt_id: 'oranjebuurt', value: 'meeting' }]);
    const n = await test.database.db.selectFrom('indicator_rollups').select('n').executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);
  });
});
