/**
 * The header's sync status tells the truth in few words (issue 9 item 2), in a
 * box that never changes size (item 1): offline, server not answering, all
 * sent; and a tap on "Nu synchroniseren" offline answers visibly and aloud.
 */
import { describe, expect, it } from 'vitest';
import { BuurtlogPage } from './buurtlog-page.ts';
import { useServerAndBrowser } from './use-server-and-browser.ts';

describe('the sync status in the header', () => {
  const env = useServerAndBrowser();

  it('says offline only offline, names the server when it does not answer, and keeps its size', async () => {
    const context = await env.browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
      locale: 'nl-NL',
      timezoneId: 'Europe/Amsterdam',
    });
    const phone = await BuurtlogPage.open(context, env.server.url);
    await phone.waitUntilOfflineReady();
    const page = phone.page;
    const chip = page.getByTestId('sync-chip');
    const header = page.locator('header');
    const boxes: string[] = [];
    const measure = async () => {
      const [c, h] = await Promise.all([chip.boundingBox(), header.boundingBox()]);
      boxes.push(JSON.stringify([c, h?.height]));
    };
    await page.waitForFunction(() => document.querySelector('[data-testid="sync-chip"]')?.textContent?.includes('Alles verstuurd'));
    await measure();

    // The phone goes offline: "Geen verbinding", and a tap on "Nu synchroniseren" says it cannot now.
    await phone.goOffline();
    await page.waitForFunction(() => document.querySelector('[data-testid="sync-chip"]')?.textContent?.includes('Geen verbinding'));
    await measure();
    await phone.openSyncSheet();
    await page.getByRole('dialog').getByRole('button', { name: 'Nu synchroniseren' }).click();
    await page.getByTestId('sync-feedback').filter({ hasText: 'Nu versturen lukt niet' }).waitFor();
    expect(await page.getByTestId('announcer').textContent()).toMatch(/Nu versturen lukt niet/);
    expect(await page.getByRole('dialog').textContent()).toMatch(/veilig op dit toestel/);
    // Escape closes the sheet and gives focus back to the status.
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('sync-chip');

    // Online, but the server does not answer: not "Geen verbinding".
    await context.route('**/api/**', (route) => route.abort('connectionrefused'));
    await phone.goOnline();
    await phone.createActivity({ title: 'Buurtkoffie Oranjebuurt' });
    await phone.syncNow();
    await page.waitForFunction(() => document.querySelector('[data-testid="sync-chip"]')?.textContent?.includes('Server onbereikbaar'), undefined, {
      timeout: 30_000,
    });
    await measure();
    await phone.openSyncSheet();
    const sheet = (await page.getByRole('dialog').textContent()) ?? '';
    expect(sheet).toMatch(/Server niet bereikbaar/);
    expect(sheet).toMatch(/veilig op dit toestel/);
    expect(sheet).not.toMatch(/Geen verbinding/);
    // One message, never the same one twice.
    expect(sheet.match(/De server antwoordt niet/g)).toHaveLength(1);
    expect(await page.getByTestId('announcer').textContent()).toMatch(/De server antwoordt niet/);
    await phone.closeSyncSheet();

    // The server answers again: everything goes, and the status says so.
    await context.unroute('**/api/**');
    await phone.syncNow();
    await phone.waitUntilAllSent();
    await page.waitForFunction(() => document.querySelector('[data-testid="sync-chip"]')?.textContent?.includes('Alles verstuurd'), undefined, {
      timeout: 30_000,
    });
    await measure();

    expect(new Set(boxes).size).toBe(1);
    await context.close();
  });
});
