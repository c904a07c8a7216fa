/**
 * The round screen as a volunteer uses it, for the patrol e2e tests: a page
 * model over BuurtlogPage. Every tap on the screen goes through `tap`, so a
 * test can count them.
 */
import type { Browser, Locator } from 'playwright-core';
import { BuurtlogPage } from './buurtlog-page.ts';
import { ANDROID_PHONE_UA, newDevice } from './harness.ts';

export class PatrolPage {
  /** Taps since the last `resetTaps`. */
  taps = 0;

  readonly phone: BuurtlogPage;

  constructor(phone: BuurtlogPage) {
    this.phone = phone;
  }

  get page() {
    return this.phone.page;
  }

  resetTaps(): void {
    this.taps = 0;
  }

  async tap(target: Locator): Promise<void> {
    await target.click();
    this.taps++;
  }

  /** Through the bottom navigation "Ronde". */
  async open(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Ronde' }).click();
    await this.phone.expectSoon('the patrol screen', () => this.page.locator('.patrol h1').waitFor({ timeout: 15_000 }));
  }

  /** On the start form: walkers, mode, "afgemeld bij de politie", start. Ends on the running round. */
  async start(opts: { mode?: string; checkedIn?: boolean } = {}): Promise<void> {
    const page = this.page;
    await page.getByRole('heading', { level: 1, name: 'Ronde starten' }).waitFor({ timeout: 15_000 });
    if (opts.mode) await page.getByRole('radio', { name: opts.mode, exact: true }).check();
    if (opts.checkedIn) await page.getByRole('checkbox', { name: 'Afgemeld bij de politie' }).check();
    await page.getByRole('button', { name: 'Start de ronde' }).click();
    await this.waitForRunning();
  }

  async waitForRunning(): Promise<void> {
    await this.phone.expectSoon('the running round', () => this.page.getByRole('heading', { level: 1, name: 'Ronde loopt' }).waitFor({ timeout: 15_000 }));
  }

  kindButton(kind: 'Veiligheid' | 'Openbare ruimte'): Locator {
    return this.page.getByRole('button', { name: kind, exact: true });
  }

  typeButton(label: string): Locator {
    return this.page.getByRole('button', { name: label, exact: true });
  }

  /** Waits for the observation's own screen: it is saved by then. */
  async waitForObservation(label: string): Promise<void> {
    await this.phone.expectSoon(`the observation ${label}`, () => this.page.getByRole('heading', { level: 1, name: label }).waitFor({ timeout: 15_000 }));
  }

  /** Add a note (and action) to the observation on screen and go back to the round. */
  async describe(note: string, action?: string): Promise<void> {
    await this.page.getByLabel('Notitie').fill(note);
    if (action) await this.page.getByLabel('Wat is er gedaan?').selectOption({ label: action });
    await this.page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await this.waitForRunning();
  }

  async backToRound(): Promise<void> {
    await this.page.getByRole('link', { name: 'Terug naar de ronde' }).click();
    await this.waitForRunning();
  }

  observations(): Locator {
    return this.page.locator('.patrol-observations > li');
  }

  /** "Ronde beëindigen", the outcome, the summary; returns the unsent warning shown (or ''). */
  async end(outcome: string, summary: string): Promise<string> {
    const page = this.page;
    await page.getByRole('button', { name: 'Ronde beëindigen' }).click();
    await page.getByRole('radio', { name: outcome, exact: true }).check();
    await page.getByLabel('Korte samenvatting').fill(summary);
    const warning = page.getByText(/nog niet verstuurd/);
    const text = (await warning.count()) > 0 ? ((await warning.first().textContent()) ?? '') : '';
    await page.getByRole('button', { name: 'Ronde afsluiten' }).click();
    await this.phone.expectSoon('the closed round', () => page.getByText(summary).first().waitFor({ timeout: 15_000 }));
    return text;
  }
}

const TEAM = 'Buurtpreventie Oranjebuurt';
export const ALBLASSERDAM = { latitude: 51.8612, longitude: 4.6597, accuracy: 8 };

/** A volunteer's 360 × 740 phone, signed in through the coordinator's invite into the buurtpreventie team, offline-ready. */
export async function invitedPhone(browser: Browser, url: string, name: string, place = ALBLASSERDAM): Promise<BuurtlogPage> {
  const coordinator = await BuurtlogPage.open(await newDevice(browser), url);
  await coordinator.page.goto(`${url}/#/beheer/teams`);
  await coordinator.page.getByRole('button', { name: `Uitnodiging maken voor ${TEAM}` }).click();
  await coordinator.page.getByLabel('Naam van de vrijwilliger').fill(name);
  await coordinator.page.getByRole('button', { name: 'Uitnodiging maken', exact: true }).click();
  const link = coordinator.page.getByTestId('invite-url');
  await coordinator.expectSoon('the invite link', () => link.waitFor({ timeout: 30_000 }));
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    userAgent: ANDROID_PHONE_UA,
  });
  await context.grantPermissions(['geolocation']);
  await context.setGeolocation(place);
  const phone = await BuurtlogPage.openInvite(context, url, await link.inputValue());
  await phone.waitUntilOfflineReady();
  await coordinator.page.context().close();
  return phone;
}
