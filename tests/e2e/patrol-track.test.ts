/**
 * A round's route end to end: the route is off by default and sharing is
 * only possible with it on; a volunteer turns it on at the start and walks
 * 300 m north in steps of 30 m (the phone's position moved by the test: the
 * real GPS is the edge this does not run), with one poor fix 200 m off in
 * between; the round ends, and the route — one point per step, not the poor
 * fix — is drawn on the round's map and reaches the server in the round
 * record. The team shares it with the wijkagent, whose screen draws it on
 * the map of that round (a route not shared never reaches her: the
 * buurtpreventie scenario). Real server, built app, Chromium.
 */
import { describe, expect, it } from 'vitest';
import { decodeTrack, distanceM } from '../../src/domain/patrol-track.ts';
import { wcagViolations } from './axe.ts';
import { isoWeek } from '../../src/app/roster/roster-logic.ts';
import { rosterDate } from '../../src/domain/patrol-roster.ts';
import { BuurtlogPage } from './buurtlog-page.ts';
import { coordinatorApi } from './coordinator-api.ts';
import { newDevice, serverRecords } from './harness.ts';
import { ALBLASSERDAM, PatrolPage, invitedPhone, openPoliceWeek } from './patrol-page.ts';
import { useServerAndBrowser } from './use-server-and-browser.ts';

/** Degrees of latitude in 30 m. */
const STEP_30_M = 30 / 111_195;
const STEPS = 10;

const fieldOf = (record: Record<string, unknown>, field: string): unknown => (record['fields'] as Record<string, { v: unknown }>)[field]?.v;

describe('a round’s route', () => {
  const env = useServerAndBrowser();

  it('is recorded only with the opt-in, sampled, drawn on the round’s map and stored in the round', async () => {
    const { server, browser } = env;
    const phone = await invitedPhone(browser, server.url, 'Fatima');
    const patrol = new PatrolPage(phone);
    const page = phone.page;
    await patrol.open();

    // Off by default; sharing only with the route on.
    const optIn = page.getByRole('checkbox', { name: 'Route vastleggen' });
    const share = page.getByRole('checkbox', { name: 'Route delen met de wijkagent' });
    expect(await optIn.isChecked()).toBe(false);
    expect(await share.isDisabled()).toBe(true);
    await page.getByText(/alleen je team en de coördinator zien de route/).waitFor();
    await optIn.check();
    expect(await share.isDisabled()).toBe(false);
    expect(await share.isChecked()).toBe(false);
    await share.check();
    await page.getByRole('button', { name: 'Start de ronde' }).click();
    await patrol.waitForRunning();

    // The first fix is stored at once.
    const status = page.locator('.patrol-track-status');
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toContain('1 punten');
    expect(await page.getByRole('checkbox', { name: 'Route vastleggen' }).isChecked()).toBe(true);

    // Walking north, a fix per step, 1.5 s apart (the track keeps whole seconds: two fixes within one second are one point).
    const context = page.context();
    const moveTo = async (position: { latitude: number; longitude: number; accuracy: number }) => {
      await page.waitForTimeout(1500);
      await context.setGeolocation(position);
    };
    for (let step = 1; step <= STEPS; step++) {
      if (step === 5) await moveTo({ latitude: ALBLASSERDAM.latitude + 0.002, longitude: ALBLASSERDAM.longitude + 0.002, accuracy: 200 });
      await moveTo({ ...ALBLASSERDAM, latitude: ALBLASSERDAM.latitude + step * STEP_30_M });
    }
    // Standing still at the end for a moment: no new point (less than 25 m and 30 s).
    await moveTo({ ...ALBLASSERDAM, latitude: ALBLASSERDAM.latitude + STEPS * STEP_30_M + 2 / 111_195 });
    await page.waitForTimeout(1500);

    await patrol.end('Geen bijzonderheden', 'Route gelopen');

    // The round's map: the route as one line, start and end, with every kept point.
    const line = page.locator('.patrol-round-map .place-map-track-line');
    await expect.poll(async () => ((await line.getAttribute('points')) ?? '').trim().split(/\s+/).length, { timeout: 15_000 }).toBe(STEPS + 1);
    expect(await page.locator('.patrol-round-map .place-map-track-start').count()).toBe(1);
    expect(await page.locator('.patrol-round-map .place-map-track-end').count()).toBe(1);
    expect(await page.getByRole('img', { name: /Kaart van de ronde: de route/ }).count()).toBe(1);
    expect(await wcagViolations(page)).toEqual([]);

    // The server has it in the round record: 11 points 30 m apart, none of the poor fix.
    await phone.waitUntilAllSent();
    const round = (await serverRecords(server)).find((record) => record['type'] === 'patrolRound') as Record<string, unknown>;
    expect(fieldOf(round, 'trackOptIn')).toBe(true);
    expect(fieldOf(round, 'shareTrackWithPolice')).toBe(true);
    const points = decodeTrack(fieldOf(round, 'track') as string);
    expect(points).toHaveLength(STEPS + 1);
    for (let i = 1; i < points.length; i++) {
      expect(distanceM(points[i - 1] as (typeof points)[number], points[i] as (typeof points)[number])).toBeGreaterThan(28);
      expect(distanceM(points[i - 1] as (typeof points)[number], points[i] as (typeof points)[number])).toBeLessThan(32);
    }
    expect(Math.max(...points.map((p) => p.lon))).toBeLessThan(ALBLASSERDAM.longitude + 0.0001);

    // Shared: the wijkagent of the Oranjebuurt sees the route on the map of that round, in its week.
    const police = { email: 'wijkagent@politie.example', password: 'wijkagent-wachtwoord' };
    await (await coordinatorApi(server)).createUser({ displayName: 'Wijkagent Oranjebuurt', ...police, role: 'police', buurtIds: ['oranjebuurt'] });
    const officer = await BuurtlogPage.open(await newDevice(browser), server.url, police);
    await officer.waitUntilSynced();
    const weekOf = (time: number): string => isoWeek(rosterDate(time)).monday;
    await openPoliceWeek(officer, weekOf(Date.now()) === weekOf(fieldOf(round, 'startedAt') as number) ? 0 : 1);
    const routes = officer.page.getByRole('region', { name: 'Gedeelde routes' });
    await officer.expectSoon('the shared route', () => routes.waitFor({ timeout: 30_000 }));
    const drawn = routes.locator('.place-map-track-line');
    await expect.poll(async () => ((await drawn.getAttribute('points')) ?? '').trim().split(/\s+/).length, { timeout: 15_000 }).toBe(STEPS + 1);
    expect(await routes.getByRole('region', { name: /^Ronde van / }).count()).toBe(1);
    expect(await wcagViolations(officer.page)).toEqual([]);
    await officer.page.context().close();
  });
});
