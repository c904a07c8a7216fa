import { describe, expect, it } from 'vitest';
import { BuurtlogPage } from './buurtlog-page.ts';
import { launchPersistentDevice, newDevice } from './harness.ts';
import { useServerAndBrowser } from './use-server-and-browser.ts';
import { serverCount } from './server-view.ts';

describe('counts on the phone', () => {
  const env = useServerAndBrowser();

  it('counts every tap at ten taps a second', async () => {
    const context = await newDevice(env.browser);
    const phone = await BuurtlogPage.open(context, env.server.url);
    const id = await phone.createActivity({ title: 'Inloopochtend Centrum', buurt: 'Centrum', type: 'Inloop' });
    await phone.openAttendance();
    const plus = phone.page.getByRole('button', { name: 'Vrijwilligers: één erbij' });
    const started = Date.now();
    for (let i = 0; i < 40; i++) {
      await plus.click({ delay: 0 });
      const due = started + (i + 1) * 100;
      if (Date.now() < due) await phone.page.waitForTimeout(due - Date.now());
    }
    expect(Date.now() - started).toBeLessThan(6_000);
    await phone.waitForCount('volunteers', 40);
    await phone.waitUntilAllSent();
    expect(await serverCount(env.server, id, 'volunteers')).toBe(40);
    await context.close();
  });

  it('survives a crash of the tab, offline', async () => {
    const device = await launchPersistentDevice();
    try {
      const first = await BuurtlogPage.open(device.context, env.server.url);
      await first.waitUntilOfflineReady();
      await first.page.close();

      await device.context.setOffline(true);
      const phone = await BuurtlogPage.open(device.context, env.server.url);
      await phone.createActivity({ title: 'Opruimactie Plantageweg', buurt: 'Plantageweg', type: 'Opruimactie' });
      await phone.openAttendance();
      await phone.tap('Kinderen', 12);
      await phone.waitForCount('children', 12);
      const url = phone.page.url();

      // The renderer dies mid-session: nothing after the last committed tap may be lost.
      const cdp = await device.context.newCDPSession(phone.page);
      const crashed = new Promise<void>((resolve) => phone.page.once('crash', () => resolve()));
      // Page.crash never answers: the page it would answer from is gone.
      void cdp.send('Page.crash').catch(() => undefined);
      await crashed;
      const reopened = await device.context.newPage();
      await reopened.goto(url);
      await phone.expectSoon('the count after the crash', () => reopened.getByTestId('value-children').filter({ hasText: '12' }).waitFor({ timeout: 30_000 }));
      await reopened.close();
    } finally {
      await device.dispose();
    }
  });

  it('keeps counting when the browser closes the database under the app (iOS does), with nothing lost', async () => {
    const context = await newDevice(env.browser);
    const phone = await BuurtlogPage.open(context, env.server.url);
    const id = await phone.createActivity({ title: 'Taalcafé Kinderdijk', buurt: 'Centrum', type: 'Inloop' });
    await phone.openAttendance();
    await phone.tap('Bewoners', 3);
    await phone.waitForCount('residents', 3);

    // From outside the app: a connection asking for a higher version makes the
    // browser tell the app's connection to close ('versionchange'), as iOS
    // closes IndexedDB under memory pressure or after backgrounding.
    const closedFromOutside = await phone.page.evaluate(async () => {
      const names = (await indexedDB.databases()).map((d) => d.name ?? '').filter((name) => name.startsWith('buurtlog-'));
      const name = names[0];
      if (!name) return null;
      const version = (await indexedDB.databases()).find((d) => d.name === name)?.version ?? 1;
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name, version + 1);
        open.onsuccess = () => {
          open.result.close();
          resolve();
        };
        open.onerror = () => reject(open.error);
      });
      return name;
    });
    expect(closedFromOutside, 'the app database').not.toBeNull();

    await phone.tap('Bewoners', 2);
    await phone.waitForCount('residents', 5);
    await phone.reload();
    await phone.waitForCount('residents', 5);
    await phone.waitUntilAllSent();
    expect(await serverCount(env.server, id, 'residents')).toBe(5);
    await context.close();
  });

  it('opens offline and keeps the counts after the service worker was stopped between requests', async () => {
    const context = await newDevice(env.browser);
    const phone = await BuurtlogPage.open(context, env.server.url);
    await phone.waitUntilOfflineReady();
    await phone.createActivity({ title: 'Buurtsoep Oranjebuurt', buurt: 'Oranjebuurt', type: 'Inloop' });
    await phone.openAttendance();
    await phone.tap('Kinderen', 4);
    await phone.waitForCount('children', 4);

    // Out of signal, the browser stops the idle service worker (iOS does so
    // eagerly); the next request, the reload, has to start it again.
    // (Stopping it online and going offline at the very moment of the reload
    // hung the reload in headless Chromium until the browser went away: a
    // race in the test driver's network emulation, not a phone's situation.)
    const cdp = await context.newCDPSession(phone.page);
    await phone.goOffline();
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await phone.reload();
    await phone.waitForCount('children', 4);
    expect(await phone.page.evaluate(() => navigator.serviceWorker.controller !== null), 'the page is controlled by the restarted worker').toBe(true);
    await phone.tap('Kinderen', 1);
    await phone.waitForCount('children', 5);
    await context.close();
  });
});
