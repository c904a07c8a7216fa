/**
 * Issue 12 items 1 and 5 in Chromium, at 360×740: reach per PC4 on the
 * dashboard's map (a circle where the device knows a place with that
 * postcode, the other PC4s listed as "niet op de kaart", the numbers still
 * in the table), and the CBS context: the coordinator imports a CBS-shaped
 * Kerncijfers CSV (tests/fixtures/cbs), reads which buurten were found and
 * which lines were not used, saves, and the quarterly report shows the
 * figures in a section labelled as survey context. axe in both themes on
 * each screen. Every date comes from now; tiles are answered here.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { attendanceIdFor } from '../../src/domain/attendance.ts';
import { amsterdamDay } from '../../src/domain/indicators.ts';
import { wcagViolations } from './axe.ts';
import { BuurtlogPage } from './buurtlog-page.ts';
import { newDevice } from './harness.ts';
import { seed } from './monitoring-seed.ts';
import { routeTiles } from './pdok-tiles.ts';
import { useServerAndBrowser } from './use-server-and-browser.ts';

/** A4 less the report's 15 mm margins (report.css `@page`), in CSS px. */
const A4_CONTENT_WIDTH = ((210 - 30) * 96) / 25.4;
const CSV = join(import.meta.dirname, '../fixtures/cbs/kerncijfers-alblasserdam.csv');

async function expectAxeCleanInBothThemes(p: Page): Promise<void> {
  expect(await wcagViolations(p)).toEqual([]);
  await p.emulateMedia({ colorScheme: 'dark' });
  expect(await wcagViolations(p)).toEqual([]);
  await p.emulateMedia({ colorScheme: 'light' });
}

async function expectNoSidewaysScroll(p: Page): Promise<void> {
  expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

describe('reach on the map and CBS context', () => {
  const env = useServerAndBrowser();

  it('draws reach per PC4, imports the CBS table and shows it as context in the report', async () => {
    const thisYear = Number(amsterdamDay(Date.now()).slice(0, 4));
    const cbsYear = thisYear - 1;
    await seed(env.server, ({ record, id, today, now }) => {
      const [held, schouw, finding] = [id(), id(), id()];
      const activity = {
        title: 'Koffieochtend',
        type: 'drop-in',
        buurtId: 'oranjebuurt',
        date: today,
        start: '10:00',
        status: 'held',
        createdAt: now,
        createdBy: 'e2e',
      };
      return [
        // The Oranjebuurt and the Kinderdijk get a CBS code; only the first is in the file.
        record('buurt', 'oranjebuurt', { cbsCode: 'BU04820101', cbsYear }),
        record('buurt', 'kinderdijk', { cbsCode: 'BU04820199', cbsYear }),
        record('activity', held, activity),
        record('attendance', attendanceIdFor(held), { activityId: held, method: 'headcount' }, { residents: 9, 'pc4:2951': 7, 'pc4:2960': 2 }),
        // A finding with an address in 2951: the only place the device knows a postcode of.
        record('activity', schouw, { ...activity, title: 'Schouw', type: 'schouw' }),
        record('finding', finding, {
          schouwId: schouw,
          buurtId: 'oranjebuurt',
          teamId: null,
          element: 'streetFurniture',
          aspect: 'damage',
          photos: [],
          location: { lat: 51.8612, lon: 4.6597, accuracyM: 8, source: 'gps' },
          address: { street: 'Dam', number: '1', postcode: '2951AB', place: 'Alblasserdam' },
          createdAt: now,
          createdBy: 'e2e',
        }),
      ];
    });
    const context = await newDevice(env.browser);
    await routeTiles(context);
    const phone = await BuurtlogPage.open(context, env.server.url);
    const p = phone.page;
    await p.setViewportSize({ width: 360, height: 740 });
    await phone.waitUntilOfflineReady();
    await phone.waitUntilSynced();

    // The dashboard: one circle for 2951 (7 participants), 2960 beside the map; the table keeps both.
    await p.getByRole('navigation').getByRole('link', { name: 'Cijfers' }).click();
    await phone.expectSoon('the figures', () => p.getByTestId('monitoring-age').filter({ hasText: 'Cijfers van' }).waitFor({ timeout: 30_000 }));
    const reach = p.locator('[data-indicator="reach-pc4"]');
    const map = reach.getByRole('img', { name: /Kaart met 1 postcodegebieden als cirkels/ });
    await map.waitFor({ timeout: 30_000 });
    expect(await map.locator('.place-map-circle').count()).toBe(1);
    expect(await map.locator('.place-map-circle title').textContent()).toBe('2951: 7 deelnemers');
    expect(await map.locator('.place-map-tile').count()).toBeGreaterThan(0);
    expect(await reach.locator('.reach-off-map li').allTextContents()).toEqual(['2960: 2 deelnemers']);
    await reach.getByText('Per postcodegebied').click();
    expect(await reach.getByRole('row').allTextContents()).toEqual(['29517', '29602']);
    await expectNoSidewaysScroll(p);
    await expectAxeCleanInBothThemes(p);

    // The import: which buurten were found, every line not used, then saved.
    await p.getByRole('link', { name: '0-meting, doelen en inwoners' }).click();
    await p.getByRole('heading', { level: 2, name: 'Context uit CBS-cijfers' }).waitFor({ timeout: 30_000 });
    await p.getByLabel('CBS-jaar van de tabel').fill(String(cbsYear));
    await p.locator('.cbs-file input[type="file"]').setInputFiles(CSV);
    const preview = p.getByTestId('cbs-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toContain('Buurten gevonden in het bestand: 1 van 7. Overgeslagen regels: gemeenten en wijken 2, zonder buurtcode 1.');
    const lines = await preview.locator('li').allTextContents();
    expect(lines).toContain('Oranjebuurt (BU04820101): gevonden op regel 4.');
    expect(lines).toContain('Kinderdijk (BU04820199) staat niet in het bestand. Klopt de buurtcode voor dit CBS-jaar? Codes veranderen soms per jaar.');
    expect(lines).toContain('Regel 6 (BU04820103): “veel” in kolom “Huishoudens totaal” is geen getal; dat cijfer blijft leeg.');
    expect(lines).toContain('Regel 7: BU04820103 staat al eerder in het bestand; deze regel is overgeslagen.');
    expect(lines.some((line) => line.startsWith('Regel 8: 8 cellen in plaats van 11'))).toBe(true);
    await expectNoSidewaysScroll(p);
    await expectAxeCleanInBothThemes(p);
    await p.getByRole('button', { name: 'Cijfers opslaan (gevonden buurten: 1)' }).click();
    const saved = p.getByRole('region', { name: 'Opgeslagen CBS-cijfers' }).getByRole('row', { name: /^Oranjebuurt/ });
    await saved.waitFor();
    expect(await saved.getByRole('cell').allTextContents()).toEqual([String(cbsYear), '2.480', '1.130', '€ 27.400', '25,0 %', '€ 228.000', 'CBS-bestand']);

    // By hand, for a buurt not in the file: a share above 100 is refused with a reason, then saved as typed.
    await p.locator('#cbs-typed-buurt').selectOption({ label: 'Kinderdijk' });
    await p.locator('#cbs-typed-residents').fill('500');
    await p.getByLabel('65 jaar of ouder').fill('120');
    await p.locator('.cbs-typed').getByRole('button', { name: 'Opslaan' }).click();
    expect(await p.locator('.cbs-typed').getByRole('alert').textContent()).toBe(
      'Vul getallen van 0 of meer in (een percentage tot 100); lege velden blijven leeg.',
    );
    await p.getByLabel('65 jaar of ouder').fill('18,5');
    await p.locator('.cbs-typed').getByRole('button', { name: 'Opslaan' }).click();
    const typed = p.getByRole('region', { name: 'Opgeslagen CBS-cijfers' }).getByRole('row', { name: /^Kinderdijk/ });
    await typed.waitFor();
    expect(await typed.getByRole('cell').allTextContents()).toEqual([String(cbsYear), '500', '–', '–', '18,5 %', '–', 'Zelf ingevuld']);

    // The residents form offers the CBS count where none is typed for that buurt and year; it fills the field, it saves nothing.
    await p.locator('#residents-buurt').selectOption({ label: 'Oranjebuurt' });
    await p.locator('#residents-year').fill(String(cbsYear));
    await p.getByRole('button', { name: `CBS-aantal invullen: 2.480 (CBS ${cbsYear})` }).click();
    expect(await p.locator('#residents-count').inputValue()).toBe('2480');
    await phone.waitUntilAllSent();

    // The report: the figures as context, apart from the programme's results, with the resident count "per 100" uses.
    await p.getByRole('link', { name: 'Terug naar de cijfers' }).click();
    await p.getByRole('link', { name: 'Rapport afdrukken' }).click();
    const title = 'Context (CBS, tweejaarlijks onderzoek — geen resultaat van het programma)';
    await p.getByRole('heading', { level: 2, name: title }).waitFor({ timeout: 30_000 });
    const section = p.getByTestId('cbs-context');
    const row = section.getByRole('row', { name: /^Oranjebuurt/ });
    expect(await row.getByRole('cell').allTextContents()).toEqual([String(cbsYear), '2.480', '1.130', '€ 27.400', '25,0 %', '€ 228.000', 'CBS-bestand']);
    expect(await section.getByRole('row').count()).toBe(3);
    expect(await section.locator('.cbs-residents li').allTextContents()).toEqual([
      `Oranjebuurt: “deelnemers per 100 inwoners” rekent met het ingevulde inwonertal 1.000 (${thisYear}).`,
      `Kinderdijk: geen inwonertal ingevuld voor ${thisYear}, dus de buurt telt niet mee in “deelnemers per 100 inwoners”. Het CBS telde 500 inwoners (${cbsYear}).`,
    ]);
    // The context comes after every indicator: the report's results stand on their own.
    const order = await p.evaluate(() => [...document.querySelectorAll('.monitoring-report-group h2')].map((h) => h.textContent));
    expect(order.at(-1)).toBe(title);
    await expectNoSidewaysScroll(p);
    await expectAxeCleanInBothThemes(p);

    // In print on A4 (less the 15 mm margins): the context is one unbreakable block, no wider than the paper.
    await p.setViewportSize({ width: Math.floor(A4_CONTENT_WIDTH), height: 1000 });
    await p.emulateMedia({ media: 'print' });
    expect(await section.locator('.report-indicator').evaluate((el) => getComputedStyle(el).breakInside)).toBe('avoid');
    expect(await section.evaluate((el) => Math.max(...[...el.querySelectorAll('*')].map((child) => child.getBoundingClientRect().right)))).toBeLessThanOrEqual(
      Math.floor(A4_CONTENT_WIDTH),
    );
    await p.emulateMedia({ media: 'screen' });
  });
});
