/**
 * A day with Buurtlog on a phone, in each engine: the app shell offline and
 * after a reload, sign-in, an activity counted offline with a reload in the
 * middle and then synced, and ten fast taps at one screen spot counting ten.
 * The tests of an engine share one phone, signed in once, in order.
 */
import { describe, expect, it } from 'vitest';
import { serverActivityByTitle, serverCount } from '../e2e/server-view.ts';
import { ENGINES } from './drivers.ts';
import { Phone } from './phone.ts';
import { useEngine } from './use-engine.ts';

describe.each(ENGINES)('a phone in %s', (engine) => {
  const env = useEngine(engine);
  let phone: Phone;

  it('signs in and lands on the activity list', async () => {
    phone = await Phone.take(env.browser, env.site);
    await phone.open();
    await phone.waitUntilOfflineReady();
  });

  it('opens the app shell offline, also after a reload', async () => {
    await phone.goOffline();
    await phone.reload();
    await phone.heading('Activiteiten');
    // A lazy screen comes from the precache too.
    await phone.follow('Nieuwe activiteit');
    await phone.heading('Nieuwe activiteit');
    await phone.goto('#/');
    await phone.heading('Activiteiten');
    await phone.goOnline();
  });

  it('keeps an activity counted offline through a reload, then the server has the counts', async () => {
    const title = `Koffieochtend ${engine}`;
    await phone.goOffline();
    const id = await phone.createActivity({ title });
    await phone.openAttendance();
    await phone.count('Bewoners', 3);
    await phone.count('Kinderen', 2);
    await phone.waitForCount('residents', 3);
    await phone.waitForCount('children', 2);
    expect(await phone.pendingText()).toMatch(/alleen op dit toestel/);

    await phone.reload();
    await phone.heading('Aanwezigheid');
    await phone.waitForCount('residents', 3);
    await phone.count('Bewoners', 1);
    await phone.waitForCount('residents', 4);

    await phone.goOnline();
    await phone.waitUntilAllSent();
    expect(await serverActivityByTitle(env.site.server, title)).toHaveLength(1);
    expect(await serverCount(env.site.server, id, 'residents')).toBe(4);
    expect(await serverCount(env.site.server, id, 'children')).toBe(2);
  });

  it('counts ten fast taps at one screen spot as ten, the layout not waited for', async () => {
    await phone.goto('#/');
    await phone.heading('Activiteiten');
    await phone.createActivity({ title: `Burendag ${engine}` });
    await phone.openAttendance();
    const plus = await phone.plusAt('Bewoners');
    for (let i = 0; i < 10; i++) await phone.tapAt(plus.x, plus.y);
    await phone.waitForCount('residents', 10);
    // Nothing more arrives later.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await phone.countValue('residents')).toBe(10);
    await phone.close();
  });
});
