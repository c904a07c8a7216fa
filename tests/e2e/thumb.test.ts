/**
 * One thumb on a 360 px phone, online, with a real server and sync running:
 * taps land on FIXED screen coordinates, as a thumb that does not look down
 * does. Nothing may move under it (issue 9): no layout shift, no lost or
 * misplaced count while the header reports the sync.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BuurtlogPage } from './buurtlog-page.ts';
import { serverCount } from './server-view.ts';
import { useServerAndBrowser } from './use-server-and-browser.ts';

const PHONE = { width: 360, height: 740 };

async function thumbPhone(env: ReturnType<typeof useServerAndBrowser>): Promise<{ context: BrowserContext; phone: BuurtlogPage }> {
  const context = await env.browser.newContext({
    viewport: PHONE,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
  });
  const phone = await BuurtlogPage.open(context, env.server.url);
  await phone.waitUntilOfflineReady();
  return { context, phone };
}

/** Start adding up every `layout-shift` entry from now on. */
async function watchLayoutShift(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __shift: number; __shifts: string[] };
    w.__shift = 0;
    w.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as Array<{ value: number; sources?: Array<{ node?: Node | null }> }>) {
        w.__shift += entry.value;
        const node = entry.sources?.[0]?.node;
        w.__shifts.push(`${entry.value.toFixed(4)} ${node instanceof Element ? node.outerHTML.slice(0, 80) : String(node)}`);
      }
    }).observe({ type: 'layout-shift' });
  });
}

async function layoutShift(page: Page): Promise<{ total: number; shifts: string[] }> {
  return page.evaluate(() => {
    const w = window as unknown as { __shift: number; __shifts: string[] };
    return { total: w.__shift, shifts: w.__shifts };
  });
}

/** The centre of a button, read once: from then on the thumb taps there, whatever the page does. */
async function spotOf(page: Page, name: string): Promise<{ x: number; y: number }> {
  const box = await page.getByRole('button', { name }).boundingBox();
  if (!box) throw new Error(`no button "${name}" on screen`);
  return { x: Math.round(box.x + box.width / 2), y: Math.round(box.y + box.height / 2) };
}

async function tapAt(page: Page, spot: { x: number; y: number }, times: number, gapMs: number): Promise<void> {
  for (let i = 0; i < times; i++) {
    await page.touchscreen.tap(spot.x, spot.y);
    await page.waitForTimeout(gapMs);
  }
}

describe('counting with one thumb at 360×740, online', () => {
  const env = useServerAndBrowser();

  it('counts every tap on a fixed spot on the counter it was meant for, and nothing moves while the sync runs', async () => {
    const { context, phone } = await thumbPhone(env);
    const id = await phone.createActivity({ title: 'Koffie-inloop Oranjebuurt' });
    await phone.waitUntilAllSent();
    await phone.openAttendance();
    const page = phone.page;
    // Let the screen settle (fonts, the first live answers), then watch.
    await page.waitForTimeout(500);
    const residents = await spotOf(page, 'Bewoners: één erbij');
    const volunteers = await spotOf(page, 'Vrijwilligers: één erbij');
    await watchLayoutShift(page);

    // Ten arrivals one after another, 150 ms apart: the first sync starts in the middle.
    await tapAt(page, residents, 10, 150);
    await phone.waitForCount('residents', 10);
    // Let a sync run and finish while the screen is open.
    await phone.waitUntilAllSent();

    // A family of four within a second.
    await tapAt(page, volunteers, 4, 200);
    await phone.waitForCount('volunteers', 4);
    await phone.waitUntilAllSent();

    expect(await phone.count('residents')).toBe(10);
    expect(await phone.count('volunteers')).toBe(4);
    for (const other of ['professionals', 'children', 'firstTimers', 'registered'] as const) expect(await phone.count(other)).toBe(0);
    expect(await serverCount(env.server, id, 'residents')).toBe(10);
    expect(await serverCount(env.server, id, 'volunteers')).toBe(4);

    const shift = await layoutShift(page);
    expect(shift.shifts).toEqual([]);
    expect(shift.total).toBe(0);
    await context.close();
  });
});
