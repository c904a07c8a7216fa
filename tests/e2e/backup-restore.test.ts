/**
 * Backups that restore, with a phone in the loop (README "Productie"): the
 * server is backed up, the phone goes on counting and its changes are
 * acknowledged, the server is restored from the backup — and after a sync
 * the server has the phone's later changes again, none of them twice.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { BuurtlogPage } from './buurtlog-page.ts';
import { launchBrowser, newDevice, startServer, type RunningServer } from './harness.ts';
import { serverActivityByTitle, serverCount } from './server-view.ts';

const scratch = mkdtempSync(join(tmpdir(), 'buurtlog-e2e-backup-'));
const running: RunningServer[] = [];
afterAll(async () => {
  for (const server of running) await server.stop();
  rmSync(scratch, { recursive: true, force: true });
});

/** `npm run backup` / `npm run restore` as an operator types them, for the data folder `dataDir`. */
function operator(command: 'backup' | 'restore', file: string, dataDir: string): string {
  return execFileSync(process.execPath, ['src/server/backup-cli.ts', command, file], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
  }).toString();
}

it('a phone sends again what a restored server lost, and no tap counts twice', async () => {
  const first = await startServer();
  running.push(first);
  const browser = await launchBrowser();
  try {
    const context = await newDevice(browser);
    const phone = await BuurtlogPage.open(context, first.url);
    const id = await phone.createActivity({ title: 'Inloopochtend Centrum', buurt: 'Centrum', type: 'Inloop' });
    await phone.openAttendance();
    await phone.tap('Bewoners', 3);
    await phone.waitUntilAllSent();

    const backup = join(scratch, 'buurtlog.sqlite');
    expect(operator('backup', backup, first.dataDir)).toMatch(/Reservekopie gemaakt/);

    // After the backup: four more taps, acknowledged by the server.
    await phone.tap('Bewoners', 4);
    await phone.waitForCount('residents', 7);
    await phone.waitUntilAllSent();
    expect(await serverCount(first, id, 'residents')).toBe(7);

    // The server is lost and restored from the backup, on the same address.
    await first.stop();
    const restoredDir = join(scratch, 'restored');
    expect(operator('restore', backup, restoredDir)).toMatch(/Teruggezet/);
    const restored = await startServer({ dataDir: restoredDir, port: first.port });
    running.push(restored);
    expect(await serverCount(restored, id, 'residents')).toBe(3);

    // The phone learns of the restore at its next sync and sends its own changes again.
    await phone.expectSoon('the restored server to have every tap again', async () => {
      for (let attempt = 0; attempt < 20 && (await serverCount(restored, id, 'residents')) !== 7; attempt++) {
        await phone.syncNow();
        await phone.page.waitForTimeout(500);
      }
    });
    expect(await serverCount(restored, id, 'residents')).toBe(7);
    expect(await serverActivityByTitle(restored, 'Inloopochtend Centrum')).toHaveLength(1);
    await phone.waitForCount('residents', 7);
    await phone.waitUntilAllSent();
    expect(await serverCount(restored, id, 'residents')).toBe(7);
    await context.close();
  } finally {
    await browser.close();
  }
});
