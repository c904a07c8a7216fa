/**
 * Every screen at 360×740 with touch (issue 9 items 7 and 10): nothing is
 * wider than the phone (no horizontal scrolling, no word cut off at the
 * edge, no word broken in the middle at the end of a line), and every control a thumb can tap is at least 44×44 px.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BuurtlogPage } from './buurtlog-page.ts';
import { useServerAndBrowser } from './use-server-and-browser.ts';

type Problems = { overflow: string[]; broken: string[]; small: string[] };

/** What on this screen passes the right edge, and which controls are smaller than 44×44 px. */
async function problemsOn(page: Page): Promise<Problems> {
  // Lazy screens and fonts settle first.
  await page.waitForTimeout(300);
  return page.evaluate(() => {
    const width = window.innerWidth;
    const describe = (el: Element) => {
      const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
      return `<${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? ` class="${el.className}"` : ''}> "${text}"`;
    };
    const shown = (el: Element) => {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) return false;
      if (rect.bottom + window.scrollY < 0) return false; // parked above the page (the skip link)
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden') return false;
      // Visually hidden (clipped to 1 px) for screen readers only.
      return !(rect.width <= 1 && rect.height <= 1);
    };
    /** Inside a box that scrolls or clips sideways on purpose (e.g. a wide table's wrapper). */
    const clipped = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const x = getComputedStyle(p).overflowX;
        if (x !== 'visible' && p.getBoundingClientRect().right <= width + 0.5) return true;
      }
      return false;
    };
    const overflow: string[] = [];
    if (document.documentElement.scrollWidth > width) overflow.push(`page is ${document.documentElement.scrollWidth} px wide`);
    for (const el of document.querySelectorAll('body *')) {
      if (el.closest('dialog:not([open])') || !shown(el)) continue;
      const rect = el.getBoundingClientRect();
      if (rect.right > width + 0.5 && !clipped(el)) overflow.push(`${describe(el)} ends at ${Math.round(rect.right)} px`);
    }
    // A word cut in the middle at the end of a line ("Professional/s", "Alblasserda/m", a lone ")").
    // A break at a soft hyphen (U+00AD, set between the parts of a long Dutch compound) is hyphenation, not a cut.
    const broken: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('dialog:not([open]), .visually-hidden, script, style, code') || !shown(parent)) continue;
      for (const word of (node.textContent ?? '').matchAll(/[^\s\-–—/\u00ad]{2,}/g)) {
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        let rects = [...range.getClientRects()].filter((r) => r.width > 0);
        // After a soft hyphen, Chromium reports the hyphen it drew at the end of the line before as part of the next word.
        if ((node.textContent ?? '')[word.index - 1] === '\u00ad' && rects.length > 1 && (rects[0]?.width ?? 0) < 12) rects = rects.slice(1);
        const lines = new Set(rects.map((r) => Math.round(r.top)));
        if (lines.size > 1) broken.push(`"${word[0]}" in ${describe(parent)}`);
      }
    }
    const small: string[] = [];
    const controls = document.querySelectorAll('a[href], button, input, select, textarea, summary, [role=button]');
    for (const control of controls) {
      if (control.closest('dialog:not([open])') || control.closest('.visually-hidden')) continue;
      // A radio or checkbox is tapped through its label: measure that.
      const target = control.matches('input[type=radio], input[type=checkbox], input[type=file]') ? (control.closest('label') ?? control) : control;
      if (!shown(target)) continue;
      const rect = target.getBoundingClientRect();
      if (rect.width < 44 - 0.5 || rect.height < 44 - 0.5) small.push(`${describe(target)} is ${Math.round(rect.width)}×${Math.round(rect.height)}`);
    }
    return { overflow, broken, small: [...new Set(small)] };
  });
}

describe('every screen at 360×740', () => {
  const env = useServerAndBrowser();

  it('fits the width of the phone and has only controls of at least 44×44 px', async () => {
    const context = await env.browser.newContext({
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'nl-NL',
      timezoneId: 'Europe/Amsterdam',
    });
    const page = await context.newPage();
    const found: Record<string, Problems> = {};
    const check = async (screen: string) => {
      const problems = await problemsOn(page);
      if (problems.overflow.length + problems.broken.length + problems.small.length > 0) found[screen] = problems;
    };
    const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor({ timeout: 30_000 });

    // A first start: the privacy notice, then sign-in.
    await page.goto(`${env.server.url}/`);
    await heading('Wat Buurtlog bewaart en waarom');
    await check('privacy (first start)');
    await page.getByRole('button', { name: 'Ik heb dit gelezen' }).click();
    await heading('Aanmelden');
    await check('sign-in');
    const phone = await BuurtlogPage.open(context, env.server.url);
    await page.close();
    const p = phone.page;
    const on = async (screen: string) => {
      const problems = await problemsOn(p);
      if (problems.overflow.length + problems.broken.length + problems.small.length > 0) found[screen] = problems;
    };
    const visit = async (hash: string, title: string | RegExp) => {
      await p.goto(`${env.server.url}/${hash}`);
      await p.getByRole('heading', { level: 1, name: title }).first().waitFor({ timeout: 30_000 });
    };
    await phone.waitUntilSynced();
    await on('activity list (empty)');
    await phone.openSyncSheet();
    await on('sync sheet');
    await phone.closeSyncSheet();

    await p.getByRole('link', { name: 'Nieuwe activiteit' }).click();
    await p.getByRole('heading', { level: 1, name: 'Nieuwe activiteit' }).waitFor();
    await on('new activity form');
    await visit('#/', 'Activiteiten');

    const title = 'Koffie-inloop met Professionals van Gemeente Alblasserdam (buurthuis)';
    await phone.createActivity({ title, place: 'Buurthuis De Hoeksteen, Gemeente Alblasserdam' });
    await on('activity detail');
    await phone.openAttendance();
    await on('attendance');
    await visit('#/', 'Activiteiten');
    await on('activity list');

    const schouwId = await phone.createActivity({ title: 'Schouw Oranjebuurt (Gemeente Alblasserdam)', type: 'Schouw' });
    await p.getByRole('link', { name: 'Schouw openen' }).click();
    await p.getByRole('link', { name: 'Bevinding toevoegen' }).waitFor({ timeout: 15_000 });
    await on('schouw round');
    await p.getByRole('link', { name: 'Bevinding toevoegen' }).click();
    await p.getByRole('heading', { level: 1, name: 'Nieuwe bevinding' }).waitFor();
    await on('finding capture');
    await p.getByRole('group', { name: 'Waar gaat het over?' }).getByRole('button').first().click();
    await p.getByRole('group', { name: 'Wat is er aan de hand?' }).getByRole('button').first().click();
    await p.getByTestId('capture-status').filter({ hasText: 'Bevinding opgeslagen op dit toestel' }).waitFor({ timeout: 10_000 });
    await on('finding capture (filled in)');
    await p.getByRole('link', { name: 'Klaar', exact: true }).click();
    await p.getByTestId('finding-card').first().click();
    await p.getByRole('heading', { level: 1 }).first().waitFor();
    await p.waitForURL(/#\/bevinding\//);
    await on('finding detail');
    await visit(`#/schouw/${schouwId}/rapport`, /./);
    await on('report');
    await visit(`#/schouw/${schouwId}/terugkoppeling`, /./);
    await on('feedback');
    await visit('#/bevindingen', /./);
    await on('findings');

    await visit('#/monitoring', 'Monitoring');
    await p.getByTestId('monitoring-age').filter({ hasText: 'Cijfers van' }).waitFor({ timeout: 30_000 });
    await on('monitoring');
    await visit('#/monitoring/doelen', '0-meting, doelen en inwoners');
    await on('monitoring: baseline, targets and residents');
    await visit('#/monitoring/rapport?period=quarter', 'Rapportage monitoring');
    await p.getByTestId('monitoring-age').filter({ hasText: 'Cijfers van' }).waitFor({ timeout: 30_000 });
    await on('monitoring: report');
    await visit('#/monitoring/exporteren', 'Exporteren');
    await p.getByTestId('export-count-places').filter({ hasText: /plek/ }).waitFor({ timeout: 30_000 });
    await on('monitoring: exports');

    await visit('#/instellingen', 'Instellingen');
    await on('settings (account, language, theme, sync)');
    await visit('#/privacy', 'Wat Buurtlog bewaart en waarom');
    await on('privacy');
    await visit('#/beheer', 'Beheer');
    await on('admin');
    for (const section of ['buurten', 'partners', 'themas', 'soorten', 'projecten', 'teams', 'gebruikers', 'auditlog', 'privacy']) {
      await visit(`#/beheer/${section}`, /./);
      await on(`admin: ${section}`);
    }

    expect(found).toEqual({});
    await context.close();
  });
});
