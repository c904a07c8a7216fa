import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/server/app.ts';
import { createLogger } from '../../../src/server/request-log.ts';
import type { Database } from '../../../src/server/db/database.ts';
import { createTestUser } from '../../fixtures/server-auth.ts';
import { attendance, idFactory, newActivity } from '../../fixtures/server-mutations.ts';
import { DEVICE_A, NOW } from '../../fixtures/fixed.ts';
import { apiClient, rowCounts } from './api-client.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from './databases.ts';

/** Makes the database refuse the batch's last write (its mutation ids), after its records were written. */
async function breakMutationInserts(database: Database): Promise<() => Promise<void>> {
  if (database.dialect === 'sqlite') {
    await sql.raw(`create trigger fail_mutations before insert on mutations begin select raise(abort, 'disk on fire'); end`).execute(database.db);
    return async () => void (await sql.raw('drop trigger fail_mutations').execute(database.db));
  }
  await sql.raw(`create function fail_mutations() returns trigger language plpgsql as $$ begin raise exception 'disk on fire'; end $$`).execute(database.db);
  await sql.raw('create trigger fail_mutations before insert on mutations for each row execute function fail_mutations()').execute(database.db);
  return async () => void (await sql.raw('drop trigger fail_mutations on mutations').execute(database.db));
}

describe.each(DIALECTS)('a push that fails half-way on %s', (dialect) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await openTestDatabase(dialect);
  });
  afterAll(() => test.cleanup());

  it('is answered 500 "internal", leaves no half-written record, and applies fully when retried', async () => {
    const ids = idFactory(300);
    const activityId = ids();
    const batch = [newActivity(ids, activityId, { device: DEVICE_A }), attendance(ids, activityId, DEVICE_A, { residents: { p: 2 } })];
    const logged: string[] = [];
    const logger = createLogger('error', { write: (line: string) => void logged.push(line) });
    const client = apiClient(createApp({ db: test.database, now: () => NOW, logger }), await createTestUser(test.database, { devices: [DEVICE_A] }));
    const before = await rowCounts(test.database);
    const repair = await breakMutationInserts(test.database);

    const failed = await client.call('POST', '/api/v1/sync/push', { schemaVersion: 1, deviceId: DEVICE_A, mutations: batch });
    expect(failed.status).toBe(500);
    expect(failed.body).toMatchObject({ error: { reason: 'internal', message: expect.stringContaining('Nothing was saved'), requestId: expect.any(String) } });
    // The operator finds the failure, with its stack, under the id the phone was told.
    const requestId = (failed.body as { error: { requestId: string } }).error.requestId;
    expect(logged.map((line) => JSON.parse(line) as { reqId?: string; err?: unknown }).some((line) => line.reqId === requestId && line.err !== undefined)).toBe(
      true,
    );
    expect(await rowCounts(test.database)).toEqual(before);

    await repair();
    const retried = await client.push(DEVICE_A, batch);
    expect(retried.body.results.map((result) => result.status)).toEqual(['applied', 'applied']);
    expect(await rowCounts(test.database)).toEqual({
      ...before,
      records: before.records + 2,
      mutations: before.mutations + 2,
      audit_log: before.audit_log + 2,
      seq: before.seq + 2,
    });
  });
});
