import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BuurtlogPage, daysFromToday } from './buurtlog-page.ts';
import { useServerAndBrowser } from './use-server-and-browser.ts';

/**
 * Issue 9, item 5: a weekly activity (a koffie-inloop) is repeated and
 * counted in at most six taps from opening the app, at 360×740 with touch,
 * every tapped control in view without scrolling.
 */
describe('repeating a weekly activity', () => {
  const env = useServerAndBrowser();

  it('takes at most six taps from opening the app to the first counted arrival, and copies no counts', async () => {
    const { server, browser } = env;
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 1,
      isMobile: true,
      hasTouch: true,
      locale: 'nl-NL',
      // The machine's own zone, so "today" here is today in the app.
      timezoneId: Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
    const phone = await BuurtlogPage.open(context, server.url);
    const page = phone.page;

    // Ten days ago: a week later is past too, so the repeat lands on the next such weekday, in four days.
    await phone.createActivity({ title: 'Koffie-inloop Oranjebuurt', type: 'Inloop', date: daysFromToday(-10), start: '10:00', place: 'Buurthuis De Brug' });
    const originalUrl = page.url();
    await phone.openAttendance();
    await phone.tap('Bewoners', 3);
    await phone.waitForCount('residents', 3);

    // Open the app afresh.
    await page.goto(`${server.url}/`);
    await phone.waitForList();
    await phone.waitUntilAllSent();
    let taps = 0;
    const tap = async (target: Locator) => {
      await expectInView(page, target);
      await target.tap();
      taps += 1;
    };

    await tap(page.getByRole('link', { name: 'Voorbij' }));
    await tap(page.getByRole('link', { name: /Koffie-inloop Oranjebuurt/ }).first());
    await tap(page.getByRole('link', { name: 'Herhalen' }));
    await page.getByRole('heading', { level: 1, name: 'Activiteit herhalen' }).waitFor();
    expect(await page.getByLabel('Datum', { exact: true }).inputValue()).toBe(daysFromToday(4));
    expect(await page.getByLabel('Titel', { exact: true }).inputValue()).toBe('Koffie-inloop Oranjebuurt');
    await tap(page.getByRole('button', { name: 'Opslaan' }));
    await tap(page.getByRole('link', { name: 'Aanwezigheid tellen' }));
    await page.getByRole('heading', { level: 1, name: 'Aanwezigheid' }).waitFor();
    await tap(page.getByRole('button', { name: 'Bewoners: één erbij' }));
    await phone.waitForCount('residents', 1);

    expect(taps).toBeLessThanOrEqual(6);
    // A new record: another id, the place came along, the original keeps its own count.
    const copyUrl = page.url();
    expect(copyUrl).not.toBe(originalUrl);
    await page.goto(copyUrl.replace(/\/aanwezigheid$/, ''));
    await page.getByText('Buurthuis De Brug').waitFor();
    await page.goto(`${originalUrl}/aanwezigheid`);
    await phone.waitForCount('residents', 3);
    await context.close();
  });
});

/** The control is on screen as it stands — not below the fold, not under a fixed bar. */
async function expectInView(page: Page, target: Locator): Promise<void> {
  await target.waitFor();
  const hit = await target.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    const top = document.elementFromPoint(x, y);
    const covered = top !== null && !(element === top || element.contains(top)) ? `covered by <${top.localName} class="${top.className}">` : '';
    return {
      inside: box.top >= 0 && box.bottom <= window.innerHeight,
      onTop: covered === '',
      where: `${Math.round(box.top)}–${Math.round(box.bottom)} ${covered}`,
    };
  });
  expect({ inside: hit.inside, onTop: hit.onTop }, `${target} in view without scrolling (${hit.where})`).toEqual({ inside: true, onTop: true });
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
}
