/**
 * A server restored from a backup and the phones that synced with it
 * converge: the pull tells each phone the server was restored (its cursor is
 * from before), the phone puts its own changes back in its outbox and sends
 * them again, and nothing is applied twice — a count stays a count.
 */
// Dexie's liveQuery needs a global indexedDB, read when dexie loads; each store still gets its own IDBFactory.
import 'fake-indexeddb/auto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createApp } from '../../../src/server/app.ts';
import { backupDatabase, restoreDatabase } from '../../../src/server/backup.ts';
import { createDatabase, type Database } from '../../../src/server/db/database.ts';
import { migrateToLatest } from '../../../src/server/db/migrator.ts';
import { activityInput } from '../../fixtures/factories.ts';
import { DEVICE_A, DEVICE_B, DEVICE_C } from '../../fixtures/fixed.ts';
import { openDevice, eachTestServer, type ManualClock, type TestServer } from './harness.ts';

let server: TestServer;
let clock: ManualClock;
eachTestServer((s, c) => ((server = s), (clock = c)));

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Restores `file` into a fresh folder and points the test server's fetch at a server on it. */
async function restoreInto(file: string): Promise<Database> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'buurtlog-restored-'));
  await restoreDatabase(file, dataDir);
  const database = createDatabase({ dataDir });
  await migrateToLatest(database);
  const app = createApp({ db: database, now: clock.now });
  server.fetch = (url, init) => app.request(url, init);
  cleanups.push(async () => {
    await database.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  return database;
}

it('phones send again what the restored server lost, and a count is not doubled', async () => {
  const a = await openDevice(server, DEVICE_A, { now: clock.now });
  const b = await openDevice(server, DEVICE_B, { now: clock.now });
  const x = await a.store.ui.activities.create(activityInput({ title: 'Buurtbarbecue' }));
  for (let tap = 0; tap < 3; tap++) await a.store.ui.attendance.bump(x, 'residents', 1);
  await a.sync();
  await b.sync();

  const scratch = await mkdtemp(path.join(tmpdir(), 'buurtlog-backup-'));
  cleanups.push(() => rm(scratch, { recursive: true, force: true }));
  const file = path.join(scratch, 'backup.sqlite');
  await backupDatabase(path.dirname(server.database.location), file);

  // After the backup: more taps, a new activity and an edit on A; a new activity on B. All acknowledged.
  clock.advance(60_000);
  for (let tap = 0; tap < 4; tap++) await a.store.ui.attendance.bump(x, 'residents', 1);
  const y = await a.store.ui.activities.create(activityInput({ title: 'Koffieochtend' }));
  await a.store.ui.activities.update(x, { title: 'Buurtbarbecue Oranjebuurt' });
  const z = await b.store.ui.activities.create(activityInput({ title: 'Schoonmaakactie' }));
  await a.sync();
  await b.sync();
  expect(await a.store.ui.outbox.summary()).toMatchObject({ pending: 0 });

  await restoreInto(file);
  clock.advance(60_000);
  // The first sync learns of the restore and queues the phone's own changes; the next sends them.
  for (const phone of [a, b, a, b, a]) expect(await phone.sync()).toMatchObject({ ok: true });

  const fresh = await openDevice(server, DEVICE_C, { now: clock.now });
  await fresh.sync();
  for (const phone of [a, b, fresh]) {
    expect(await phone.store.ui.activities.get(x)).toMatchObject({ title: 'Buurtbarbecue Oranjebuurt' });
    expect((await phone.store.ui.attendance.get(x)).counts.residents).toBe(7);
    expect(await phone.store.ui.activities.get(y)).toMatchObject({ title: 'Koffieochtend' });
    expect(await phone.store.ui.activities.get(z)).toMatchObject({ title: 'Schoonmaakactie' });
  }
  expect(await a.store.ui.outbox.summary()).toMatchObject({ pending: 0 });
});

it('a phone whose cursor is past the restored server’s last change sends again too, even without a marked restore', async () => {
  const a = await openDevice(server, DEVICE_A, { now: clock.now });
  await a.sync();
  const scratch = await mkdtemp(path.join(tmpdir(), 'buurtlog-backup-'));
  cleanups.push(() => rm(scratch, { recursive: true, force: true }));
  const file = path.join(scratch, 'backup.sqlite');
  await backupDatabase(path.dirname(server.database.location), file);
  const x = await a.store.ui.activities.create(activityInput({ title: 'Na de kopie' }));
  await a.sync();

  const restored = await restoreInto(file);
  // As after a pg_restore without `npm run restore`: the epoch the backup had.
  await restored.db.deleteFrom('sequences').where('name', '=', 'epoch').execute();
  await a.sync();
  await a.sync();
  const fresh = await openDevice(server, DEVICE_C, { now: clock.now });
  await fresh.sync();
  expect(await fresh.store.ui.activities.get(x)).toMatchObject({ title: 'Na de kopie' });
});
