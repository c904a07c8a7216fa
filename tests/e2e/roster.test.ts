/**
 * Buurtpreventie roster and feedback in Chromium: a coordinator plans a
 * weekly pattern in the app; two volunteers of the team sign up on two
 * phones (one offline) and the slot with one walker is flagged; a police
 * user sees a safety observation of their buurt and reacts; the volunteer's
 * phone shows the reaction. A slot about to begin offers "Ronde starten" on
 * the volunteer's home screen; the round starts from it, filled in, and the
 * teammate's roster then shows "Ronde loopt". Every date is computed from now.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/domain/ids.ts';
import { rosterDate } from '../../src/domain/patrol-roster.ts';
import { signUpIdFor } from '../../src/domain/patrol.ts';
import { SCHEMA_VERSION } from '../../src/domain/schema-version.ts';
import { wcagViolations } from './axe.ts';
import { apiCall, creating } from './coordinator-api.ts';
import { BuurtlogPage } from './buurtlog-page.ts';
import { ANDROID_PHONE_UA, newDevice, serverRecords, signIn } from './harness.ts';
import { useServerAndBrowser } from './use-server-and-browser.ts';

const TEAM_ID = 'buurtpreventie-oranjebuurt';
const OBSERVER = 'e2e-observer-0001';

async function openRoster(phone: BuurtlogPage): Promise<void> {
  await phone.page.getByRole('link', { name: 'Rooster', exact: true }).click();
  await phone.expectSoon('the roster', () => phone.page.getByRole('heading', { level: 1, name: 'Rooster' }).waitFor({ timeout: 30_000 }));
}

function slot(page: Page, index: number) {
  return page.getByTestId('slot').nth(index);
}

describe('the buurtpreventie roster and the wijkagent', () => {
  const env = useServerAndBrowser();

  it('plans a weekly pattern, takes sign-ups from two phones (one offline), flags a lone walker, starts a round from a slot and carries the police reaction back to the team', async () => {
    const { server, browser } = env;
    const token = await signIn(server);

    // The coordinator repeats a weekly pattern on tomorrow's weekday, in the app.
    const coordinator = await BuurtlogPage.open(await newDevice(browser), server.url);
    // The teams come with the first pull.
    await coordinator.waitUntilSynced();
    await coordinator.page.goto(`${server.url}/#/rooster/patroon`);
    await coordinator.expectSoon('the pattern form', () =>
      coordinator.page.getByRole('heading', { level: 1, name: 'Weekpatroon herhalen' }).waitFor({ timeout: 30_000 }),
    );
    const weekday = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', weekday: 'long' }).format(Date.now() + 86_400_000);
    await coordinator.expectSoon('the weekdays', () => coordinator.page.getByLabel(weekday).waitFor({ timeout: 30_000 }));
    await coordinator.page.getByLabel(weekday).check();
    await coordinator.page.getByLabel('Begintijd').fill('20:00');
    await coordinator.page.getByLabel('Verzamelplek').fill('Bij de kerk');
    await coordinator.page.getByRole('button', { name: 'Diensten plannen' }).click();
    await coordinator.expectSoon('the roster with the new slots', () => slot(coordinator.page, 0).waitFor({ timeout: 30_000 }));
    expect(await slot(coordinator.page, 0).getByTestId('slot-flag').textContent()).toContain('Te weinig lopers: 0 van de 2');
    expect(await wcagViolations(coordinator.page)).toEqual([]);
    await coordinator.waitUntilAllSent();

    // Two volunteers of the team, invited by the coordinator.
    const invite = async (displayName: string) => ((await apiCall(server, token, 'POST', '/invites', { teamId: TEAM_ID, displayName })) as { url: string }).url;
    const anna = await BuurtlogPage.openInvite(await newDevice(browser, { userAgent: ANDROID_PHONE_UA }), server.url, await invite('Anna'));
    const bart = await BuurtlogPage.openInvite(await newDevice(browser, { userAgent: ANDROID_PHONE_UA }), server.url, await invite('Bart'));
    await anna.waitUntilOfflineReady();
    await bart.waitUntilOfflineReady();

    // Bart signs up offline for the first slot; Anna, online, for the first two.
    await openRoster(bart);
    await bart.goOffline();
    await slot(bart.page, 0).getByRole('button', { name: 'Inschrijven' }).click();
    await bart.expectSoon('Bart on the slot', () => slot(bart.page, 0).getByText('Lopers (1): jij').waitFor({ timeout: 30_000 }));

    await openRoster(anna);
    await slot(anna.page, 0).getByRole('button', { name: 'Inschrijven' }).click();
    await slot(anna.page, 1).getByRole('button', { name: 'Inschrijven' }).click();
    await anna.expectSoon('Anna on the second slot', () => slot(anna.page, 1).getByRole('button', { name: 'Afmelden' }).waitFor({ timeout: 30_000 }));
    await anna.waitUntilAllSent();

    await bart.goOnline();
    await bart.syncNow();
    await bart.waitUntilAllSent();
    await anna.syncNow();
    // The first slot has two walkers and no flag on both phones; the second, with Anna alone, is flagged.
    for (const phone of [anna, bart]) {
      await phone.expectSoon('two walkers on the first slot', () => slot(phone.page, 0).getByText('Lopers (2)').waitFor({ timeout: 30_000 }));
      expect(await slot(phone.page, 0).getByTestId('slot-flag').count()).toBe(0);
      await phone.expectSoon('the lone walker flagged', () => slot(phone.page, 1).getByText('Te weinig lopers: 1 van de 2').waitFor({ timeout: 30_000 }));
    }
    // Each names the other: the sign-ups carry the names their phones knew; oneself is "jij".
    expect(
      await slot(anna.page, 0)
        .getByText(/^Lopers \(2\)/)
        .textContent(),
    ).toMatch(/^Lopers \(2\): (jij, Bart|Bart, jij)$/);
    expect(
      await slot(bart.page, 0)
        .getByText(/^Lopers \(2\)/)
        .textContent(),
    ).toMatch(/^Lopers \(2\): (jij, Anna|Anna, jij)$/);
    expect(await wcagViolations(anna.page)).toEqual([]);

    // A slot about to begin (in ten minutes, Dutch time) with Anna and Bart signed up, planned on another device.
    const users = (await apiCall(server, token, 'GET', '/users')) as Array<{ id: string; displayName: string }>;
    const walkers = users.filter((user) => user.displayName === 'Anna' || user.displayName === 'Bart').map((user) => user.id);
    const soon = Date.now() + 10 * 60_000;
    const soonStart = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(soon);
    const soonSlot = uuidv7(Date.now());
    await apiCall(server, token, 'POST', '/sync/push', {
      schemaVersion: SCHEMA_VERSION,
      deviceId: OBSERVER,
      mutations: [
        creating(OBSERVER, 'patrolSlot', soonSlot, {
          teamId: TEAM_ID,
          date: rosterDate(soon),
          start: soonStart,
          durationMinutes: 90,
          meetingPoint: 'Bij de molen',
          buurtIds: ['oranjebuurt'],
          createdAt: Date.now(),
          createdBy: walkers[0],
        }),
        ...walkers.map((userId) =>
          creating(OBSERVER, 'patrolSignUp', signUpIdFor(soonSlot, userId), { slotId: soonSlot, userId, teamId: TEAM_ID, signedUp: true }),
        ),
      ],
    });

    // It is the next slot on Anna's home screen, and its one button starts the round from it.
    await anna.syncNow();
    await anna.page.getByRole('link', { name: 'Activiteiten' }).click();
    const nextSlot = anna.page.getByTestId('next-slot');
    await anna.expectSoon('the next slot card with its start', () => nextSlot.getByRole('link', { name: 'Ronde starten' }).waitFor({ timeout: 30_000 }));
    expect(await nextSlot.textContent()).toContain(soonStart);
    await nextSlot.getByRole('link', { name: 'Ronde starten' }).click();
    await anna.expectSoon('the start form filled in from the slot', () => anna.page.getByTestId('start-slot').waitFor({ timeout: 30_000 }));
    expect(await anna.page.getByTestId('start-slot').textContent()).toContain('Verzamelen: Bij de molen');
    const walkerBoxes = anna.page.getByRole('group', { name: 'Wie lopen er mee?' }).getByRole('checkbox');
    expect(await walkerBoxes.count()).toBe(2);
    expect(await anna.page.getByRole('checkbox', { name: 'Bart', exact: true }).isChecked()).toBe(true);
    expect(await anna.page.getByRole('checkbox', { name: 'Anna (jij)', exact: true }).isChecked()).toBe(true);
    for (const box of await walkerBoxes.all()) expect(await box.isChecked()).toBe(true);
    expect(await anna.page.getByText('minder dan twee').count()).toBe(0);
    await anna.page.getByRole('button', { name: 'Start de ronde' }).click();
    await anna.expectSoon('the running round', () => anna.page.getByRole('heading', { level: 1, name: 'Ronde loopt' }).waitFor({ timeout: 30_000 }));
    await anna.waitUntilAllSent();
    const rounds = (await serverRecords(server, 'e2e-roster-check')).filter((record) => record['type'] === 'patrolRound') as Array<{
      fields: Record<string, { v: unknown }>;
    }>;
    expect(rounds.map((record) => record.fields['slotId']?.v)).toContain(soonSlot);

    // Bart's roster points to the running round; nobody starts the slot twice.
    await bart.syncNow();
    await openRoster(bart);
    await bart.expectSoon('the slot’s running round', () => slot(bart.page, 0).getByRole('link', { name: 'Ronde loopt' }).waitFor({ timeout: 30_000 }));
    expect(await bart.page.getByRole('link', { name: 'Ronde starten' }).count()).toBe(0);

    // A round of the team with a safety observation in Oranjebuurt (as a phone would push it).
    const now = Date.now();
    const roundId = uuidv7(now - 3_600_000);
    const observationId = uuidv7(now - 1_800_000);
    await apiCall(server, token, 'POST', '/sync/push', {
      schemaVersion: SCHEMA_VERSION,
      deviceId: OBSERVER,
      mutations: [
        creating(OBSERVER, 'patrolRound', roundId, {
          teamId: TEAM_ID,
          slotId: null,
          buurtIds: ['oranjebuurt'],
          startedAt: now - 3_600_000,
          walkers,
          mode: 'onFoot',
          createdAt: now - 3_600_000,
          createdBy: walkers[0],
        }),
        creating(OBSERVER, 'safetyObservation', observationId, {
          roundId,
          teamId: TEAM_ID,
          buurtId: 'oranjebuurt',
          observedAt: now - 1_800_000,
          type: 'openWindowOrDoor',
          action: 'residentAlerted',
          note: 'Raam open op de begane grond, Oranjelaan',
          createdAt: now - 1_800_000,
          createdBy: walkers[0],
        }),
      ],
    });

    // The wijkagent of Oranjebuurt sees it and reacts.
    const police = { email: 'wijkagent@politie.example', password: 'wijkagent-wachtwoord' };
    await apiCall(server, token, 'POST', '/users', {
      displayName: 'Wijkagent Oranjebuurt',
      email: police.email,
      password: police.password,
      role: 'police',
      buurtIds: ['oranjebuurt'],
    });
    const officer = await BuurtlogPage.open(await newDevice(browser), server.url, police);
    await officer.page.getByRole('link', { name: 'Wijkagent' }).click();
    await officer.expectSoon('the observation', () => officer.page.getByRole('heading', { level: 3, name: 'Open raam of deur' }).waitFor({ timeout: 30_000 }));
    expect(await wcagViolations(officer.page)).toEqual([]);
    await officer.page.getByLabel('Reactie voor het team').fill('Bewoner gebeld, raam is dicht');
    await officer.page.getByRole('button', { name: 'Afgehandeld' }).click();
    await officer.expectSoon('the reaction on the officer’s screen', () =>
      officer.page.getByText('Afgehandeld door de wijkagent').waitFor({ timeout: 30_000 }),
    );
    await officer.waitUntilAllSent();

    // Anna's phone shows the reaction.
    await anna.syncNow();
    await openRoster(anna);
    await anna.expectSoon('the reaction on Anna’s phone', () =>
      anna.page.getByTestId('reaction').filter({ hasText: 'Bewoner gebeld, raam is dicht' }).waitFor({ timeout: 30_000 }),
    );
    expect(await anna.page.getByTestId('reaction').first().textContent()).toContain('Afgehandeld door de wijkagent');

    // The coordinator's effort view counts the round.
    await coordinator.syncNow();
    await coordinator.page.goto(`${server.url}/#/inzet`);
    await coordinator.expectSoon('the effort table', () => coordinator.page.getByRole('table').waitFor({ timeout: 30_000 }));
    expect(await wcagViolations(coordinator.page)).toEqual([]);
  });
});
