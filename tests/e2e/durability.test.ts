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
});
