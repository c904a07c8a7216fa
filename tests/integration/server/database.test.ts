import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../../src/server/db/database.ts';
import { migrateToLatest } from '../../../src/server/db/migrator.ts';
import { serialiseWrites } from '../../../src/server/db/write-lock.ts';
import { DIALECTS, TEST_DATABASE_URL, openTestDatabase, type TestDatabase } from './databases.ts';

describe.each(DIALECTS)('the %s database', (dialect) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await openTestDatabase(dialect);
  });
  afterAll(() => test.cleanup());

  it('migrates again without complaint', async () => {
    await expect(migrateToLatest(test.database)).resolves.toBeUndefined();
  });

  it('numbers every record change per tenant: after the seed each tenant’s counter stands at its seeded records', async () => {
    for (const tenant of ['alblasserdam', 'ridderkerk']) {
      const row = await test.database.db.selectFrom('sequences').select('value').where('name', '=', `records:${tenant}`).executeTakeFirstOrThrow();
      const records = await test.database.db
        .selectFrom('records')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('tenant_id', '=', tenant)
        .executeTakeFirstOrThrow();
      expect(row.value).toBe(Number(records.n));
      expect(row.value).toBeGreaterThan(0);
    }
  });

  it('refuses to change or remove an audit entry, whatever the code asks', async () => {
    const { db } = test.database;
    const first = await db.selectFrom('audit_log').selectAll().orderBy('tenant_id').orderBy('seq').executeTakeFirstOrThrow();
    await expect(
      db.updateTable('audit_log').set({ action: 'sign-in' }).where('tenant_id', '=', first.tenant_id).where('seq', '=', first.seq).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_log').where('tenant_id', '=', first.tenant_id).where('seq', '=', first.seq).execute()).rejects.toThrow(/append-only/);
    expect(
      await db.selectFrom('audit_log').selectAll().where('tenant_id', '=', first.tenant_id).where('seq', '=', first.seq).executeTakeFirstOrThrow(),
    ).toEqual(first);
  });

  it('lets only one sync write transaction run at a time', async () => {
    const { database } = test;
    const events: string[] = [];
    let releaseFirst!: () => void;
    const firstHoldsLock = new Promise<void>((resolve) => {
      void database.db.transaction().execute(async (trx) => {
        await serialiseWrites(trx, database.dialect);
        events.push('first locked');
        resolve();
        await new Promise<void>((release) => (releaseFirst = release));
        events.push('first commits');
      });
    });
    await firstHoldsLock;

    if (dialect === 'sqlite') {
      // Another process on the same file: its write transaction must be refused while the first runs.
      const other = new SqliteDatabase(database.location, { timeout: 0 });
      expect(() => other.exec('BEGIN IMMEDIATE')).toThrow(/locked|busy/i);
      releaseFirst();
      await new Promise((resolve) => setTimeout(resolve, 20));
      other.exec('BEGIN IMMEDIATE');
      other.exec('ROLLBACK');
      other.close();
      return;
    }
    // Another process on PostgreSQL: a second pool, waiting for the lock until the first commits.
    const otherProcess = createDatabase({ url: TEST_DATABASE_URL, ...(database.schema ? { schema: database.schema } : {}) });
    const second = otherProcess.db.transaction().execute(async (trx) => {
      await serialiseWrites(trx, 'postgres');
      events.push('second locked');
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(events).toEqual(['first locked']);
    releaseFirst();
    await second;
    expect(events).toEqual(['first locked', 'first commits', 'second locked']);
    await otherProcess.close();
  });

  if (dialect === 'sqlite') {
    it('runs SQLite in WAL mode with full fsync, foreign keys and a busy timeout', async () => {
      const pragma = async (name: string) => Object.values((await sql.raw(`pragma ${name}`).execute(test.database.db)).rows[0] as object)[0];
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('synchronous')).toBe(2);
      expect(await pragma('foreign_keys')).toBe(1);
      expect(await pragma('busy_timeout')).toBe(5000);
    });
  }
});
