/**
 * Page model of Buurtlog: speaks the user's intent, so tests read as what a
 * dorpsmakelaar does (`await phone.tap('Bewoners', 10)`), and finds controls
 * by their accessible names — the same names a screen reader announces.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { E2E_COORDINATOR_EMAIL, E2E_COORDINATOR_PASSWORD } from './harness.ts';

export type Account = { email: string; password: string };
export const COORDINATOR: Account = { email: E2E_COORDINATOR_EMAIL, password: E2E_COORDINATOR_PASSWORD };

export type NewActivity = { title: string; buurt?: string; type?: string; team?: string; date?: string; start?: string; place?: string };

export class BuurtlogPage {
  readonly page: Page;
  readonly baseUrl: string;
  /** The page's console messages, errors and API answers, attached to a failed wait. */
  private readonly trail: string[] = [];

  private constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
    const note = (line: string) => {
      this.trail.push(`${new Date().toISOString().slice(11, 23)} ${line}`);
      if (this.trail.length > 80) this.trail.shift();
    };
    page.on('console', (message) => note(`console.${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => note(`pageerror: ${error.message}`));
    page.on('response', (response) => {
      if (response.url().includes('/api/')) note(`${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`);
    });
    page.on('requestfailed', (request) => note(`failed ${request.method()} ${request.url()}: ${request.failure()?.errorText ?? ''}`));
  }

  /** Wait for something on the page; when it does not come, say what the page was doing. */
  async expectSoon(what: string, wait: () => Promise<unknown>): Promise<void> {
    try {
      await wait();
    } catch (error) {
      const header = await this.page
        .locator('.sync-sheet')
        .textContent({ timeout: 1_000 })
        .then((text) => `${text ?? ''}`.replace(/\s+/g, ' '))
        .catch(() => '(no sync status)');
      const body = await this.page
        .locator('body')
        .innerText({ timeout: 1_000 })
        .then((text) => text.replace(/\s+/g, ' ').slice(0, 400))
        .catch(() => '(no body)');
      const shot = join(tmpdir(), `buurtlog-e2e-${Date.now()}.png`);
      await this.page.screenshot({ path: shot, timeout: 2_000 }).catch(() => undefined);
      throw new Error(
        `${what} did not happen.\nHeader: ${header}\nPage: ${body}\nURL: ${this.page.url()}\nScreenshot: ${shot}\nTrail:\n${this.trail.join('\n')}\n${String(error)}`,
      );
    }
  }

  /** Wait until an activity with this title is in the list (e.g. after a pull). */
  async waitForActivityInList(title: string): Promise<void> {
    await this.expectSoon(`activity "${title}" in the list`, () =>
      this.page
        .getByRole('link', { name: new RegExp(escapeRegExp(title)) })
        .first()
        .waitFor({ timeout: 30_000 }),
    );
  }

  /**
   * Open Buurtlog as a person would: read the privacy screen on a first
   * start, sign in (as the seeded coordinator unless told otherwise), and land
   * on the activity list.
   */
  static async open(context: BrowserContext, baseUrl: string, account: Account = COORDINATOR): Promise<BuurtlogPage> {
    const page = await context.newPage();
    const phone = new BuurtlogPage(page, baseUrl);
    await page.goto(`${baseUrl}/`);
    await phone.passGate(account);
    await phone.waitForList();
    return phone;
  }

  /**
   * Open an invite link on this phone: the invite comes first, with from whom
   * it is and the privacy summary above one button; that tap acknowledges the
   * notice and joins. Lands on the list.
   */
  static async openInvite(context: BrowserContext, baseUrl: string, inviteUrl: string): Promise<BuurtlogPage> {
    const page = await context.newPage();
    const phone = new BuurtlogPage(page, baseUrl);
    await page.goto(inviteUrl);
    await phone.expectSoon('the invite screen', () => page.getByRole('button', { name: 'Aanmelden op dit toestel' }).waitFor({ timeout: 30_000 }));
    await page.getByRole('button', { name: 'Aanmelden op dit toestel' }).click();
    await phone.waitForList();
    return phone;
  }

  /** Whatever stands between a fresh phone and the list: the privacy screen, then sign-in. */
  async passGate(account: Account = COORDINATOR): Promise<void> {
    await this.acknowledgePrivacyIfAsked();
    const signInHeading = this.page.getByRole('heading', { level: 1, name: 'Aanmelden' });
    const list = this.page.getByRole('heading', { level: 1, name: 'Activiteiten' });
    await this.expectSoon('sign-in or the list', () => signInHeading.or(list).first().waitFor({ timeout: 30_000 }));
    if (await signInHeading.isVisible()) await this.signIn(account);
  }

  /** On a first start without an invite, the full privacy screen comes before sign-in: read it. */
  async acknowledgePrivacyIfAsked(): Promise<void> {
    const privacy = this.page.getByRole('heading', { level: 1, name: 'Wat Buurtlog bewaart en waarom' });
    // Any of the screens that can follow start-up (not the loading screen).
    const next = this.page
      .getByRole('heading', { level: 1, name: /^(Aanmelden|Activiteiten|Uitnodiging)$/ })
      .or(this.page.getByRole('button', { name: 'Aanmelden op dit toestel' }));
    await this.expectSoon('the first screen', () => privacy.or(next).first().waitFor({ timeout: 30_000 }));
    if (await privacy.isVisible()) await this.page.getByRole('button', { name: 'Ik heb dit gelezen' }).click();
  }

  async signIn(account: Account): Promise<void> {
    await this.page.getByLabel('E-mailadres').fill(account.email);
    await this.page.getByLabel('Wachtwoord').fill(account.password);
    await this.page.getByRole('button', { name: 'Aanmelden' }).click();
  }

  async waitForList(): Promise<void> {
    await this.expectSoon('the activity list', () => this.page.getByRole('heading', { level: 1, name: 'Activiteiten' }).waitFor({ timeout: 30_000 }));
  }

  /** Wait until the service worker controls this page: from then on the shell opens offline. */
  /**
   * Ready to go offline: the service worker controls the page (the shell
   * opens without network) and the first sync finished (the configuration —
   * buurten, teams — is on the device; without it there is nowhere to put an
   * activity).
   */
  async waitUntilOfflineReady(): Promise<void> {
    await this.expectSoon('the service worker in control', () =>
      this.page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 30_000 }),
    );
    await this.waitUntilSynced();
  }

  /** At least one sync has completed on this device (the header's sync sheet says when). */
  async waitUntilSynced(): Promise<void> {
    await this.expectSoon('a completed sync', () =>
      this.page.waitForFunction(() => document.querySelector('[data-testid="sync-last"]')?.textContent?.includes('Laatst gesynchroniseerd'), undefined, {
        timeout: 30_000,
      }),
    );
  }

  async goOffline(): Promise<void> {
    await this.page.context().setOffline(true);
  }

  async goOnline(): Promise<void> {
    await this.page.context().setOffline(false);
  }

  async reload(): Promise<void> {
    await this.page.reload();
  }

  /** Fill in and save a new activity; returns its id. Ends on the activity's page. */
  async createActivity(activity: NewActivity): Promise<string> {
    const page = this.page;
    await page.getByRole('link', { name: 'Nieuwe activiteit' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe activiteit' }).waitFor();
    await page.getByLabel('Buurt', { exact: true }).selectOption({ label: activity.buurt ?? 'Oranjebuurt' });
    await page.getByLabel('Soort activiteit').selectOption({ label: activity.type ?? 'Bijeenkomst' });
    if (activity.team) {
      // The team is asked up front only where it must be chosen; otherwise it waits under "Meer gegevens".
      if (!(await page.getByLabel('Team', { exact: true }).isVisible())) await this.openMoreDetails();
      await page.getByLabel('Team', { exact: true }).selectOption({ label: activity.team });
    }
    await page.getByLabel('Titel', { exact: true }).fill(activity.title);
    await page.getByLabel('Datum', { exact: true }).fill(activity.date ?? daysFromToday(1));
    await page.getByLabel('Begintijd').fill(activity.start ?? '19:30');
    if (activity.place) {
      await this.openMoreDetails();
      await page.getByLabel('Plaats', { exact: true }).fill(activity.place);
    }
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('link', { name: 'Aanwezigheid tellen' }).waitFor();
    return idFromHash(page.url());
  }

  /** Unfold the activity form's optional fields ("Meer gegevens", below "Opslaan"), if they are folded. */
  async openMoreDetails(): Promise<void> {
    const more = this.page.locator('details.more-fields');
    if ((await more.getAttribute('open')) === null) await more.locator('summary').click();
  }

  async openActivity(title: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/#/`);
    await this.page
      .getByRole('link', { name: new RegExp(escapeRegExp(title)) })
      .first()
      .click();
    await this.page.getByRole('link', { name: 'Aanwezigheid tellen' }).waitFor();
  }

  async openAttendance(): Promise<void> {
    await this.page.getByRole('link', { name: 'Aanwezigheid tellen' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Aanwezigheid' }).waitFor();
  }

  /** Tap "+" on a count, `times` times, as fast as the page takes clicks. */
  async tap(label: string, times: number): Promise<void> {
    const plus = this.page.getByRole('button', { name: `${label}: één erbij` });
    for (let i = 0; i < times; i++) await plus.click();
  }

  async count(key: 'residents' | 'volunteers' | 'professionals' | 'children' | 'firstTimers' | 'registered'): Promise<number> {
    return Number(await this.page.getByTestId(`value-${key}`).textContent());
  }

  /** The count shows `value` and the store has every tap of it (the row is not marked `data-saving`). */
  async waitForCount(key: 'residents' | 'volunteers' | 'professionals' | 'children' | 'firstTimers' | 'registered', value: number): Promise<void> {
    await this.expectSoon(`count ${key} = ${value}, saved`, () =>
      this.page.waitForFunction(
        ([k, v]) =>
          document.querySelector(`[data-testid="value-${k}"]`)?.textContent?.trim() === String(v) &&
          document.querySelector<HTMLElement>(`[data-testid="counter-${k}"]`)?.dataset['saving'] !== 'true',
        [key, value] as const,
        { timeout: 30_000 },
      ),
    );
  }

  /** The sync status the header shows ("Alles is verstuurd", "3 wijzigingen alleen op dit toestel"). */
  async pendingText(): Promise<string> {
    return ((await this.page.getByTestId('sync-pending').textContent()) ?? '').replace(/^\s*·\s*/, '').trim();
  }

  async waitUntilAllSent(): Promise<void> {
    await this.expectSoon('all sent', () =>
      this.page.waitForFunction(() => document.querySelector('[data-testid="sync-pending"]')?.textContent?.includes('Alles is verstuurd'), undefined, {
        timeout: 30_000,
      }),
    );
  }

  /** Tap the header's sync status, then "Nu synchroniseren" in its sheet, and close the sheet again. */
  async syncNow(): Promise<void> {
    await this.openSyncSheet();
    await this.page.getByRole('dialog').getByRole('button', { name: 'Nu synchroniseren' }).click();
    await this.closeSyncSheet();
  }

  /** The sheet behind the header's status: details, "Nu synchroniseren", "Exporteer". */
  async openSyncSheet(): Promise<void> {
    await this.page.getByTestId('sync-chip').click();
    await this.page.getByRole('dialog').waitFor();
  }

  /** Close the sheet, unless the app already left the screen (e.g. a revoked phone is wiped right after its sync). */
  async closeSyncSheet(): Promise<void> {
    const sheet = this.page.getByRole('dialog');
    await sheet
      .getByRole('button', { name: 'Sluiten' })
      .click({ timeout: 5_000 })
      .catch(async (error: unknown) => {
        if (await sheet.isVisible()) throw error;
      });
    await sheet.waitFor({ state: 'hidden' });
  }
}

/** The calendar date `days` from today on this machine's clock (as the app reads it: local time), `YYYY-MM-DD`. */
export function daysFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function idFromHash(url: string): string {
  const match = /#\/activiteit\/([0-9a-f-]{36})/.exec(url);
  if (!match) throw new Error(`not on an activity page: ${url}`);
  return match[1] as string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
