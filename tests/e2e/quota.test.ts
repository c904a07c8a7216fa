/**
 * Over the server's limit (issue 10, item 1) in the app: a server that takes
 * half a KiB of pushes per device per 20 seconds. The phone's first push
 * crosses it (a push is allowed when it begins under the limit); the counts
 * tapped right after are answered 429 with Retry-After. The app says so in
 * Dutch, keeps every tap in its outbox, and sends them all by itself once
 * Retry-After has passed. The window is counted on the server's clock from
 * the phone's own push, so nothing depends on the date.
 */
import { describe, expect, it } from 'vitest';
import { BuurtlogPage } from './buurtlog-page.ts';
import { newDevice } from './harness.ts';
import { serverCount } from './server-view.ts';
import { useServerAndBrowser } from './use-server-and-browser.ts';

const QUOTA_MESSAGE = 'Dit toestel heeft even te veel verstuurd. Er gaat niets verloren: alles blijft op de telefoon en wordt straks vanzelf verstuurd.';

describe('a phone over the push limit', () => {
  // 0.34 minutes (~20 s) and 0.0005 MiB (524 bytes): one activity crosses it.
  const env = useServerAndBrowser({ env: () => ({ LIMIT_WINDOW_MINUTES: '0.34', LIMIT_PUSH_MB_PER_DEVICE: '0.0005' }) });

  it('says it has sent too much, loses nothing, and sends everything after Retry-After', async () => {
    const { server, browser } = env;
    const phone = await BuurtlogPage.open(await newDevice(browser), server.url);
    const { page } = phone;
    const refusals: Array<{ retryAfter: string | null }> = [];
    page.on('response', (response) => {
      if (response.status() === 429 && new URL(response.url()).pathname === '/api/v1/sync/push')
        refusals.push({ retryAfter: response.headers()['retry-after'] ?? null });
    });
    await phone.waitUntilOfflineReady();

    // The first push goes through and uses up the window.
    const activityId = await phone.createActivity({ title: 'Buurtkoffie Oranjebuurt' });
    await phone.waitUntilAllSent();

    // Ten residents counted at once: their push is refused until the window has room again.
    await phone.openAttendance();
    await phone.tap('Bewoners', 10);
    await phone.expectSoon('the Dutch quota message', () =>
      page.waitForFunction((message) => document.querySelector('[data-testid="sync-problem"]')?.textContent === message, QUOTA_MESSAGE, { timeout: 20_000 }),
    );
    expect(refusals.length).toBeGreaterThan(0);
    expect(Number(refusals[0]?.retryAfter)).toBeGreaterThan(0);
    expect(Number(refusals[0]?.retryAfter)).toBeLessThanOrEqual(21);

    // On screen: the message in the sheet, the count kept, the taps waiting in the outbox; the server has none of them.
    await phone.openSyncSheet();
    await page.getByRole('dialog').getByText(QUOTA_MESSAGE).waitFor();
    expect(await phone.pendingText()).toMatch(/^\d+ wijziging(en)? alleen op dit toestel$/);
    await phone.closeSyncSheet();
    expect(await phone.count('residents')).toBe(10);
    expect(await serverCount(server, activityId, 'residents')).toBe(0);

    // After Retry-After the app tries again by itself: everything arrives and the status says so.
    await phone.waitUntilAllSent();
    await phone.expectSoon('"Alles verstuurd" in the header', () =>
      page.waitForFunction(() => document.querySelector('[data-testid="sync-chip"]')?.textContent?.includes('Alles verstuurd'), undefined, {
        timeout: 30_000,
      }),
    );
    expect(await serverCount(server, activityId, 'residents')).toBe(10);
    await page.context().close();
  });
});
