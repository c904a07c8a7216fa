/**
 * A buurtpreventie evening, told end to end in Chromium: two volunteers of
 * the Oranjebuurt team on two phones; one walks a round offline and logs
 * five observations over the evening (the phone's clock is Playwright's
 * fake clock, moved on between them), the app is reopened halfway, the
 * round ends and goes to the server when the signal returns; the other
 * phone sees it; the wijkagent sees the safety observations only and
 * reacts; the reaction reaches the team; a volunteer of another team sees
 * nothing of the round; a professional of the buurt sees only the
 * public-space observations. Real server, built app; every time is computed
 * from now.
 */
import { describe, expect, it } from 'vitest';
import { rosterDate } from '../../src/domain/patrol-roster.ts';
import { isoWeek } from '../../src/app/roster/roster-logic.ts';
import { BuurtlogPage } from './buurtlog-page.ts';
import { coordinatorApi } from './coordinator-api.ts';
import { newDevice, serverRecords } from './harness.ts';
import { listedObservation, listedTypes, openPoliceWeek, patrolPhone, reactAsOfficer, type Logged } from './patrol-page.ts';
import { useServerAndBrowser } from './use-server-and-browser.ts';

const TEAM_ID = 'buurtpreventie-oranjebuurt';
const OTHER_TEAM_ID = 'buurtpreventie-oranjebuurt-zuid';
const MINUTE = 60_000;
/** The round takes about this long on the phone's clock (the last step is at 80 minutes). */
const ROUND_MINUTES = 90;
const SAFETY = ['Open raam of deur', 'Sleutel in de deur', 'Verdachte situatie'];
const PUBLIC_SPACE = ['Gedumpt afval', 'Kapotte lantaarnpaal'];
/** Where the walkers are when they log each observation: streets of Oranjebuurt, a few hundred metres apart. */
const ALONG_THE_ROUTE = {
  oranjelaan: { latitude: 51.86281, longitude: 4.66012 },
  speeltuin: { latitude: 51.86355, longitude: 4.66248 },
  hoek: { latitude: 51.86402, longitude: 4.66489 },
  plein: { latitude: 51.86317, longitude: 4.66701 },
  voordeur: { latitude: 51.86198, longitude: 4.66553 },
};
const POLICE = { email: 'wijkagent@politie.example', password: 'wijkagent-wachtwoord' };
const PROFESSIONAL = { email: 'wijkbeheerder@alblasserdam.example', password: 'wijkbeheerder-wachtwoord' };

/** The Monday of the week (Amsterdam) a time falls in: the wijkagent's screen shows one such week at a time. */
const weekOf = (time: number): string => isoWeek(rosterDate(time)).monday;

/**
 * When the evening's round starts on the phone's clock: 100 minutes ago (a
 * whole minute), so that it is over before now, as a round the server can
 * take; earlier when the round would straddle Monday midnight, so that its
 * observations lie in one week of the wijkagent's screen.
 */
function roundStart(now: number): number {
  const start = Math.floor((now - 100 * MINUTE) / MINUTE) * MINUTE;
  for (let time = start; time <= start + ROUND_MINUTES * MINUTE; time += MINUTE) {
    if (weekOf(time) !== weekOf(start)) return time - (ROUND_MINUTES + 10) * MINUTE;
  }
  return start;
}

type ServerRecord = Record<string, unknown>;
const fieldOf = (record: ServerRecord, field: string): unknown => (record['fields'] as Record<string, { v: unknown }>)[field]?.v;
const ofType = (records: ServerRecord[], ...types: string[]) => records.filter((record) => types.includes(record['type'] as string));

describe('a buurtpreventie evening', () => {
  const env = useServerAndBrowser();

  it('an offline round with five observations reaches the team, the wijkagent (safety only) and the professional (public space only), and the reaction comes back', async () => {
    const { server, browser } = env;
    const coordinator = await coordinatorApi(server);

    // The coordinator invites Sanne and Joost into the Oranjebuurt team; each joins on their own phone.
    const sanne = await patrolPhone(browser, server.url, await coordinator.invite(TEAM_ID, 'Sanne'));
    const joost = await patrolPhone(browser, server.url, await coordinator.invite(TEAM_ID, 'Joost'));
    // Sanne's phone learns that Joost is in the team (he is on her start form) before the evening.
    await sanne.phone.syncNow();
    await sanne.open();
    await sanne.walkWith('Teamlid 2');

    // The evening: no signal, and the phone's clock is that of the round's start.
    const start = roundStart(Date.now());
    await sanne.phone.goOffline();
    await sanne.setClock(start);
    await sanne.open();
    await sanne.walkWith('Teamlid 2');
    expect(await sanne.page.getByText(/minder dan twee/).count()).toBe(0);
    await sanne.start({ mode: 'Te voet', checkedIn: true });
    const roundId = /#\/ronde\/([0-9a-f-]{36})$/.exec(sanne.page.url())?.[1] as string;
    expect(roundId).toBeDefined();

    // Five observations over the evening, each a tap or two on the round screen, which
    // takes the time from the phone's clock and the place from its GPS.
    await sanne.walkOn(6, ALONG_THE_ROUTE.oranjelaan);
    const openWindow = await sanne.logSafety('Open raam of deur');
    await sanne.describe('Raam op de begane grond open, Oranjelaan', 'Bewoner gewaarschuwd');

    await sanne.walkOn(12, ALONG_THE_ROUTE.speeltuin);
    const streetLight = await sanne.logPublicSpace('Kapotte lantaarnpaal');
    await sanne.page.getByLabel('Meldingsnummer (FIXI)').fill('FIXI-4417');
    await sanne.describe('Lantaarnpaal bij de speeltuin brandt niet', 'Melding in FIXI');

    await sanne.walkOn(12, ALONG_THE_ROUTE.hoek);
    const suspicious = await sanne.logSuspiciousSituation('Ja, 112 gebeld');
    await sanne.backToRound();
    await expect.poll(() => sanne.observations().count()).toBe(3);

    // Halfway the app is killed and reopened, still without signal: the round, its
    // observations and its timer (40 minutes in by the phone's clock) carry on.
    await sanne.later(10);
    await sanne.phone.reload();
    await sanne.waitForRunning();
    await expect.poll(() => sanne.observations().count()).toBe(3);
    const halfway = await sanne.elapsed();
    expect(halfway).toBeGreaterThanOrEqual(40 * MINUTE);
    expect(halfway).toBeLessThan((await sanne.appNow()) - start + 5_000);
    await expect.poll(() => sanne.elapsed(), { timeout: 15_000 }).toBeGreaterThan(halfway);

    await sanne.walkOn(10, ALONG_THE_ROUTE.plein);
    const waste = await sanne.logPublicSpace('Gedumpt afval');
    await sanne.describe('Vuilniszakken naast de container bij het plein');

    await sanne.walkOn(15, ALONG_THE_ROUTE.voordeur);
    const key = await sanne.logSafety('Sleutel in de deur');
    await sanne.describe('Sleutel aan de buitenkant van de voordeur', 'Bewoner gewaarschuwd');
    await expect.poll(() => sanne.observations().count()).toBe(5);

    // The round ends without signal: the phone says its changes are not sent yet.
    await sanne.later(15);
    const endedFrom = await sanne.appNow();
    expect(await sanne.end('Bijzonderheden', 'Vijf waarnemingen, één keer 112')).toMatch(/nog niet verstuurd/);
    const endedTo = await sanne.appNow();

    // Signal again: everything goes to the server, with the times of the phone's clock and the places of its GPS.
    await sanne.phone.goOnline();
    await sanne.phone.waitUntilAllSent();
    const onServer = await serverRecords(server);
    const [round] = ofType(onServer, 'patrolRound');
    expect(ofType(onServer, 'patrolRound')).toHaveLength(1);
    expect(round?.['id']).toBe(roundId);
    expect([
      fieldOf(round as ServerRecord, 'closedBy'),
      fieldOf(round as ServerRecord, 'outcome'),
      (fieldOf(round as ServerRecord, 'walkers') as string[]).length,
    ]).toEqual(['walkers', 'remarks', 2]);
    expect(fieldOf(round as ServerRecord, 'startedAt')).toBeGreaterThanOrEqual(start);
    expect(fieldOf(round as ServerRecord, 'startedAt')).toBeLessThan(openWindow.from);
    expect(fieldOf(round as ServerRecord, 'endedAt')).toBeGreaterThanOrEqual(endedFrom);
    expect(fieldOf(round as ServerRecord, 'endedAt')).toBeLessThanOrEqual(endedTo);
    const observations = ofType(onServer, 'safetyObservation', 'publicSpaceObservation');
    const logged: Record<string, [Logged, { latitude: number; longitude: number }]> = {
      openWindowOrDoor: [openWindow, ALONG_THE_ROUTE.oranjelaan],
      brokenStreetLight: [streetLight, ALONG_THE_ROUTE.speeltuin],
      suspiciousSituation: [suspicious, ALONG_THE_ROUTE.hoek],
      dumpedWaste: [waste, ALONG_THE_ROUTE.plein],
      keyInDoor: [key, ALONG_THE_ROUTE.voordeur],
    };
    expect(observations.map((record) => fieldOf(record, 'type')).sort()).toEqual(Object.keys(logged).sort());
    for (const record of observations) {
      const [tap, place] = logged[fieldOf(record, 'type') as string] as [Logged, { latitude: number; longitude: number }];
      expect(fieldOf(record, 'observedAt'), tap.label).toBeGreaterThanOrEqual(tap.from);
      expect(fieldOf(record, 'observedAt'), tap.label).toBeLessThanOrEqual(tap.to);
      expect(fieldOf(record, 'location'), tap.label).toEqual({ lat: place.latitude, lon: place.longitude, accuracyM: 8, source: 'gps' });
      expect(fieldOf(record, 'roundId')).toBe(roundId);
    }

    // Joost's phone has the round, its outcome and its five observations.
    await joost.phone.syncNow();
    await joost.open();
    await joost.openLastRound();
    await joost.phone.expectSoon('the round’s summary on Joost’s phone', () =>
      joost.page.getByText('Vijf waarnemingen, één keer 112').waitFor({ timeout: 30_000 }),
    );
    await expect.poll(() => joost.observations().count()).toBe(5);

    // The wijkagent of Oranjebuurt, an account the coordinator made, sees the three
    // safety observations of the round's week and nothing of public space.
    await coordinator.createUser({ displayName: 'Wijkagent Oranjebuurt', ...POLICE, role: 'police', buurtIds: ['oranjebuurt'] });
    const officer = await BuurtlogPage.open(await newDevice(browser), server.url, POLICE);
    await officer.waitUntilSynced();
    await openPoliceWeek(officer, weekOf(Date.now()) === weekOf(start) ? 0 : 1);
    await officer.expectSoon('three safety observations', () => listedObservation(officer, 'Sleutel in de deur').waitFor({ timeout: 30_000 }));
    await expect.poll(() => listedTypes(officer)).toEqual(SAFETY);
    const forPolice = await serverRecords(server, 'e2e-police-0001', POLICE);
    expect(ofType(forPolice, 'safetyObservation')).toHaveLength(3);
    expect(ofType(forPolice, 'publicSpaceObservation')).toEqual([]);
    // The round itself only as when and where: no walkers, outcome or summary, and no route the team did not share.
    const policeRounds = ofType(forPolice, 'patrolRound');
    expect(policeRounds).toHaveLength(1);
    const [policeRound] = policeRounds as [ServerRecord];
    expect(['walkers', 'outcome', 'summary', 'track'].map((field) => fieldOf(policeRound, field))).toEqual([[], null, '', null]);
    expect(await officer.page.getByRole('region', { name: 'Gedeelde routes' }).count(), 'no route the team did not share').toBe(0);

    // The suspicious situation is handled, with a short reaction for the team.
    await reactAsOfficer(officer, 'Verdachte situatie', 'Surveillance ter plaatse geweest, niets aangetroffen', 'Afgehandeld');
    await officer.waitUntilAllSent();
    await expect.poll(async () => ofType(await serverRecords(server), 'observationReaction').length, { timeout: 30_000 }).toBe(1);

    // The reaction reaches Sanne: on the round and on the observation.
    await sanne.phone.syncNow();
    await sanne.phone.expectSoon('the reaction on the round', () =>
      sanne
        .observation('Verdachte situatie')
        .getByText('Afgehandeld door de politie: Surveillance ter plaatse geweest, niets aangetroffen')
        .waitFor({ timeout: 30_000 }),
    );
    await sanne.observation('Verdachte situatie').getByRole('link').click();
    await sanne.waitForObservation('Verdachte situatie');
    const reaction = sanne.page.getByRole('region', { name: 'Reactie van de wijkagent' });
    expect(await reaction.textContent()).toContain('Surveillance ter plaatse geweest, niets aangetroffen');
    expect(await reaction.textContent()).toContain('Afgehandeld door de politie');

    // A volunteer of another buurtpreventie team in the same buurt sees nothing of the round.
    await coordinator.push([
      {
        type: 'team',
        id: OTHER_TEAM_ID,
        values: { name: 'Buurtpreventie Oranjebuurt-Zuid', kind: 'buurtpreventie', buurtIds: ['oranjebuurt'], memberIds: [], order: 5 },
      },
    ]);
    const kees = await patrolPhone(browser, server.url, await coordinator.invite(OTHER_TEAM_ID, 'Kees'));
    await kees.open();
    await kees.phone.expectSoon('no earlier rounds', () => kees.page.getByText('Nog geen rondes.').waitFor({ timeout: 30_000 }));
    await kees.page.goto(`${server.url}/#/ronde/${roundId}`);
    await kees.phone.expectSoon('the round not found', () => kees.page.getByText('Deze ronde staat niet (meer) op dit toestel.').waitFor({ timeout: 30_000 }));
    await kees.page.goto(`${server.url}/#/ronde/${roundId}/waarneming/${observations[0]?.['id'] as string}`);
    await kees.phone.expectSoon('the observation not found', () => kees.page.getByRole('link', { name: 'Terug naar de ronde' }).waitFor({ timeout: 30_000 }));
    expect(await kees.page.getByText(/Oranjelaan|speeltuin|Vuilniszakken|buitenkant/).count()).toBe(0);

    // A professional of Oranjebuurt sees the two public-space observations beside the
    // schouw's open findings, and none of the safety ones.
    await coordinator.createUser({ displayName: 'Wijkbeheerder Oranjebuurt', ...PROFESSIONAL, role: 'professional', buurtIds: ['oranjebuurt'] });
    const professional = await BuurtlogPage.open(await newDevice(browser), server.url, PROFESSIONAL);
    await professional.waitUntilSynced();
    await professional.page.goto(`${server.url}/#/bevindingen/oranjebuurt`);
    await professional.expectSoon('the buurtpreventie’s observations', () =>
      professional.page.getByRole('heading', { level: 2, name: 'Waarnemingen van de buurtpreventie' }).waitFor({ timeout: 30_000 }),
    );
    await expect.poll(() => listedTypes(professional)).toEqual(PUBLIC_SPACE);
    expect(await listedObservation(professional, 'Kapotte lantaarnpaal').textContent()).toContain('FIXI-4417');
    const forProfessional = await serverRecords(server, 'e2e-professional-0001', PROFESSIONAL);
    expect(ofType(forProfessional, 'publicSpaceObservation')).toHaveLength(2);
    expect(ofType(forProfessional, 'safetyObservation', 'patrolRound', 'observationReaction')).toEqual([]);
  });
});
