/**
 * The round screen as a volunteer uses it, for the patrol e2e tests: a page
 * model over BuurtlogPage. Every tap on the screen goes through `tap`, so a
 * test can count them.
 */
import type { Browser, Locator } from 'playwright-core';
import { expect } from 'vitest';
import { BuurtlogPage } from './buurtlog-page.ts';
import { ANDROID_PHONE_UA, newDevice } from './harness.ts';

/** Where the volunteers' phones are (Alblasserdam): the GPS fix every observation takes. */
const GPS_ACCURACY_M = 8;
const ALBLASSERDAM_GPS = { latitude: 51.8612, longitude: 4.6597, accuracy: GPS_ACCURACY_M };

const MINUTE = 60_000;

/** What a tap on an observation button saved, and the app's clock just before and after it. */
export type Logged = { label: string; from: number; to: number };

/**
 * A volunteer's 360 × 740 phone with GPS, signed in through the invite link
 * the coordinator made for them; offline-ready (the shell is cached and the
 * first sync is done).
 */
export async function patrolPhone(browser: Browser, baseUrl: string, inviteUrl: string): Promise<PatrolPage> {
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
  await context.setGeolocation(ALBLASSERDAM_GPS);
  const phone = await BuurtlogPage.openInvite(context, baseUrl, inviteUrl);
  await phone.waitUntilOfflineReady();
  return new PatrolPage(phone);
}

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

  /**
   * The app's clock from here on: Playwright's fake clock, set to `time` and
   * running on from there, installed before the app's code by reopening the
   * app (the app reads `Date.now`; a reference taken before would keep the
   * real time). Nothing in the app knows; the clock survives later reloads.
   */
  async setClock(time: number): Promise<void> {
    await this.page.context().clock.install({ time });
    await this.page.reload();
  }

  /** Time passes on the phone: `minutes` later, as if it lay locked in a pocket meanwhile. */
  async later(minutes: number): Promise<void> {
    await this.page.clock.fastForward(minutes * MINUTE);
  }

  /**
   * The walkers walk on for `minutes` to `to`: the phone's clock moves on and
   * its GPS reports the new place. Returns once the page has the new fix (the
   * browser hands each fix to every watcher at once, the round screen's among
   * them).
   */
  async walkOn(minutes: number, to: { latitude: number; longitude: number }): Promise<void> {
    await this.later(minutes);
    await this.page.context().setGeolocation({ ...to, accuracy: GPS_ACCURACY_M });
    // The page's last fix (with a watcher running, a request for a fresh one
    // would wait for the next move): the round screen's watcher had it too.
    const lastFix = () =>
      this.page.evaluate(
        () =>
          new Promise<[number, number] | string>((resolve) =>
            navigator.geolocation.getCurrentPosition(
              (position) => resolve([position.coords.latitude, position.coords.longitude]),
              (error) => resolve(error.message),
              { maximumAge: Number.POSITIVE_INFINITY },
            ),
          ),
      );
    await expect.poll(lastFix, { timeout: 15_000 }).toEqual([to.latitude, to.longitude]);
  }

  /** The app's clock now. */
  async appNow(): Promise<number> {
    return this.page.evaluate(() => Date.now());
  }

  /** The running round's timer, in milliseconds (to the second). */
  async elapsed(): Promise<number> {
    const text = (await this.page.getByRole('timer').textContent()) ?? '';
    const match = /(\d+):(\d{2}):(\d{2})/.exec(text);
    if (!match) throw new Error(`no elapsed time in the timer: "${text}"`);
    const [, hours, minutes, seconds] = match.map(Number) as [number, number, number, number];
    return ((hours * 60 + minutes) * 60 + seconds) * 1000;
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

  /** On the start form: another member of the team walks along (`Teamlid 1` …). */
  async walkWith(member: string): Promise<void> {
    const option = this.page.getByRole('checkbox', { name: member, exact: true });
    await this.phone.expectSoon(`${member} on the start form`, () => option.waitFor({ timeout: 30_000 }));
    await option.check();
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

  /** A safety observation: one tap on its type saves it. Ends on the observation. */
  async logSafety(label: string): Promise<Logged> {
    return this.logged(label, () => this.tap(this.typeButton(label)));
  }

  /** A public-space observation: the kind, then the type. Ends on the observation. */
  async logPublicSpace(label: string): Promise<Logged> {
    return this.logged(label, async () => {
      await this.tap(this.kindButton('Openbare ruimte'));
      await this.tap(this.typeButton(label));
    });
  }

  /** A suspicious situation: "112 gebeld?" first (SAAR), its answer saves it. Ends on the observation. */
  async logSuspiciousSituation(answer: 'Ja, 112 gebeld' | 'Geen spoed, opslaan'): Promise<Logged> {
    const label = 'Verdachte situatie';
    return this.logged(label, async () => {
      await this.tap(this.typeButton(label));
      await this.page.getByRole('heading', { name: '112 gebeld?' }).waitFor();
      await this.tap(this.page.getByRole('button', { name: answer, exact: true }));
    });
  }

  private async logged(label: string, taps: () => Promise<void>): Promise<Logged> {
    const from = await this.appNow();
    await taps();
    await this.waitForObservation(label);
    return { label, from, to: await this.appNow() };
  }

  /** One observation in the round's list, by its type. */
  observation(label: string): Locator {
    return this.observations().filter({ has: this.page.getByText(label, { exact: true }) });
  }

  /** From the start form's "Eerdere rondes": the most recent round. Ends on it. */
  async openLastRound(): Promise<void> {
    const link = this.page.locator('.patrol-rounds a').first();
    await this.phone.expectSoon('an earlier round', () => link.waitFor({ timeout: 30_000 }));
    await link.click();
    await this.phone.expectSoon('the round', () => this.page.getByRole('heading', { level: 1, name: /^Ronde / }).waitFor({ timeout: 15_000 }));
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

/**
 * The wijkagent's screen (`#/wijkagent`, through the navigation), `weeksBack`
 * weeks before this one.
 */
export async function openPoliceWeek(officer: BuurtlogPage, weeksBack: number): Promise<void> {
  await officer.page.getByRole('link', { name: 'Wijkagent' }).click();
  await officer.expectSoon('the wijkagent screen', () =>
    officer.page.getByRole('heading', { level: 1, name: 'Waarnemingen voor de wijkagent' }).waitFor({ timeout: 30_000 }),
  );
  for (let i = 0; i < weeksBack; i++) await officer.page.getByRole('button', { name: 'Vorige week' }).click();
}

/** One observation on the wijkagent's or professional's list, by its type. */
export function listedObservation(page: BuurtlogPage, label: string): Locator {
  return page.page.getByTestId('observation').filter({ has: page.page.getByRole('heading', { level: 3, name: label, exact: true }) });
}

/** The types of the observations listed on the wijkagent's or professional's screen, sorted. */
export async function listedTypes(page: BuurtlogPage): Promise<string[]> {
  const types = await page.page.getByTestId('observation').getByRole('heading', { level: 3 }).allTextContents();
  return types.sort();
}

/** The wijkagent reacts to one observation: a short text and "Gezien" or "Afgehandeld". */
export async function reactAsOfficer(officer: BuurtlogPage, label: string, text: string, state: 'Gezien' | 'Afgehandeld'): Promise<void> {
  const item = listedObservation(officer, label);
  await item.getByLabel('Reactie voor het team').fill(text);
  await item.getByRole('button', { name: state, exact: true }).click();
  const shown = state === 'Afgehandeld' ? 'Afgehandeld door de wijkagent' : 'Gezien door de wijkagent';
  await officer.expectSoon('the reaction on the officer’s screen', () => item.getByText(shown).waitFor({ timeout: 30_000 }));
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
