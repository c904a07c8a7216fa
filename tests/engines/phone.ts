/**
 * A phone with Buurtlog open, in any of the three engines: speaks the user's
 * intent (`phone.count('Bewoners', +1)`, `phone.goOffline()`), so a scenario
 * is written once and runs in Chromium, Firefox and WebKit. Controls are found
 * by their accessible names, as in tests/e2e/buurtlog-page.ts.
 *
 * Where an engine lacks a capability, this file and drivers.ts say so, once:
 * - going offline in WebKit stops the server (the page keeps its network but
 *   every request fails, as on a train without signal); going online starts it
 *   again on the same port and data;
 * - dates, times and choices in a list are set the way the engine's own
 *   picker sets them (the value, then `input` and `change` events): typed
 *   dates are accepted only in each engine's own format.
 */
import { E2E_COORDINATOR_EMAIL, E2E_COORDINATOR_PASSWORD, startServer, type RunningServer } from '../e2e/harness.ts';
import { daysFromToday } from '../e2e/buurtlog-page.ts';
import type { EngineBrowser, Tab } from './drivers.ts';

export type Account = { email: string; password: string };
const COORDINATOR: Account = { email: E2E_COORDINATOR_EMAIL, password: E2E_COORDINATOR_PASSWORD };
export type CountKey = 'residents' | 'volunteers' | 'professionals' | 'children' | 'firstTimers' | 'registered';

/** The real server, which a WebKit phone "goes offline" from by stopping it. */
export class Site {
  server: RunningServer;
  private readonly env: Record<string, string>;
  private down = false;
  private constructor(server: RunningServer, env: Record<string, string>) {
    this.server = server;
    this.env = env;
  }
  static async start(env: Record<string, string> = {}): Promise<Site> {
    return new Site(await startServer({ env }), env);
  }
  get url(): string {
    return this.server.url;
  }
  /** The server dies at once (a graceful stop waits seconds for the open live stream), as a lost signal cuts every connection. */
  async takeDown(): Promise<void> {
    if (this.down) return;
    this.down = true;
    await this.server.kill();
  }
  async bringUp(): Promise<void> {
    if (!this.down) return;
    this.server = await startServer({ port: this.server.port, dataDir: this.server.dataDir, env: this.env });
    this.down = false;
  }
  stop(): Promise<void> {
    return this.down ? Promise.resolve() : this.server.stop();
  }
}

type Query = { role: 'button' | 'link' | 'heading' | 'field' | 'css'; name?: string; within?: string; level?: number; exact?: boolean };
type Found = { selector: string; x: number; y: number; width: number; height: number };

/**
 * In the page: the first visible element with this role and accessible name
 * (aria-labelledby, aria-label, its label, its legend, or its text), marked
 * with a data attribute so the driver can click it by a CSS selector.
 */
function locate(q: Query): Found | null {
  const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  const nameOf = (el: Element): string => {
    const by = el.getAttribute('aria-labelledby');
    if (by)
      return norm(
        by
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' '),
      );
    const label = el.getAttribute('aria-label');
    if (label) return norm(label);
    const labels = (el as HTMLInputElement).labels;
    if (labels && labels.length > 0) return norm(labels[0]?.textContent);
    if (el.tagName === 'FIELDSET') return norm(el.querySelector('legend')?.textContent);
    return norm(el.textContent);
  };
  const visible = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  let root: ParentNode = document;
  if (q.within) {
    const group = [...document.querySelectorAll('fieldset, [role=group], [role=dialog], section')].find((el) => visible(el) && nameOf(el) === q.within);
    if (!group) return null;
    root = group;
  }
  const selectors: Record<Query['role'], string> = {
    button: 'button, [role=button], summary',
    link: 'a[href], [role=link]',
    heading: q.level ? `h${q.level}` : 'h1, h2, h3, h4, h5, h6',
    field: 'input, select, textarea',
    css: q.name ?? '*',
  };
  const candidates = [...root.querySelectorAll(selectors[q.role])];
  // As Playwright's getByRole: the exact name first, else a name that contains it (an icon's "+" before a link's text).
  const shown = candidates.filter((el) => q.role === 'css' || visible(el));
  const wanted = q.name;
  const match =
    q.role === 'css' || wanted === undefined
      ? shown[0]
      : (shown.find((el) => nameOf(el) === wanted) ?? (q.exact ? undefined : shown.find((el) => nameOf(el).includes(wanted))));
  if (!match) return null;
  const tag = match.getAttribute('data-engine-target') ?? Math.random().toString(36).slice(2);
  match.setAttribute('data-engine-target', tag);
  const box = match.getBoundingClientRect();
  return { selector: `[data-engine-target="${tag}"]`, x: box.x + box.width / 2, y: box.y + box.height / 2, width: box.width, height: box.height };
}

/** In the page: a select's option by its text, or an input's value, set as the engine's own picker does. */
function pick(arg: { selector: string; value?: string; optionText?: string }): boolean {
  const el = document.querySelector(arg.selector) as HTMLInputElement | HTMLSelectElement | null;
  if (!el) return false;
  let value = arg.value ?? '';
  if (arg.optionText !== undefined) {
    const option = [...(el as HTMLSelectElement).options].find((o) => o.textContent?.trim() === arg.optionText);
    if (!option) return false;
    value = option.value;
  }
  el.focus();
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
  return true;
}

export class Phone {
  readonly tab: Tab;
  readonly site: Site;

  private constructor(tab: Tab, site: Site) {
    this.tab = tab;
    this.site = site;
  }

  get engine(): string {
    return this.tab.engine;
  }

  /** A new phone (its own storage) with nothing open yet. */
  static async take(browser: EngineBrowser, site: Site): Promise<Phone> {
    return new Phone(await browser.newTab(), site);
  }

  // ── reading the screen ─────────────────────────────────────────────────

  async find(q: Query): Promise<Found | null> {
    return this.tab.run<Found | null>(locate.toString(), q);
  }

  /** The visible text of the page, whitespace collapsed. */
  async text(): Promise<string> {
    return this.tab.run<string>('() => document.body.innerText.replace(/\\s+/g, " ")');
  }

  /** Wait until `check` answers true (polled); when it does not, say what the screen showed. */
  async until(what: string, check: () => Promise<boolean>, timeout = 30_000): Promise<void> {
    const deadline = Date.now() + timeout;
    let last: unknown;
    for (;;) {
      try {
        if (await check()) return;
      } catch (error) {
        last = error;
      }
      if (Date.now() > deadline) {
        const screen = await this.text().catch((error: unknown) => `(no text: ${String(error)})`);
        const url = await this.tab.url().catch(() => '?');
        throw new Error(
          `[${this.engine}] ${what} did not happen within ${timeout} ms.\nURL: ${url}\nScreen: ${screen.slice(0, 600)}${last ? `\nLast error: ${String(last)}` : ''}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Wait for an element, then answer where it is. */
  async waitFor(q: Query, timeout = 30_000): Promise<Found> {
    let found: Found | null = null;
    await this.until(`${q.role} "${q.name ?? ''}"${q.within ? ` in "${q.within}"` : ''}`, async () => (found = await this.find(q)) !== null, timeout);
    return found as unknown as Found;
  }

  async sees(q: Query): Promise<boolean> {
    return (await this.find(q)) !== null;
  }

  async waitForText(text: string, timeout = 30_000): Promise<void> {
    await this.until(`the text "${text}"`, async () => (await this.text()).includes(text), timeout);
  }

  async heading(name: string, timeout = 30_000): Promise<void> {
    await this.waitFor({ role: 'heading', level: 1, name }, timeout);
  }

  // ── acting ──────────────────────────────────────────────────────────────

  /**
   * Wait for an element that has stopped moving (a smooth scroll the app
   * started has ended), as a person's eye does before the thumb goes down —
   * and as Playwright waits before a click. `tapAt` is the way not to wait.
   */
  async waitForStill(q: Query): Promise<Found> {
    let found = await this.waitFor(q);
    await this.until(`${q.role} "${q.name ?? ''}" to stop moving`, async () => {
      await new Promise((resolve) => setTimeout(resolve, 120));
      const now = await this.find(q);
      const still = now !== null && Math.abs(now.x - found.x) < 0.5 && Math.abs(now.y - found.y) < 0.5;
      if (now) found = now;
      return still;
    });
    return found;
  }

  async press(name: string, within?: string): Promise<void> {
    await this.tab.click((await this.waitForStill({ role: 'button', name, ...(within ? { within } : {}) })).selector);
  }

  async follow(name: string): Promise<void> {
    await this.tab.click((await this.waitForStill({ role: 'link', name })).selector);
  }

  async fill(label: string, text: string): Promise<void> {
    const found = await this.waitFor({ role: 'field', name: label });
    await this.tab.type(found.selector, text);
  }

  /** What a field holds now. */
  async valueOf(label: string): Promise<string> {
    const found = await this.waitFor({ role: 'field', name: label });
    return this.tab.run<string>(`() => document.querySelector('${found.selector}').value`);
  }

  /** Choose an option of a list (select) by its text. */
  async choose(label: string, option: string): Promise<void> {
    const found = await this.waitFor({ role: 'field', name: label });
    if (!(await this.tab.run<boolean>(pick.toString(), { selector: found.selector, optionText: option })))
      throw new Error(`[${this.engine}] no option "${option}" in "${label}"`);
  }

  /** Set a date (YYYY-MM-DD) or time (HH:MM) field as the engine's picker does. */
  async pickValue(label: string, value: string): Promise<void> {
    const found = await this.waitFor({ role: 'field', name: label });
    await this.tab.run<boolean>(pick.toString(), { selector: found.selector, value });
  }

  /** A press and release at a fixed screen point: no looking, no waiting for the layout. */
  async tapAt(x: number, y: number): Promise<void> {
    await this.tab.tapAt(x, y);
  }

  /** Choose a photo file in the capture screen's camera input. */
  async choosePhoto(path: string): Promise<void> {
    const input = await this.waitFor({ role: 'css', name: 'input[type=file][capture]' });
    await this.tab.chooseFile(input.selector, path);
  }

  async reload(): Promise<void> {
    await this.tab.reload();
  }

  async goto(hash: string): Promise<void> {
    await this.tab.goto(`${this.site.url}/${hash}`);
  }

  /** No network. WebKit's WebDriver cannot take a page offline: there, the server goes down instead. */
  async goOffline(): Promise<void> {
    if (this.tab.setOffline) await this.tab.setOffline(true);
    else await this.site.takeDown();
  }

  async goOnline(): Promise<void> {
    if (this.tab.setOffline) await this.tab.setOffline(false);
    else await this.site.bringUp();
  }

  async close(): Promise<void> {
    await this.tab.close();
  }

  // ── Buurtlog ────────────────────────────────────────────────────────────

  /** Open Buurtlog: read the privacy screen on a first start, sign in if asked, land on the list. */
  async open(account: Account = COORDINATOR): Promise<void> {
    await this.tab.goto(`${this.site.url}/`);
    const first = await this.waitFor({ role: 'heading', level: 1 });
    void first;
    await this.until('the first screen', async () => /^(Wat Buurtlog bewaart en waarom|Aanmelden|Activiteiten)$/.test(await this.h1()));
    if ((await this.h1()) === 'Wat Buurtlog bewaart en waarom') await this.press('Ik heb dit gelezen');
    await this.until('sign-in or the list', async () => /^(Aanmelden|Activiteiten)$/.test(await this.h1()));
    if ((await this.h1()) === 'Aanmelden') await this.signIn(account);
    await this.heading('Activiteiten');
  }

  async h1(): Promise<string> {
    return this.tab.run<string>('() => (document.querySelector("h1")?.textContent ?? "").replace(/\\s+/g, " ").trim()');
  }

  async signIn(account: Account): Promise<void> {
    await this.fill('E-mailadres', account.email);
    await this.fill('Wachtwoord', account.password);
    await this.press('Aanmelden');
  }

  /** Open an invite link: one button joins this phone; lands on the list. */
  async redeemInvite(inviteUrl: string): Promise<void> {
    await this.tab.goto(inviteUrl);
    await this.press('Aanmelden op dit toestel');
    await this.heading('Activiteiten');
  }

  /** The service worker controls the page and a first sync finished: from now on the shell opens offline. */
  async waitUntilOfflineReady(): Promise<void> {
    await this.until('the service worker in control', () =>
      this.tab.run<boolean>('() => !!navigator.serviceWorker && navigator.serviceWorker.controller !== null'),
    );
    await this.until('a completed sync', async () => (await this.testIdText('sync-last')).includes('Laatst gesynchroniseerd'));
  }

  async testIdText(id: string): Promise<string> {
    return this.tab.run<string>(`() => (document.querySelector('[data-testid="${id}"]')?.textContent ?? '').replace(/\\s+/g, ' ').trim()`);
  }

  /** The header's sync status ("Alles is verstuurd", "3 wijzigingen alleen op dit toestel"). */
  async pendingText(): Promise<string> {
    return (await this.testIdText('sync-pending')).replace(/^·\s*/, '');
  }

  async waitUntilAllSent(timeout = 30_000): Promise<void> {
    await this.until('all sent', async () => (await this.pendingText()).includes('Alles is verstuurd'), timeout);
  }

  /** Fill in and save a new activity; answers its id. Ends on the activity's page. */
  async createActivity(activity: { title: string; type?: string; buurt?: string }): Promise<string> {
    await this.follow('Nieuwe activiteit');
    await this.heading('Nieuwe activiteit');
    await this.choose('Buurt', activity.buurt ?? 'Oranjebuurt');
    await this.choose('Soort activiteit', activity.type ?? 'Bijeenkomst');
    await this.fill('Titel', activity.title);
    await this.pickValue('Datum', daysFromToday(1));
    await this.pickValue('Begintijd', '19:30');
    await this.press('Opslaan');
    await this.waitFor({ role: 'link', name: 'Aanwezigheid tellen' });
    const url = await this.tab.url();
    const id = /#\/activiteit\/([0-9a-f-]{36})/.exec(url)?.[1];
    if (!id) throw new Error(`[${this.engine}] not on an activity page: ${url}`);
    return id;
  }

  async openAttendance(): Promise<void> {
    await this.follow('Aanwezigheid tellen');
    await this.heading('Aanwezigheid');
  }

  /** Tap "+" (or "−") on a count, once per step, each tap aimed at where the button is now. */
  async count(label: string, steps: number): Promise<void> {
    const name = steps >= 0 ? `${label}: één erbij` : `${label}: één eraf`;
    for (let i = 0; i < Math.abs(steps); i++) await this.press(name);
  }

  /** Where the "+" of a count is on the screen now (its centre). */
  async plusAt(label: string): Promise<{ x: number; y: number }> {
    const found = await this.waitFor({ role: 'button', name: `${label}: één erbij` });
    return { x: found.x, y: found.y };
  }

  async countValue(key: CountKey): Promise<number> {
    return Number(await this.testIdText(`value-${key}`));
  }

  /** The count shows `value` and the store has every tap of it (no taps only on screen): safe to reload. */
  async waitForCount(key: CountKey, value: number, timeout = 30_000): Promise<void> {
    await this.until(
      `count ${key} = ${value}, saved`,
      async () =>
        (await this.countValue(key)) === value &&
        (await this.tab.run<boolean>(`() => document.querySelector('[data-testid="counter-${key}"]')?.dataset.saving !== 'true'`)),
      timeout,
    );
  }
}
