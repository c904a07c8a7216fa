/**
 * The three browser engines behind one small interface: Chromium through
 * playwright-core, Firefox ESR through puppeteer-core over WebDriver BiDi,
 * WebKitGTK through WebKitWebDriver (tests/engines/webdriver.ts). A `Tab` is
 * one phone: its own storage, one page. Everything a scenario does goes
 * through tests/engines/phone.ts, which speaks in the user's terms on top of
 * these few primitives.
 *
 * What an engine cannot do is said here, once:
 * - WebKit cannot go offline through WebDriver: `setOffline` is absent and the
 *   phone stops the server instead (phone.ts, goOffline).
 * - A tap is a mouse press and release at a viewport point in every engine
 *   (WebKitGTK's WebDriver has no touch pointer).
 * - WebKit's MiniBrowser window is at least 447 px wide (its toolbar), so its
 *   "phone" is 447 px wide where the others are 390 px.
 */
import type { Browser as PlaywrightBrowser, BrowserContext, Page as PlaywrightPage } from 'playwright-core';
import puppeteer, { type Browser as PuppeteerBrowser, type BrowserContext as PuppeteerContext, type Page as PuppeteerPage } from 'puppeteer-core';
import { launchBrowser, newDevice } from '../e2e/harness.ts';
import { launchWebKit, type WebDriverSession, type WebKitHost } from './webdriver.ts';

export const ENGINES = ['chromium', 'firefox', 'webkit'] as const;
export type EngineName = (typeof ENGINES)[number];

const FIREFOX_PATH = process.env['FIREFOX_PATH'] ?? '/usr/bin/firefox-esr';
const VIEWPORT = { width: 390, height: 844 };

export type Tab = {
  readonly engine: EngineName;
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  url(): Promise<string>;
  /** Runs `(source)(arg)` in the page (a function's source), awaiting a promise. */
  run<T>(source: string, arg?: unknown): Promise<T>;
  /** A real click on the first element the CSS selector matches (scrolled into view by the driver). */
  click(selector: string): Promise<void>;
  /** A press and release at a viewport point, wherever the layout is. */
  tapAt(x: number, y: number): Promise<void>;
  /** Types the text with key events into the element (focused by a click first). */
  type(selector: string, text: string): Promise<void>;
  /** Chooses a file from disk in a file input, as the camera or photo library hands it over. */
  chooseFile(selector: string, path: string): Promise<void>;
  /** Absent where the engine cannot take the page offline. */
  setOffline?: (offline: boolean) => Promise<void>;
  close(): Promise<void>;
};

export type EngineBrowser = { readonly engine: EngineName; newTab(): Promise<Tab>; close(): Promise<void> };

const expression = (source: string, arg: unknown) => `(${source})(${JSON.stringify(arg ?? null)})`;

function chromiumTab(context: BrowserContext, page: PlaywrightPage): Tab {
  return {
    engine: 'chromium',
    goto: async (url) => void (await page.goto(url)),
    reload: async () => void (await page.reload()),
    url: async () => page.url(),
    run: <T>(source: string, arg?: unknown) => page.evaluate(expression(source, arg)) as Promise<T>,
    click: (selector) => page.click(selector),
    tapAt: (x, y) => page.mouse.click(x, y),
    type: (selector, text) => page.locator(selector).pressSequentially(text),
    chooseFile: (selector, path) => page.setInputFiles(selector, path),
    setOffline: (offline) => context.setOffline(offline),
    close: () => context.close(),
  };
}

function firefoxTab(context: PuppeteerContext, page: PuppeteerPage): Tab {
  return {
    engine: 'firefox',
    goto: async (url) => void (await page.goto(url)),
    reload: async () => void (await page.reload()),
    url: async () => page.url(),
    run: <T>(source: string, arg?: unknown) => page.evaluate(expression(source, arg)) as Promise<T>,
    click: (selector) => page.click(selector),
    tapAt: (x, y) => page.mouse.click(x, y),
    type: (selector, text) => page.type(selector, text),
    chooseFile: async (selector, path) => {
      const input = await page.$(selector);
      if (!input) throw new Error(`no ${selector}`);
      await (input as unknown as { uploadFile(...paths: string[]): Promise<void> }).uploadFile(path);
    },
    setOffline: (offline) => page.setOfflineMode(offline),
    close: () => context.close(),
  };
}

function webkitTab(session: WebDriverSession): Tab {
  const element = (selector: string) => session.element(selector);
  return {
    engine: 'webkit',
    goto: async (url) => void (await session.command('POST', '/url', { url })),
    reload: async () => void (await session.command('POST', '/refresh')),
    url: async () => (await session.command('GET', '/url')) as string,
    run: (source, arg) => session.run(source, arg),
    click: async (selector) => void (await session.command('POST', `/element/${await element(selector)}/click`)),
    tapAt: async (x, y) => {
      await session.command('POST', '/actions', {
        actions: [
          {
            type: 'pointer',
            id: 'finger',
            parameters: { pointerType: 'mouse' },
            actions: [
              { type: 'pointerMove', duration: 0, origin: 'viewport', x: Math.round(x), y: Math.round(y) },
              { type: 'pointerDown', button: 0 },
              { type: 'pointerUp', button: 0 },
            ],
          },
        ],
      });
      await session.command('DELETE', '/actions');
    },
    type: async (selector, text) => {
      const id = await element(selector);
      await session.command('POST', `/element/${id}/click`);
      await session.command('POST', `/element/${id}/value`, { text });
    },
    chooseFile: async (selector, path) => void (await session.command('POST', `/element/${await element(selector)}/value`, { text: path })),
    close: () => session.close(),
  };
}

/** One browser of the engine for a test file; each tab is a new phone with its own storage. */
export async function launchEngine(engine: EngineName): Promise<EngineBrowser> {
  if (engine === 'chromium') {
    const browser: PlaywrightBrowser = await launchBrowser();
    return {
      engine,
      async newTab() {
        const context = await newDevice(browser);
        return chromiumTab(context, await context.newPage());
      },
      close: () => browser.close(),
    };
  }
  if (engine === 'firefox') {
    const browser: PuppeteerBrowser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      extraPrefsFirefox: { 'intl.accept_languages': 'nl-NL, nl' },
    });
    return {
      engine,
      async newTab() {
        const context = await browser.createBrowserContext();
        const page = await context.newPage();
        await page.setViewport(VIEWPORT);
        return firefoxTab(context, page);
      },
      close: () => browser.close(),
    };
  }
  const host: WebKitHost = await launchWebKit();
  return {
    engine,
    async newTab() {
      const session = await host.newSession();
      await session.command('POST', '/window/rect', VIEWPORT);
      return webkitTab(session);
    },
    close: () => host.close(),
  };
}
