/**
 * The regiegroep's printable report (issue 12 item 4) in Chromium: the
 * coordinator opens it from the dashboard, reads per indicator its text,
 * chart and numbers with the period and filters on top; axe finds nothing
 * in either theme; printed to a PDF (A4) no indicator is split over two
 * pages and no page is left half empty (the PDF has exactly as many pages
 * as the blocks, packed in order, need); the indicator table downloads as
 * an Excel-NL CSV file; offline it shows the cached figures and their age.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { wcagViolations } from './axe.ts';
import { BuurtlogPage } from './buurtlog-page.ts';
import { newDevice } from './harness.ts';
import { seed } from './monitoring-seed.ts';
import { useServerAndBrowser } from './use-server-and-browser.ts';

/** A4 less the report's 15 mm margins (report.css `@page`), in CSS px (96 per inch). */
const MM = 96 / 25.4;
const CONTENT = { width: (210 - 30) * MM, height: (297 - 30) * MM };

/** The pages of a PDF as Chromium writes it: one `/Type /Page` object each. */
function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
}

describe('the monitoring report', () => {
  const env = useServerAndBrowser();

  it('prints the figures per indicator on A4 without splitting one, downloads them as CSV, passes axe and opens offline', async () => {
    await seed(env.server);
    const phone = await BuurtlogPage.open(await newDevice(env.browser), env.server.url);
    const p = phone.page;
    await phone.waitUntilOfflineReady();
    await p.getByRole('navigation').getByRole('link', { name: 'Cijfers' }).click();
    await p.getByRole('heading', { level: 1, name: 'Monitoring' }).waitFor({ timeout: 30_000 });
    await p.getByTestId('monitoring-age').filter({ hasText: 'Cijfers van' }).waitFor({ timeout: 30_000 });
    await p.getByRole('link', { name: 'Rapport afdrukken' }).click();
    await p.getByRole('heading', { level: 1, name: 'Rapportage monitoring' }).waitFor({ timeout: 30_000 });
    await phone.expectSoon('the figures', () => p.getByTestId('monitoring-age').filter({ hasText: 'Cijfers van' }).waitFor({ timeout: 30_000 }));
    expect(p.url()).toMatch(/#\/monitoring\/rapport\?period=quarter&from=\d{4}-\d{2}-\d{2}$/);

    // The period and filters, then a heading per group and per indicator.
    const facts = await p.locator('.report-facts').innerText();
    expect(facts).toMatch(/Kwartaal: \S+ 1 \S+ \d{4} t\/m \S+ 3[01] \S+ \d{4}/);
    expect(facts).toContain('Alle buurten');
    expect(facts).toContain('Alle thema’s');
    for (const group of ['Activiteiten en deelname', 'Schouw', 'Meldingen']) {
      await p.getByRole('heading', { level: 2, name: group }).waitFor();
    }
    const participants = p.locator('.report-indicator[data-indicator="participants"]');
    expect(await participants.getByRole('heading', { level: 3 }).textContent()).toBe('Deelnemers');
    // 20 participants against a 0-meting of 15: the target is 16,5 (×1,10).
    expect(await participants.locator('.report-indicator-text').textContent()).toBe('20 in deze periode. 0-meting 15, doel 16,5: op koers.');
    expect(await participants.locator('svg.trend rect').count()).toBeGreaterThan(0);
    expect(await participants.getByRole('table', { name: 'Deelnemers per kwartaal' }).getByRole('cell').last().textContent()).toBe('20');
    const blocks = await p.locator('.report-indicator').count();
    expect(blocks).toBeGreaterThan(10);

    expect(await wcagViolations(p)).toEqual([]);
    await p.emulateMedia({ colorScheme: 'dark' });
    expect(await wcagViolations(p)).toEqual([]);
    await p.emulateMedia({ colorScheme: 'light' });

    // The CSV of the indicator table.
    const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: 'Cijfers als CSV (Excel)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^monitoring-\d{4}-\d{2}-01-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await download.path()) as string, 'utf8');
    expect(csv.startsWith('\uFEFFCijfer;Groep;Eenheid;Waarde;0-meting;Doel;Op koers;')).toBe(true);
    expect(csv.split('\r\n')).toContainEqual(expect.stringMatching(/^Deelnemers;Activiteiten en deelname;aantal;20;15;16,5;ja;(;|\d)*20$/));

    // In print, at the A4 page's width: the app around the report is gone, and every indicator is one unbreakable block.
    await p.setViewportSize({ width: Math.floor(CONTENT.width), height: Math.floor(CONTENT.height) });
    await p.emulateMedia({ media: 'print' });
    const hidden = await p.locator('.app-header, .bottom-nav, .report-toolbar').evaluateAll((els) => els.map((el) => getComputedStyle(el).display));
    expect(hidden).toEqual(['none', 'none', 'none']);
    const layout = await p.evaluate(() => {
      const top = (el: Element) => el.getBoundingClientRect().top + window.scrollY;
      const article = document.querySelector('.print-page') as HTMLElement;
      const indicators = [...document.querySelectorAll('.report-indicator')];
      return {
        start: top(article),
        widest: Math.max(...[...document.querySelectorAll('.print-page *')].map((el) => el.getBoundingClientRect().right)),
        avoid: indicators.map((el) => getComputedStyle(el).breakInside),
        // Each unbreakable piece, from its top (a group's heading stays with its first indicator) to its bottom.
        pieces: indicators.map((el) => ({
          top: el.previousElementSibling?.tagName === 'H2' ? top(el.previousElementSibling) : top(el),
          bottom: el.getBoundingClientRect().bottom + window.scrollY,
        })),
      };
    });
    expect(layout.avoid).toEqual(layout.avoid.map(() => 'avoid'));
    // Nothing wider than the paper: Chromium would shrink the whole page to fit it, and the page count with it.
    expect(layout.widest).toBeLessThanOrEqual(Math.floor(CONTENT.width));
    // Pack the pieces in order onto pages of the A4 height: a piece that does not fit on the rest of a page starts the next one.
    let pages = 1;
    let pageTop = layout.start;
    for (const piece of layout.pieces) {
      if (piece.bottom - pageTop > CONTENT.height) {
        pages += 1;
        pageTop = piece.top;
      }
    }
    const pdf = await p.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    expect(pdfPageCount(pdf)).toBe(pages);
    expect(pages).toBeGreaterThan(1);
    await p.emulateMedia({ media: 'screen' });
    await p.setViewportSize({ width: 390, height: 844 });

    // Offline: the cached figures, and how old they are.
    await phone.goOffline();
    await phone.reload();
    await p.getByRole('heading', { level: 1, name: 'Rapportage monitoring' }).waitFor({ timeout: 30_000 });
    await phone.expectSoon('the cached figures with their age', () =>
      p
        .getByTestId('monitoring-age')
        .filter({ hasText: /Geen verbinding: dit zijn de cijfers van .+ \((zojuist|\d+ minuten? geleden)\)/ })
        .waitFor({ timeout: 30_000 }),
    );
    expect(await participants.locator('.report-indicator-text').textContent()).toBe('20 in deze periode. 0-meting 15, doel 16,5: op koers.');
    await phone.goOnline();
  });
});
