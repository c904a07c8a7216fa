/**
 * The coordinator's AVG work in the built app against the real server: the
 * programme's privacy texts edited in Beheer and read on the privacy screen;
 * a person's inzage bundle downloaded as a real ZIP; the person erased after
 * the confirmation names what will happen, and shown by pseudonym in the
 * audit log from then on.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { readZip } from '../fixtures/zip.ts';
import { wcagViolations } from './axe.ts';
import { BuurtlogPage } from './buurtlog-page.ts';
import { coordinatorApi } from './coordinator-api.ts';
import { newDevice } from './harness.ts';
import { useServerAndBrowser } from './use-server-and-browser.ts';

const NAME = 'Pieter Hoekstra';
const EMAIL = 'p.hoekstra@voorbeeld.nl';
const PASSWORD = 'molenkade-kraanvogel-2031';
const PHONE = 'Fairphone van Pieter';

describe('a coordinator and the AVG', () => {
  const env = useServerAndBrowser();

  it('edits the privacy texts, downloads a person’s data and erases the person', async () => {
    const { server, browser } = env;
    await (await coordinatorApi(server)).createUser({ displayName: NAME, email: EMAIL, password: PASSWORD, role: 'professional', buurtIds: [] });
    const signedIn = await fetch(`${server.url}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: EMAIL, password: PASSWORD, deviceId: 'e2e-pieter-phone-01', deviceName: PHONE }),
    });
    expect(signedIn.status).toBe(200);

    const coordinator = await BuurtlogPage.open(await newDevice(browser), server.url);
    const page = coordinator.page;

    // The verwerkingsregister, edited in Beheer, is what the privacy screen shows.
    await page.goto(`${server.url}/#/beheer/privacy`);
    const register = page.getByRole('textbox', { name: 'Verwerkingsregister' });
    await coordinator.expectSoon('the privacy texts', () => register.waitFor({ timeout: 30_000 }));
    expect(await register.inputValue()).toContain('Verwerkingsregister Buurtlog');
    await register.fill('Verwerkingsregister van Alblasserdam.\nWe bewaren namen van medewerkers zolang ze meedoen.');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Dit zijn de teksten van je programma.').waitFor();
    await page.goto(`${server.url}/#/privacy`);
    await page.getByRole('region', { name: 'Verwerkingsregister van Alblasserdam' }).getByText('We bewaren namen van medewerkers').waitFor();
    await page.getByRole('region', { name: 'Toegankelijkheidsverklaring' }).getByText('WCAG 2.1').waitFor();
    expect(await wcagViolations(page)).toEqual([]);

    // Inzage: one ZIP with everything, named after the person.
    await page.goto(`${server.url}/#/beheer/gebruikers`);
    await page.getByRole('button', { name: `${NAME} bewerken` }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `Alle gegevens downloaden (inzage): ${NAME}` }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^inzage-pieter-hoekstra-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = readZip(new Uint8Array(await readFile(await download.path())));
    const data = JSON.parse(files.get('gegevens.json') as string);
    expect(data.account).toMatchObject({ displayName: NAME, email: EMAIL, role: 'professional' });
    expect(data.devices.map((device: { name: string }) => device.name)).toEqual([PHONE]);

    // Erasure: the question names what happens; yes erases, and the person reads as a pseudonym.
    await page.getByRole('button', { name: `Persoon wissen: ${NAME}` }).click();
    const question = page.getByRole('group', { name: `${NAME} definitief wissen?` });
    await question.getByText('de aangemelde toestellen (1)').waitFor();
    await question.getByText('heet Pieter Hoekstra voortaan "professional 1"').waitFor();
    await question.getByText('Dit kan niet ongedaan worden gemaakt.').waitFor();
    expect(await wcagViolations(page)).toEqual([]);
    await question.getByRole('button', { name: `Ja, ${NAME} definitief wissen` }).click();
    await page.getByTestId('erased-note').getByText(`${NAME} is gewist en heet voortaan "professional 1".`).waitFor();
    expect(await page.getByRole('button', { name: `${NAME} bewerken` }).count()).toBe(0);

    // His phone hears it was revoked, so the app there wipes its data.
    const token = ((await signedIn.json()) as { token: string }).token;
    const me = await fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(401);
    expect(((await me.json()) as { error: { reason: string } }).error.reason).toBe('device-revoked');

    await page.goto(`${server.url}/#/beheer/auditlog`);
    const log = page.getByTestId('audit-list');
    await log.getByText('Persoon gewist').first().waitFor({ timeout: 30_000 });
    await log.getByText('professional 1', { exact: false }).first().waitFor();
    expect(await log.getByText(NAME).count()).toBe(0);
  });
});
