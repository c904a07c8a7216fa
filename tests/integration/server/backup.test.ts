/**
 * Backups that restore (README "Productie"). SQLite: `npm run backup` copies
 * the live database with SQLite's online backup, photos included, and
 * `npm run restore` puts it into an empty data folder — never over a
 * database that is there. PostgreSQL: a pg_dump restores with pg_restore to
 * a database a server works on.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/server/app.ts';
import { createDatabase, type Database } from '../../../src/server/db/database.ts';
import { migrateToLatest } from '../../../src/server/db/migrator.ts';
import { activityValues, createTestUser, putRecords, type TestUser } from '../../fixtures/server-auth.ts';
import { variantJpeg } from '../../fixtures/server-schouw.ts';
import { NOW, TENANT } from '../../fixtures/fixed.ts';
import { idFactory } from '../../fixtures/server-mutations.ts';
import { apiClient } from './api-client.ts';
import { HAS_POSTGRES, openTestDatabase, TEST_DATABASE_URL, type TestDatabase } from './databases.ts';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
const ids = idFactory(0xbac0);

function run(command: 'backup' | 'restore', file: string, dataDir: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['src/server/backup-cli.ts', command, file], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

async function uploadPhoto(database: Database, user: TestUser, n: number): Promise<string> {
  const photo = variantJpeg(n);
  const answer = await apiClient(createApp({ db: database, now: () => NOW }), user).send(`/api/v1/photos/${photo.sha256}`, {
    method: 'PUT',
    headers: { 'content-type': 'image/jpeg', ...user.auth() },
    body: photo.bytes as BodyInit,
  });
  expect(answer.status).toBe(201);
  return photo.sha256;
}

describe('npm run backup and npm run restore (SQLite)', () => {
  let live: TestDatabase;
  let coordinator: TestUser;
  let dataDir: string;
  const scratch = mkdtempSync(path.join(tmpdir(), 'buurtlog-backup-'));
  const backupFile = path.join(scratch, 'buurtlog-backup.sqlite');
  const before = ids();
  const after = ids();
  let photo: string;

  beforeAll(async () => {
    live = await openTestDatabase('sqlite');
    dataDir = path.dirname(live.database.location);
    coordinator = await createTestUser(live.database, { role: 'coordinator', devices: ['coord-phone-01'] });
    await putRecords(live.database, TENANT, [{ type: 'activity', id: before, values: activityValues('oranjebuurt', null, { title: 'Voor de reservekopie' }) }]);
    photo = await uploadPhoto(live.database, coordinator, 31);
  });
  afterAll(async () => {
    await live.cleanup();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('copies the live database, photos included, while the server has it open', async () => {
    const made = await run('backup', backupFile, dataDir);
    expect(made.code, made.output).toBe(0);
    expect(made.output).toMatch(/Reservekopie gemaakt: .* \(\d+ records, 1 foto's/);
    // The server goes on writing after the backup.
    await putRecords(live.database, TENANT, [{ type: 'activity', id: after, values: activityValues('oranjebuurt', null, { title: 'Na de reservekopie' }) }]);
  });

  it('never overwrites a file with a backup', async () => {
    const again = await run('backup', backupFile, dataDir);
    expect(again.code).toBe(1);
    expect(again.output).toMatch(/bestaat al/);
  });

  it('restores into an empty folder a database a server works on, with what the backup held', async () => {
    const restoredDir = path.join(scratch, 'restored');
    const restored = await run('restore', backupFile, restoredDir);
    expect(restored.code, restored.output).toBe(0);
    const database = createDatabase({ dataDir: restoredDir });
    try {
      await migrateToLatest(database);
      const client = apiClient(createApp({ db: database, now: () => NOW }), coordinator);
      const records = await client.pullAll();
      expect(records.some((record) => record.id === before)).toBe(true);
      expect(records.some((record) => record.id === after)).toBe(false);
      const stored = await database.db.selectFrom('photos').select('sha256').where('sha256', '=', photo).execute();
      expect(stored).toHaveLength(1);
    } finally {
      await database.close();
    }
  });

  it('refuses to restore over a database that is there, and leaves it as it was', async () => {
    const file = path.join(dataDir, 'buurtlog.sqlite');
    const sizeBefore = statSync(file).size;
    const refused = await run('restore', backupFile, dataDir);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/overschrijft nooit een database/);
    expect(statSync(file).size).toBe(sizeBefore);
    const rows = await live.database.db.selectFrom('records').select('id').where('id', '=', after).execute();
    expect(rows).toHaveLength(1);
  });

  it('refuses a file that is not a Buurtlog database, and writes nothing', async () => {
    const junk = path.join(scratch, 'junk.sqlite');
    writeFileSync(junk, 'geen database');
    const emptyDir = path.join(scratch, 'empty');
    const refused = await run('restore', junk, emptyDir);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/geen SQLite-database|geen bruikbare database|geen Buurtlog-database/);
    expect(existsSync(path.join(emptyDir, 'buurtlog.sqlite'))).toBe(false);
  });
});

describe.runIf(HAS_POSTGRES)('pg_dump and pg_restore (PostgreSQL)', () => {
  let source: TestDatabase;
  let coordinator: TestUser;
  const restoredDb = `buurtlog_restore_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const dumpFile = path.join(mkdtempSync(path.join(tmpdir(), 'buurtlog-pgdump-')), 'buurtlog.dump');
  const activity = ids();
  const admin = () => new pg.Client({ connectionString: TEST_DATABASE_URL });

  beforeAll(async () => {
    source = await openTestDatabase('postgres');
    coordinator = await createTestUser(source.database, { role: 'coordinator', devices: ['coord-phone-02'] });
    await putRecords(source.database, TENANT, [{ type: 'activity', id: activity, values: activityValues('oranjebuurt', null, { title: 'In de dump' }) }]);
    await uploadPhoto(source.database, coordinator, 32);
  });
  afterAll(async () => {
    await source.cleanup();
    const client = admin();
    await client.connect();
    await client.query(`drop database if exists "${restoredDb}"`);
    await client.end();
    rmSync(path.dirname(dumpFile), { recursive: true, force: true });
  });

  it('restores a dump to a database a server works on, photos included', async () => {
    const schema = source.database.schema ?? 'public';
    execFileSync('pg_dump', ['-Fc', '-n', schema, '-f', dumpFile, TEST_DATABASE_URL]);
    expect(readFileSync(dumpFile).subarray(0, 5).toString()).toBe('PGDMP');
    const client = admin();
    await client.connect();
    await client.query(`create database "${restoredDb}"`);
    await client.end();
    const restoredUrl = new URL(TEST_DATABASE_URL);
    restoredUrl.pathname = `/${restoredDb}`;
    execFileSync('pg_restore', ['--no-owner', '-d', restoredUrl.toString(), dumpFile]);

    const database = createDatabase({ url: restoredUrl.toString(), schema });
    try {
      await migrateToLatest(database);
      const app = createApp({ db: database, now: () => NOW });
      expect((await app.request('/api/v1/health')).status).toBe(200);
      const records = await apiClient(app, coordinator).pullAll();
      expect(records.some((record) => record.id === activity)).toBe(true);
      expect(await database.db.selectFrom('photos').select('sha256').execute()).toHaveLength(1);
    } finally {
      await database.close();
    }
  });
});
