import { describe, expect, it } from 'vitest';
import { BuurtlogPage } from './buurtlog-page.ts';
import { newDevice } from './harness.ts';
import { useServerAndBrowser } from './use-server-and-browser.ts';
import { serverActivityByTitle, serverCount } from './server-view.ts';

describe('activities and attendance between phones and the server', () => {
  const env = useServerAndBrowser();

  it('keeps an activity counted offline on the phone, then the server has it, and a colleague’s phone shows it', async () => {
    const phoneContext = await newDevice(env.browser);
    const phone = await BuurtlogPage.open(phoneContext, env.server.url);
    await phone.waitUntilOfflineReady();

    await phone.goOffline();
    const id = await phone.createActivity({ title: 'Koffieochtend Oranjebuurt', place: 'Buurthuis De Ark' });
    await phone.openAttendance();
    await phone.tap('Bewoners', 25);
    await phone.waitForCount('residents', 25);
    expect(await phone.pendingText()).toMatch(/alleen op dit toestel/);
    expect(await serverActivityByTitle(env.server, 'Koffieochtend Oranjebuurt')).toHaveLength(0);

    // Counts survive a reload while still offline.
    await phone.reload();
    await phone.waitForCount('residents', 25);

    await phone.goOnline();
    await phone.waitUntilAllSent();
    expect(await serverActivityByTitle(env.server, 'Koffieochtend Oranjebuurt')).toHaveLength(1);
    expect(await serverCount(env.server, id, 'residents')).toBe(25);

    // (c) Another device pulls it and shows it.
    const colleagueContext = await newDevice(env.browser);
    const colleague = await BuurtlogPage.open(colleagueContext, env.server.url);
    await colleague.waitForActivityInList('Koffieochtend Oranjebuurt');
    await colleague.openActivity('Koffieochtend Oranjebuurt');
    await colleague.openAttendance();
    await colleague.waitForCount('residents', 25);

    await phoneContext.close();
    await colleagueContext.close();
  });

  it('adds up two doors counting the same activity offline: 10 and 15 make 25 everywhere', async () => {
    const doorA = await BuurtlogPage.open(await newDevice(env.browser), env.server.url);
    const id = await doorA.createActivity({ title: 'Burendag Schildersbuurt', buurt: 'Schildersbuurt', type: 'Burendag' });
    await doorA.waitUntilAllSent();
    await doorA.waitUntilOfflineReady();

    const doorB = await BuurtlogPage.open(await newDevice(env.browser), env.server.url);
    await doorB.waitForActivityInList('Burendag Schildersbuurt');
    await doorB.openActivity('Burendag Schildersbuurt');
    await doorB.waitUntilOfflineReady();

    await doorA.openAttendance();
    await doorB.openAttendance();
    await doorA.goOffline();
    await doorB.goOffline();
    await Promise.all([doorA.tap('Bewoners', 10), doorB.tap('Bewoners', 15)]);
    await doorA.waitForCount('residents', 10);
    await doorB.waitForCount('residents', 15);

    await doorA.goOnline();
    await doorB.goOnline();
    await doorA.waitUntilAllSent();
    await doorB.waitUntilAllSent();
    // The first to arrive learns of the other's count at its next pull.
    await doorA.syncNow();
    await doorA.waitForCount('residents', 25);
    await doorB.waitForCount('residents', 25);
    expect(await serverCount(env.server, id, 'residents')).toBe(25);

    await doorA.page.context().close();
    await doorB.page.context().close();
  });

  it('loses and duplicates nothing when the page reloads in the middle of a sync', async () => {
    const context = await newDevice(env.browser);
    const phone = await BuurtlogPage.open(context, env.server.url);
    await phone.waitUntilOfflineReady();

    await phone.goOffline();
    const id = await phone.createActivity({ title: 'Informatieavond buurtpreventie', type: 'Informatiebijeenkomst' });
    await phone.openAttendance();
    await phone.tap('Bewoners', 30);
    await phone.tap('Kinderen', 4);
    await phone.waitForCount('children', 4);

    // Hold the push answer back; reload while the request is in flight.
    let pushes = 0;
    let releasePush: () => void = () => {};
    const pushSeen = new Promise<void>((resolve) => {
      void context.route('**/api/v1/sync/push', async (route) => {
        pushes += 1;
        resolve();
        await new Promise<void>((release) => (releasePush = release));
        await route.continue();
      });
    });
    await phone.goOnline();
    await pushSeen;
    const reloading = phone.reload();
    releasePush();
    await reloading;
    await context.unroute('**/api/v1/sync/push');

    await phone.waitForCount('residents', 30);
    await phone.waitUntilAllSent();
    expect(pushes).toBeGreaterThanOrEqual(1);
    expect(await serverActivityByTitle(env.server, 'Informatieavond buurtpreventie')).toHaveLength(1);
    expect(await serverCount(env.server, id, 'residents')).toBe(30);
    expect(await serverCount(env.server, id, 'children')).toBe(4);
    expect(await phone.count('residents')).toBe(30);

    await phone.page.goto(`${env.server.url}/#/`);
    await phone.waitForList();
    await expect.poll(() => phone.page.getByRole('link', { name: /Informatieavond buurtpreventie/ }).count()).toBe(1);
    await context.close();
  });
});
