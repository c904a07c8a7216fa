import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wcagViolations } from './axe.ts';
import { BuurtlogPage } from './buurtlog-page.ts';
import { launchBrowser, newDevice, startServer, type RunningServer } from './harness.ts';

describe.each(['light', 'dark'] as const)('accessibility (WCAG 2.1 AA, axe-core), %s theme', (colorScheme) => {
  let server: RunningServer;
  let browser: Browser;
  let phone: BuurtlogPage;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    phone = await BuurtlogPage.open(await newDevice(browser, { colorScheme }), server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('finds no violations on the empty activity list', async () => {
    expect(await wcagViolations(phone.page)).toEqual([]);
  });

  it('finds no violations on the activity form, empty and with errors', async () => {
    await phone.page.getByRole('link', { name: 'Nieuwe activiteit' }).click();
    await phone.page.getByRole('heading', { level: 1, name: 'Nieuwe activiteit' }).waitFor();
    expect(await wcagViolations(phone.page)).toEqual([]);
    await phone.page.getByRole('button', { name: 'Opslaan' }).click();
    await phone.page.getByRole('alert').filter({ hasText: 'Controleer de gemarkeerde velden.' }).waitFor();
    expect(await wcagViolations(phone.page)).toEqual([]);
  });

  it('finds no violations on the attendance screen, and on the list with an activity', async () => {
    await phone.page.goto(`${server.url}/#/`);
    await phone.createActivity({ title: 'Tegelwippen Staatsliedenbuurt', buurt: 'Staatsliedenbuurt', type: 'Tegelwippen' });
    await phone.openAttendance();
    await phone.tap('Bewoners', 3);
    await phone.waitForCount('residents', 3);
    expect(await wcagViolations(phone.page)).toEqual([]);

    await phone.page.goto(`${server.url}/#/`);
    await phone.page.getByRole('link', { name: /Tegelwippen Staatsliedenbuurt/ }).waitFor();
    expect(await wcagViolations(phone.page)).toEqual([]);
  });

  it('follows the system theme', async () => {
    const background = await phone.page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(background).toBe(colorScheme === 'dark' ? 'rgb(17, 22, 18)' : 'rgb(244, 246, 243)');
  });

  it('finds no violations in the sync sheet and on the settings screen', async () => {
    await phone.openSyncSheet();
    expect(await wcagViolations(phone.page)).toEqual([]);
    await phone.closeSyncSheet();
    await phone.page.goto(`${server.url}/#/instellingen`);
    await phone.page.getByRole('heading', { level: 1, name: 'Instellingen' }).waitFor();
    await phone.page.getByRole('heading', { level: 2, name: 'Synchronisatie' }).waitFor();
    expect(await wcagViolations(phone.page)).toEqual([]);
  });

  it('keeps the theme chosen in Settings, from the first paint after a reload', async () => {
    const other = colorScheme === 'dark' ? 'Licht' : 'Donker';
    const otherBackground = colorScheme === 'dark' ? 'rgb(244, 246, 243)' : 'rgb(17, 22, 18)';
    const background = () => phone.page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    await phone.page.goto(`${server.url}/#/instellingen`);
    await phone.page.getByRole('radio', { name: other }).check();
    expect(await background()).toBe(otherBackground);
    expect(await wcagViolations(phone.page)).toEqual([]);
    // By DOMContentLoaded (before the first screen is drawn, before any read of IndexedDB) the page has the chosen colours.
    await phone.page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        (window as unknown as { __firstTheme: string }).__firstTheme = getComputedStyle(document.documentElement).backgroundColor;
      });
    });
    await phone.page.reload();
    await phone.page.getByRole('heading', { level: 1, name: 'Instellingen' }).waitFor();
    expect(await phone.page.evaluate(() => (window as unknown as { __firstTheme: string }).__firstTheme)).toBe(otherBackground);
    expect(await phone.page.getByRole('radio', { name: other }).isChecked()).toBe(true);
    await phone.page.getByRole('radio', { name: 'Systeem' }).check();
    expect(await background()).not.toBe(otherBackground);
  });
});
