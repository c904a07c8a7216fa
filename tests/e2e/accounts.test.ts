import { describe, expect, it } from 'vitest';
import { BuurtlogPage } from './buurtlog-page.ts';
import { ANDROID_PHONE_UA, ANDROID_TABLET_UA, newDevice, signIn } from './harness.ts';
import { serverActivityByTitle } from './server-view.ts';
import { useServerAndBrowser } from './use-server-and-browser.ts';

const TEAM = 'Buurtpreventie Oranjebuurt';

describe('a volunteer invited by a coordinator', () => {
  const env = useServerAndBrowser();

  it('signs in by link, works offline, syncs, and is wiped when the coordinator revokes that phone; their other device keeps working', async () => {
    const { server, browser } = env;

    // The coordinator makes an invite for the team, in the app.
    const coordinator = await BuurtlogPage.open(await newDevice(browser), server.url);
    await coordinator.page.goto(`${server.url}/#/beheer/teams`);
    await coordinator.page.getByRole('button', { name: `Uitnodiging maken voor ${TEAM}` }).click();
    await coordinator.page.getByLabel('Naam van de vrijwilliger').fill('Sanne');
    await coordinator.page.getByRole('button', { name: 'Uitnodiging maken', exact: true }).click();
    const link = coordinator.page.getByTestId('invite-url');
    await coordinator.expectSoon('the invite link', () => link.waitFor({ timeout: 30_000 }));
    await coordinator.page.getByTestId('invite-qr').waitFor();
    const inviteUrl = await link.inputValue();
    expect(inviteUrl).toMatch(/\/#\/uitnodiging\/[\w-]{20,}$/);
    // No share sheet in this browser: the one button copies, and says so on screen.
    await coordinator.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await coordinator.page.getByRole('button', { name: 'Kopiëren' }).click();
    await coordinator.page.getByTestId('invite-copied').getByText('De link is gekopieerd').waitFor();
    expect(await coordinator.page.evaluate(() => navigator.clipboard.readText())).toBe(inviteUrl);

    // A link that lost part of its code says so, instead of showing the sign-in screen.
    const broken = await (await newDevice(browser)).newPage();
    await broken.goto(inviteUrl.slice(0, inviteUrl.lastIndexOf('/') + 8));
    await broken.getByText('Deze uitnodigingslink klopt niet').waitFor();
    expect(await broken.getByLabel('Wachtwoord').count()).toBe(0);

    // The invite comes first: from whom, one button, the privacy summary above it and the full text one tap away.
    const preview = await (await newDevice(browser)).newPage();
    await preview.goto(inviteUrl);
    await preview
      .getByTestId('invite-lead')
      .getByText(/^Coördinator Alblasserdam nodigt je uit voor team Buurtpreventie Oranjebuurt van Alblasserdam\.$/)
      .waitFor();
    await preview.getByRole('heading', { level: 2, name: 'Wat Buurtlog bewaart' }).waitFor();
    expect(await preview.getByRole('heading', { level: 2, name: 'Tellingen, nooit namen van bewoners' }).isVisible()).toBe(false);
    await preview.getByText('Alles lezen over wat Buurtlog bewaart en waarom').click();
    await preview.getByRole('heading', { level: 2, name: 'Tellingen, nooit namen van bewoners' }).waitFor();
    expect(
      await preview
        .getByRole('button')
        .filter({ hasText: /Aanmelden|gelezen/ })
        .allTextContents(),
    ).toEqual(['Aanmelden op dit toestel']);
    await preview.context().close();

    // Sanne opens the link on her phone and is signed in.
    const phone = await BuurtlogPage.openInvite(await newDevice(browser, { userAgent: ANDROID_PHONE_UA }), server.url, inviteUrl);
    await phone.waitUntilOfflineReady();
    await phone.page.getByRole('link', { name: 'Beheer' }).waitFor({ state: 'detached' });

    // Offline, she records an activity of her team; back online it syncs.
    await phone.goOffline();
    await phone.createActivity({ title: 'Avondronde Oranjebuurt', team: TEAM, type: 'Anders' });
    expect(await phone.pendingText()).toMatch(/alleen op dit toestel/);
    await phone.goOnline();
    await phone.waitUntilAllSent();
    expect(await serverActivityByTitle(server, 'Avondronde Oranjebuurt')).toHaveLength(1);

    // Her second device (a tablet): the coordinator makes an invite for her existing account.
    await coordinator.page.goto(`${server.url}/#/beheer/gebruikers`);
    await coordinator.page.getByRole('button', { name: 'Sanne bewerken' }).click();
    await coordinator.page.getByRole('button', { name: 'Ander toestel aanmelden voor Sanne' }).click();
    await coordinator.page.getByRole('button', { name: 'Uitnodiging maken', exact: true }).click();
    await coordinator.expectSoon('the second invite link', () => link.waitFor({ timeout: 30_000 }));
    const tablet = await BuurtlogPage.openInvite(await newDevice(browser, { userAgent: ANDROID_TABLET_UA }), server.url, await link.inputValue());
    await tablet.waitForActivityInList('Avondronde Oranjebuurt');
    const users = (await (await fetch(`${server.url}/api/v1/users`, { headers: { authorization: `Bearer ${await signIn(server)}` } })).json()) as Array<{
      displayName: string;
    }>;
    expect(users.filter((user) => user.displayName === 'Sanne')).toHaveLength(1);

    // The coordinator revokes the phone (lost) in the app.
    await coordinator.page.getByRole('button', { name: 'Telefoon (Chrome) afmelden' }).click();
    await coordinator.page.getByRole('button', { name: 'Ja, afmelden' }).click();
    await coordinator.expectSoon('the revocation', () => coordinator.page.getByText('Telefoon (Chrome) is afgemeld').first().waitFor({ timeout: 30_000 }));

    // At its next contact the phone wipes everything and asks to sign in.
    await phone.syncNow();
    await phone.expectSoon('the wipe', () => phone.page.getByText('Dit toestel is afgemeld door een coördinator').first().waitFor({ timeout: 30_000 }));
    const databases = await phone.page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name ?? ''));
    expect(databases.filter((name) => name.startsWith('buurtlog-'))).toEqual([]);

    // The tablet keeps working: it records and syncs.
    await tablet.page.goto(`${server.url}/#/`);
    await tablet.createActivity({ title: 'Ochtendronde Oranjebuurt', team: TEAM, type: 'Anders' });
    await tablet.waitUntilAllSent();
    expect(await serverActivityByTitle(server, 'Ochtendronde Oranjebuurt')).toHaveLength(1);
  });
});
