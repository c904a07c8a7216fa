import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BuurtlogPage, daysFromToday } from './buurtlog-page.ts';
import { launchBrowser, newDevice, startServer, type RunningServer } from './harness.ts';

describe('a new version of the app', () => {
  let server: RunningServer;
  let browser: Browser;
  let staticDir: string;

  beforeAll(async () => {
    // A copy of the build, so the test can publish a "new version" of it.
    staticDir = mkdtempSync(join(tmpdir(), 'buurtlog-dist-'));
    cpSync('dist', staticDir, { recursive: true });
    server = await startServer({ env: { STATIC_DIR: staticDir } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(staticDir, { recursive: true, force: true });
  });

  it('is offered with "Vernieuwen", never while a form holds unsaved input, and applied on request', async () => {
    const phone = await BuurtlogPage.open(await newDevice(browser), server.url);
    await phone.waitUntilOfflineReady();
    const banner = phone.page.getByRole('button', { name: 'Vernieuwen' });

    // Someone is typing a new activity when the new version is published.
    await phone.page.getByRole('link', { name: 'Nieuwe activiteit' }).click();
    await phone.page.getByLabel('Titel', { exact: true }).fill('Lief & leed overleg');
    appendFileSync(join(staticDir, 'sw.js'), '\n// a new version\n');
    // Becoming visible again makes the app look for a new version.
    await phone.page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await phone.page.waitForFunction(async () => (await navigator.serviceWorker.getRegistration())?.waiting != null, undefined, {
      timeout: 30_000,
    });
    await phone.page.waitForTimeout(300);
    expect(await banner.count()).toBe(0);
    expect(await phone.page.getByLabel('Titel', { exact: true }).inputValue()).toBe('Lief & leed overleg');

    // Once the work is saved, the update is offered.
    await phone.page.getByLabel('Buurt', { exact: true }).selectOption({ label: 'Oranjebuurt' });
    await phone.page.getByLabel('Soort activiteit').selectOption({ label: 'Bijeenkomst' });
    await phone.page.getByLabel('Datum', { exact: true }).fill(daysFromToday(3));
    await phone.page.getByLabel('Begintijd').fill('10:00');
    await phone.page.getByRole('button', { name: 'Opslaan' }).click();
    await phone.page.getByRole('link', { name: 'Aanwezigheid tellen' }).waitFor();
    await phone.expectSoon('the update banner', () => phone.page.getByText('Nieuwe versie beschikbaar').waitFor({ timeout: 30_000 }));

    await Promise.all([phone.page.waitForEvent('load'), banner.click()]);
    await phone.page.waitForFunction(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return registration?.waiting == null && registration?.active?.state === 'activated';
    });
    await phone.page.getByRole('heading', { level: 1 }).first().waitFor();
    // Nothing typed was lost: the activity is still there after the reload.
    await phone.page.goto(`${server.url}/#/`);
    await phone.waitForActivityInList('Lief & leed overleg');
    await phone.page.context().close();
  });
});
