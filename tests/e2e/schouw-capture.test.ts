/**
 * The schouw capture as a guided flow, on a 360×740 touch phone (issue 9):
 * the first step is in view when the screen opens, each answer brings the
 * next question into view by itself, and a finding with one photo takes at
 * most 6 taps after the camera returns — with no scrolling by the person.
 * Every tap is at a screen coordinate of a target that must already be fully
 * visible (between the top of the screen and the sticky bar); when it is not,
 * the test scrolls the way a thumb would and counts that distance, which must
 * stay 0. Scrolling the app does by itself is allowed and only reported.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BuurtlogPage } from './buurtlog-page.ts';
import { drawPhoto } from './draw-photo.ts';
import { routeTiles } from './pdok-tiles.ts';
import { useServerAndBrowser } from './use-server-and-browser.ts';

const SCHOUW = 'Schouw'; // src/app/activities/nl.ts activityType.schouw
const PDOK_REVERSE = readFileSync(join(import.meta.dirname, '../fixtures/pdok/reverse-alblasserdam.json'), 'utf8');
const VIEWPORT = { width: 360, height: 740 };

/** What the person did with their thumb. */
type Thumb = { taps: number; scrolledPx: number };

/** The lowest y a person can tap `target` at: above the sticky capture bar (unless it is in that bar) and the bottom navigation. */
async function visibleBottom(target: Locator): Promise<number> {
  return target.evaluate((element, height) => {
    const tops = ['.capture-footer', '.bottom-nav']
      .map((selector) => document.querySelector(selector))
      .filter((bar): bar is Element => bar !== null && !bar.contains(element))
      .map((bar) => bar.getBoundingClientRect().top)
      .filter((top) => top > 0);
    return Math.min(height, ...tops);
  }, VIEWPORT.height);
}

/** Whether the whole target is on screen and clear of the sticky bars, and has stopped moving (a smooth scroll ends). */
async function isInView(page: Page, target: Locator): Promise<{ inView: boolean; shortBy: number }> {
  const first = await target.boundingBox({ timeout: 1_000 }).catch(() => null);
  await page.waitForTimeout(80);
  const box = await target.boundingBox({ timeout: 1_000 }).catch(() => null);
  if (!first || !box) return { inView: false, shortBy: 0 };
  const bottom = await visibleBottom(target);
  const isStill = Math.abs(first.y - box.y) < 0.5;
  const shortBy = box.y < 0 ? box.y : Math.max(0, box.y + box.height - bottom);
  return { inView: isStill && box.y >= 0 && box.y + box.height <= bottom, shortBy };
}

/**
 * Tap the centre of `target` on the touchscreen, as a thumb would — after
 * waiting up to 3 s for the app to bring it into view. Were it still not in
 * view, the person would scroll: the test does so with a touch-like wheel and
 * counts the distance, then taps.
 */
async function tap(page: Page, target: Locator, thumb: Thumb, what: string): Promise<void> {
  await target.waitFor({ state: 'attached', timeout: 15_000 });
  const deadline = Date.now() + 3_000;
  let view = await isInView(page, target);
  while (!view.inView && Date.now() < deadline) view = await isInView(page, target);
  if (!view.inView && !(await target.isVisible())) throw new Error(`${what} went away before it could be tapped`);
  if (!view.inView) {
    const distance = Math.round(view.shortBy === 0 ? 200 : view.shortBy + 8);
    thumb.scrolledPx += Math.abs(distance);
    await page.mouse.wheel(0, distance);
    await page.waitForTimeout(300);
    console.warn(`the person had to scroll ${distance} px to reach ${what}`);
  }
  const box = await target.boundingBox({ timeout: 1_000 });
  if (!box) throw new Error(`${what}: no box to tap`);
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  thumb.taps++;
}

async function phoneContext(page: { browser: import('playwright-core').Browser }): Promise<BrowserContext> {
  const context = await page.browser.newContext({
    viewport: VIEWPORT,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
  });
  await routeTiles(context);
  await context.route('https://api.pdok.nl/**', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: PDOK_REVERSE, headers: { 'access-control-allow-origin': '*' } }),
  );
  await context.grantPermissions(['geolocation']);
  await context.setGeolocation({ latitude: 51.8612, longitude: 4.6597, accuracy: 8 });
  return context;
}

type Finding = { element: string; aspect: string; level: string };

const FINDINGS: readonly Finding[] = [
  { element: 'Afvalbak', aspect: 'Afvalbak vol', level: 'C (laag, achterstand)' },
  { element: 'Kolk en put', aspect: 'Onveilige situatie', level: 'D (zeer laag)' },
  { element: 'Straatverlichting', aspect: 'Lamp kapot', level: 'B (basis)' },
];

describe('the schouw capture at 360×740 with one thumb', () => {
  const env = useServerAndBrowser();

  it('takes three findings, each in at most 6 taps after the camera returns, without the person scrolling', async () => {
    const context = await phoneContext({ browser: env.browser });
    const phone = await BuurtlogPage.open(context, env.server.url);
    const { page } = phone;
    await phone.createActivity({ title: 'Schouw Kerkbuurt', type: SCHOUW });
    await page.getByRole('link', { name: 'Schouw openen' }).click();
    await phone.expectSoon('the round', () => page.getByRole('link', { name: 'Bevinding toevoegen' }).waitFor({ timeout: 15_000 }));

    const appScroll = { px: 0 };
    await page.exposeFunction('reportScroll', (dy: number) => {
      appScroll.px += Math.abs(dy);
    });
    await page.evaluate(() => {
      let last = window.scrollY;
      window.addEventListener('scroll', () => {
        (window as unknown as { reportScroll(dy: number): void }).reportScroll(window.scrollY - last);
        last = window.scrollY;
      });
    });

    const tapsPerFinding: number[] = [];
    const thumb: Thumb = { taps: 0, scrolledPx: 0 };
    for (const [i, finding] of FINDINGS.entries()) {
      await page.getByRole('link', { name: 'Bevinding toevoegen' }).click();
      await phone.expectSoon('the capture screen', () => page.getByRole('heading', { level: 1, name: 'Nieuwe bevinding' }).waitFor({ timeout: 15_000 }));
      // The first step in full view as the screen opens.
      const camera = page.locator('label').filter({ hasText: 'Foto maken' });
      await expect.poll(async () => (await isInView(page, camera)).inView, { timeout: 5_000 }).toBe(true);

      // The camera returns a photo.
      await page
        .locator('input[type=file][capture]')
        .setInputFiles({ name: `IMG_${3000 + i}.jpg`, mimeType: 'image/jpeg', buffer: await drawPhoto(page, 30 + i) });
      await phone.expectSoon('the photo in the strip', () => page.getByRole('button', { name: 'Foto 1 verwijderen' }).waitFor({ timeout: 20_000 }));

      const before = thumb.taps;
      await tap(
        page,
        page.getByRole('group', { name: 'Waar gaat het over?' }).getByRole('button', { name: finding.element, exact: true }),
        thumb,
        finding.element,
      );
      await tap(
        page,
        page.getByRole('group', { name: 'Wat is er aan de hand?' }).getByRole('button', { name: finding.aspect, exact: true }),
        thumb,
        finding.aspect,
      );
      await tap(page, page.getByRole('group', { name: 'Niveau', exact: true }).getByRole('button', { name: finding.level, exact: true }), thumb, finding.level);
      await tap(page, page.getByRole('button', { name: 'Gebruik mijn locatie' }), thumb, 'Gebruik mijn locatie');
      // A good fix is taken by itself; should "Deze locatie gebruiken" stay, it is one more tap.
      const taken = page.getByText(/GPS, ± 8 m/);
      const use = page.getByRole('button', { name: /^Deze locatie gebruiken/ });
      await phone.expectSoon('the GPS place taken', async () => {
        const deadline = Date.now() + 15_000;
        while (!(await taken.isVisible())) {
          if (Date.now() > deadline) throw new Error('no GPS place within 15 s');
          // (It may go by itself in the meantime: then there was nothing to tap.)
          if (await use.isVisible()) await tap(page, use, thumb, 'Deze locatie gebruiken').catch(() => undefined);
          await page.waitForTimeout(200);
        }
      });
      await phone.expectSoon('the finding saved', () =>
        page.getByTestId('capture-status').filter({ hasText: 'Bevinding opgeslagen op dit toestel' }).waitFor({ timeout: 10_000 }),
      );
      await tap(page, page.getByRole('link', { name: 'Klaar', exact: true }), thumb, 'Klaar');
      await phone.expectSoon('back on the round', () => page.getByRole('link', { name: 'Bevinding toevoegen' }).waitFor({ timeout: 10_000 }));
      tapsPerFinding.push(thumb.taps - before);
    }

    await phone.expectSoon('"Bevindingen: 3" on the round', () => page.getByRole('heading', { level: 2, name: 'Bevindingen: 3' }).waitFor({ timeout: 15_000 }));
    console.info(`taps per finding: ${tapsPerFinding.join(', ')}; the person scrolled ${thumb.scrolledPx} px; the app scrolled ${Math.round(appScroll.px)} px`);
    for (const taps of tapsPerFinding) expect(taps).toBeLessThanOrEqual(6);
    expect(thumb.scrolledPx, 'distance the person had to scroll').toBe(0);
    expect(appScroll.px, 'the app brought each question into view').toBeGreaterThan(0);

    // The report of these three findings, all at one GPS spot: three markers apart, numbered as the list; printed on at most 2 A4 pages.
    const activityId = /#\/schouw\/([^/]+)/.exec(page.url())?.[1];
    await page.goto(`${env.server.url}/#/schouw/${activityId}/rapport`);
    await page.getByTestId('report-score').waitFor({ timeout: 15_000 });
    const markers = await page.locator('.report-map-view .place-map-marker').evaluateAll((groups) =>
      groups.map((g) => {
        const box = g.querySelector('circle[r="14"]')?.getBoundingClientRect();
        return { text: g.querySelector('text')?.textContent ?? '', x: (box?.x ?? 0) + (box?.width ?? 0) / 2, y: (box?.y ?? 0) + (box?.height ?? 0) / 2 };
      }),
    );
    expect(markers.map((m) => m.text).sort()).toEqual(['1', '2', '3']);
    for (const [i, a] of markers.entries())
      for (const b of markers.slice(i + 1)) expect(Math.hypot(a.x - b.x, a.y - b.y), 'markers apart').toBeGreaterThanOrEqual(28);
    const listed = await page.getByTestId('report-finding').evaluateAll((items) => items.map((item) => /\d+/.exec(item.textContent ?? '')?.[0]).sort());
    expect(listed).toEqual(['1', '2', '3']);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: null });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? [];
    console.info(`the printed report: ${pages.length} pages`);
    expect(pages.length, 'A4 pages of the printed report with 3 findings').toBeLessThanOrEqual(2);
    await context.close();
  });
});
