/**
 * A buurtpreventie evening end to end: a volunteer invited by the
 * coordinator starts a round offline, logs observations of both kinds in
 * one or two taps each, reloads the app in the middle (the round is still
 * running), ends it with changes not yet sent, comes online, and the server
 * has the round and its observations. WCAG 2.1 AA and the 360 px width on
 * the round screen. Real server, built app, Chromium; times come from the
 * app's own clock (nothing here names a date).
 */
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../src/domain/hlc.ts';
import { uuidv7 } from '../../src/domain/ids.ts';
import { PATROL_SETTINGS_ID } from '../../src/domain/patrol-retention.ts';
import { SCHEMA_VERSION } from '../../src/domain/schema-version.ts';
import { wcagViolations } from './axe.ts';
import { serverRecords, signIn, type RunningServer } from './harness.ts';
import { PatrolPage, invitedPhone } from './patrol-page.ts';
import { useServerAndBrowser } from './use-server-and-browser.ts';

/**
 * The tenant's patrol place set, as a coordinator would, where it is the
 * middle of the night right now (on the equator, opposite the sun), so the
 * round screen opens in night mode whatever the hour of the test.
 */
async function setNightPlace(server: RunningServer): Promise<void> {
  const now = Date.now();
  const utcHours = (now % 86_400_000) / 3_600_000;
  const lon = Math.round(((((0 - utcHours) * 15 + 540) % 360) - 180) * 1000) / 1000;
  const t = formatHlc({ wall: now, counter: 0, node: 'e2e-observer-0001' });
  const token = await signIn(server);
  const response = await fetch(`${server.url}/api/v1/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      schemaVersion: SCHEMA_VERSION,
      deviceId: 'e2e-observer-0001',
      mutations: [
        {
          mutationId: uuidv7(now),
          schemaVersion: SCHEMA_VERSION,
          recordType: 'patrolSettings',
          recordId: PATROL_SETTINGS_ID,
          tenantId: 'alblasserdam',
          fields: { lat: { v: 0, t }, lon: { v: lon, t } },
          counters: {},
        },
      ],
    }),
  });
  const answer = (await response.json()) as { results: Array<{ status: string }> };
  expect(answer.results.map((result) => result.status)).toEqual(['applied']);
}

const fieldOf = (record: Record<string, unknown>, field: string): unknown => (record['fields'] as Record<string, { v: unknown }>)[field]?.v;

describe('a buurtpreventie round', () => {
  const env = useServerAndBrowser();

  it('is started offline, logged in two taps per observation, survives a reload, ends with a warning and reaches the server', async () => {
    const { server, browser } = env;

    const phone = await invitedPhone(browser, server.url, 'Sanne');
    const patrol = new PatrolPage(phone);

    // Offline, she starts a round on her own: the app warns that pairs walk safer.
    await phone.goOffline();
    await patrol.open();
    await expect.poll(() => phone.page.getByText(/minder dan twee/).count()).toBe(1);
    await patrol.start({ mode: 'Fiets', checkedIn: true });
    expect(await phone.page.getByRole('link', { name: 'Bij spoed: bel 112' }).getAttribute('href')).toBe('tel:112');
    expect(await phone.page.getByRole('link', { name: 'Geen spoed: 0900-8844' }).getAttribute('href')).toBe('tel:09008844');

    // A safety observation: one tap saves it.
    patrol.resetTaps();
    await patrol.tap(patrol.typeButton('Open raam of deur'));
    await patrol.waitForObservation('Open raam of deur');
    expect(patrol.taps).toBeLessThanOrEqual(2);
    expect(await phone.page.locator('input[type=file]').count()).toBe(0);
    await phone.page.getByText('Geen namen, persoonsbeschrijvingen of kentekens').first().waitFor();
    await patrol.describe('Raam begane grond open', 'Bewoner gewaarschuwd');

    // A public-space observation: the kind, then the type.
    patrol.resetTaps();
    await patrol.tap(patrol.kindButton('Openbare ruimte'));
    await patrol.tap(patrol.typeButton('Kapotte lantaarnpaal'));
    await patrol.waitForObservation('Kapotte lantaarnpaal');
    expect(patrol.taps).toBe(2);
    expect(await phone.page.locator('input[type=file]').count()).toBeGreaterThan(0);
    await phone.page.getByLabel('Meldingsnummer (FIXI)').fill('FIXI-2291');
    await patrol.describe('Lantaarnpaal bij nr. 12');

    // A suspicious situation asks "112 gebeld?" first (SAAR); the answer is the second tap.
    patrol.resetTaps();
    await patrol.tap(patrol.typeButton('Verdachte situatie'));
    await phone.page.getByRole('heading', { name: '112 gebeld?' }).waitFor();
    await patrol.tap(phone.page.getByRole('button', { name: 'Ja, 112 gebeld' }));
    await patrol.waitForObservation('Verdachte situatie');
    expect(patrol.taps).toBe(2);
    await patrol.backToRound();
    await expect.poll(() => patrol.observations().count()).toBe(3);

    // The app is reloaded (killed and reopened) in the middle, still offline: the round still runs.
    await phone.reload();
    await phone.page.goto(`${server.url}/#/ronde`);
    await patrol.waitForRunning();
    await expect.poll(() => patrol.observations().count()).toBe(3);
    await phone.page.getByRole('timer').waitFor();

    // The round screen: no WCAG 2.1 A/AA violations, nothing wider than the phone.
    expect(await wcagViolations(phone.page)).toEqual([]);
    const tooWide = await phone.page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((element) => element.getBoundingClientRect().right > 360.5)
        .map((element) => `${element.tagName}.${element.className} ${element.getBoundingClientRect().right}`),
    );
    expect(tooWide).toEqual([]);

    await patrol.tap(patrol.typeButton('Sleutel in de deur'));
    await patrol.waitForObservation('Sleutel in de deur');
    await patrol.backToRound();

    // Ending it offline says the changes are not sent yet.
    const warning = await patrol.end('Bijzonderheden', 'Rustige ronde, één raam open');
    expect(warning).toMatch(/nog niet verstuurd/);

    // Online again: the server has the round and its four observations.
    await phone.goOnline();
    await phone.waitUntilAllSent();
    const records = await serverRecords(server);
    const rounds = records.filter((record) => record['type'] === 'patrolRound');
    expect(rounds).toHaveLength(1);
    const round = rounds[0] as Record<string, unknown>;
    expect([
      fieldOf(round, 'closedBy'),
      fieldOf(round, 'outcome'),
      fieldOf(round, 'mode'),
      fieldOf(round, 'checkedInWithPolice'),
      fieldOf(round, 'teamId'),
    ]).toEqual(['walkers', 'remarks', 'bike', true, 'buurtpreventie-oranjebuurt']);
    const observations = records.filter((record) => ['safetyObservation', 'publicSpaceObservation'].includes(record['type'] as string));
    expect(observations.map((record) => fieldOf(record, 'type')).sort()).toEqual(['brokenStreetLight', 'keyInDoor', 'openWindowOrDoor', 'suspiciousSituation']);
    const byType = new Map(observations.map((record) => [fieldOf(record, 'type'), record]));
    expect(fieldOf(byType.get('suspiciousSituation') as Record<string, unknown>, 'action')).toBe('called112');
    expect(fieldOf(byType.get('brokenStreetLight') as Record<string, unknown>, 'meldingNumber')).toBe('FIXI-2291');
    expect(fieldOf(byType.get('openWindowOrDoor') as Record<string, unknown>, 'note')).toBe('Raam begane grond open');
    for (const record of observations) expect(fieldOf(record, 'roundId')).toBe(round['id']);
  });

  it('is in night mode after sunset at the tenant’s place: dark, no WCAG 2.1 A/AA violations, 56 px targets', async () => {
    const { server, browser } = env;
    await setNightPlace(server);
    const phone = await invitedPhone(browser, server.url, 'Bram');
    const patrol = new PatrolPage(phone);
    await phone.goOffline();
    await patrol.open();
    await patrol.start();
    await phone.page.locator('.patrol[data-theme="night"]').waitFor();
    const background = await phone.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(0, 0, 0)');
    expect(await wcagViolations(phone.page)).toEqual([]);
    const heights = await phone.page
      .locator('.patrol-type, .patrol-phone, .patrol-kind')
      .evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().height));
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(56);
  });
});
