/**
 * The monitoring dashboard in Chromium (issue 12): a coordinator opens it,
 * reads the figures of data seeded through the API (counted by hand here),
 * with the 0-meting and target typed as records; axe finds nothing in
 * either theme; offline, the reopened dashboard shows the cached figures
 * and says how old they are. Every date comes from now.
 */
import { describe, expect, it } from 'vitest';
import { wcagViolations } from './axe.ts';
import { BuurtlogPage } from './buurtlog-page.ts';
import { newDevice } from './harness.ts';
import { seed } from './monitoring-seed.ts';
import { useServerAndBrowser } from './use-server-and-browser.ts';

describe('the monitoring dashboard', () => {
  const env = useServerAndBrowser();

  it('shows the seeded figures against the 0-meting, passes axe in both themes, and opens offline with the cached figures and their age', async () => {
    await seed(env.server);
    const phone = await BuurtlogPage.open(await newDevice(env.browser), env.server.url);
    const p = phone.page;
    await phone.waitUntilOfflineReady();
    await p.getByRole('navigation').getByRole('link', { name: 'Cijfers' }).click();
    await p.getByRole('heading', { level: 1, name: 'Monitoring' }).waitFor({ timeout: 30_000 });
    await phone.expectSoon('the figures', () => p.getByTestId('monitoring-age').filter({ hasText: 'Cijfers van' }).waitFor({ timeout: 30_000 }));

    const value = (key: string) => p.getByTestId(`value-${key}`).textContent();
    expect(await value('activities-held')).toBe('2');
    expect(await value('participants')).toBe('20');
    expect(await value('participants-mean')).toBe('10');
    expect(await value('first-timers')).toBe('4');
    expect(await value('participants-per-100')).toBe('2');
    const participants = p.locator('[data-indicator="participants"]');
    // 0-meting 15, so the target is 16,5 (×1,10), and 20 is on track.
    expect(await participants.locator('.indicator-target').textContent()).toBe('0-meting 15 · doel 16,5Op koers');
    expect(await participants.locator('svg.trend rect').count()).toBeGreaterThan(0);
    // The same numbers in the table, for screen readers and print.
    const row = p.getByRole('table', { name: /Waarde, 0-meting, doel/ }).getByRole('row', { name: /^Deelnemers 20 15 16,5/ });
    expect(await row.count()).toBe(1);

    expect(await wcagViolations(p)).toEqual([]);
    await p.emulateMedia({ colorScheme: 'dark' });
    expect(await wcagViolations(p)).toEqual([]);
    await p.emulateMedia({ colorScheme: 'light' });

    await phone.goOffline();
    await phone.reload();
    await p.getByRole('heading', { level: 1, name: 'Monitoring' }).waitFor({ timeout: 30_000 });
    await phone.expectSoon('the cached figures with their age', () =>
      p
        .getByTestId('monitoring-age')
        .filter({ hasText: /Geen verbinding: dit zijn de cijfers van .+ \((zojuist|\d+ minuten? geleden)\)/ })
        .waitFor({ timeout: 30_000 }),
    );
    expect(await value('participants')).toBe('20');
    expect(await value('activities-held')).toBe('2');
    await phone.goOnline();
  });
});
