/**
 * Bench: start-up on a real phone's budget (issue 13, item 6). Chromium with
 * its CPU slowed down 4× (CDP `Emulation.setCPUThrottlingRate`) and a "Fast
 * 4G" network (CDP `Network.emulateNetworkConditions`: 170 ms round trip,
 * 9 Mbit/s down, 1.5 Mbit/s up), a fresh page each run, against the real
 * server serving the built dist/.
 *
 * - First-time user: a fresh device (new context: no cache, no service
 *   worker, no IndexedDB) opens the app's address. A first start shows the
 *   privacy screen, whose one button leads to the sign-in form. Two steps are
 *   timed: navigation → the privacy screen interactive, and the click on "Ik
 *   heb dit gelezen" (the click event's own time stamp) → the sign-in form
 *   interactive. Their sum is the time the app makes a first-time user wait
 *   for the sign-in screen (the reading in between is the person's, not the
 *   app's); the goal is on that sum.
 * - Returning user: a signed-in device (service worker in control, the
 *   seeded activities pulled) closes its page and opens the app again:
 *   navigation → the activity list interactive. Requests the service worker
 *   answers from its cache are not slowed by the network emulation — as on a
 *   phone, where they never reach the network; the sync's calls are.
 *
 * "Interactive", precisely: every element the screen needs is in the DOM
 * with a layout box (privacy: the h1 and the "Ik heb dit gelezen" button;
 * sign-in: the e-mail field and the submit button; list: the first
 * activity's link and "+ Nieuwe activiteit"), and then a task queued at
 * that moment (setTimeout 0) has run — so the main thread is free to
 * dispatch a tap to the handlers Preact attached with the elements. The
 * moment is taken in the page (performance.now(), from navigation start);
 * a MutationObserver installed before the app's scripts watches for it.
 *
 * Beside it, per run: LCP (the last 'largest-contentful-paint' entry before
 * the interactive point plus a second of quiet), FCP, and TBT = the sum over
 * long tasks of (duration − 50 ms), each task clipped to [FCP, interactive].
 * The first-time user's first run also records the JavaScript coverage of
 * the first load up to the interactive point (CDP precise block coverage):
 * bytes of each script never run, for the entry chunk and in total.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { nl as accountWords } from '../../src/app/account/nl.ts';
import { BuurtlogPage } from '../e2e/buurtlog-page.ts';
import { CHROMIUM_PATH, newDevice, type RunningServer } from '../e2e/harness.ts';
import { CPU_SLOWDOWN, type Timing, timing } from './list-open.ts';

export const STARTUP_RUNS = 5;
export const RETURNING_GOAL_MS = 1_500;
export const FIRST_TIME_GOAL_MS = 3_000;
/** Activities on the returning device (the bench seeds them on the server; the device pulls them). */
export const RETURNING_ACTIVITIES = 200;
/** Chrome DevTools' "Fast 4G" as issue 13 names it; CDP wants bytes a second. */
export const FAST_4G = { offline: false, latency: 170, downloadThroughput: (9 * 1024 * 1024) / 8, uploadThroughput: (1.5 * 1024 * 1024) / 8 };
const TIMEOUT_MS = 30_000;
/** After the interactive point: LCP may still move, the run settles before its entries are read. */
const SETTLE_MS = 1_000;

/** An element a screen needs: a CSS selector, and the text it must hold when given. */
type Needed = { css: string; text?: string };
const PRIVACY: Needed[] = [
  { css: 'main h1', text: accountWords['privacy.title'] },
  { css: 'main button.button-primary', text: accountWords['privacy.acknowledge'] },
];
const SIGN_IN: Needed[] = [{ css: 'main input[type="email"]' }, { css: 'main form button[type="submit"]' }];
const LIST: Needed[] = [{ css: '.activity-list li a.activity-card' }, { css: 'a[href="#/activiteit/nieuw"]' }];

type PageFigures = { fcp: Timing; lcp: Timing; tbt: Timing };
type ScriptCoverage = { file: string; bytes: number; unusedBytes: number };
type StartupFigures = {
  firstTime: PageFigures & { privacy: Timing; signIn: Timing; total: Timing };
  returning: PageFigures & { list: Timing };
  coverage: { scripts: ScriptCoverage[]; entry: ScriptCoverage & { gzipBytes: number } };
};

type ProbeState = {
  fcp: number;
  lcp: number;
  longTasks: Array<{ start: number; duration: number }>;
  /** Per stage: when its elements were all there, and when the queued task ran. */
  seen: number[];
  ready: number[];
  /** The time stamp of the first click (the event's own). */
  clickAt: number;
};

/**
 * Runs in every page of the context before the app's scripts (an init
 * script: no closures, its argument serialised). Watches for each stage's
 * elements in turn and records the paint, LCP and long-task entries.
 */
function startupProbe(stages: Needed[][]): void {
  const state: ProbeState = { fcp: -1, lcp: -1, longTasks: [], seen: [], ready: [], clickAt: -1 };
  (window as unknown as { benchStartup: ProbeState }).benchStartup = state;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.lcp = entry.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') state.fcp = entry.startTime;
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  addEventListener('click', (event) => void (state.clickAt < 0 && (state.clickAt = event.timeStamp)), { capture: true });
  const present = (needed: Needed) =>
    [...document.querySelectorAll(needed.css)].some(
      (element) => element.getClientRects().length > 0 && (needed.text === undefined || element.textContent?.trim() === needed.text),
    );
  const check = () => {
    const stage = state.seen.length;
    const needed = stages[stage];
    if (!needed?.every(present)) return;
    state.seen.push(performance.now());
    setTimeout(() => (state.ready[stage] = performance.now()), 0);
    if (state.seen.length === stages.length) observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

async function throttle(cdp: CDPSession): Promise<void> {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', FAST_4G);
}

async function waitForStage(page: Page, stage: number, what: string): Promise<void> {
  try {
    await page.waitForFunction((n) => (window as unknown as { benchStartup: ProbeState }).benchStartup.ready[n] !== undefined, stage, {
      timeout: TIMEOUT_MS,
      polling: 100,
    });
  } catch (error) {
    const body = await page
      .locator('body')
      .innerText({ timeout: 1_000 })
      .catch(() => '');
    throw new Error(`${what} not interactive within ${TIMEOUT_MS / 1000} s; page: ${body.replace(/\s+/g, ' ').slice(0, 300)}\n${String(error)}`);
  }
}

/** FCP, LCP and TBT of the page up to `until` (ms from navigation start), once it has settled. */
async function pageFigures(page: Page, until: number): Promise<{ fcp: number; lcp: number; tbt: number }> {
  await page.waitForTimeout(SETTLE_MS);
  const state = await page.evaluate(() => (window as unknown as { benchStartup: ProbeState }).benchStartup);
  const tbt = state.longTasks.reduce((sum, task) => {
    const from = Math.max(task.start, state.fcp);
    const to = Math.min(task.start + task.duration, until);
    return sum + Math.max(0, to - from - 50);
  }, 0);
  return { fcp: state.fcp, lcp: state.lcp, tbt };
}

/** Bytes of each script never run, from CDP precise block coverage (innermost range wins). */
function unusedBytes(coverage: Array<{ url: string; functions: Array<{ ranges: Array<{ startOffset: number; endOffset: number; count: number }> }> }>) {
  const scripts: ScriptCoverage[] = [];
  for (const script of coverage) {
    if (!script.url.startsWith('http')) continue;
    const file = new URL(script.url).pathname.replace(/^\//, '');
    const source = readFileSync(join('dist', file), 'utf8');
    const used = new Uint8Array(source.length);
    const ranges = script.functions.flatMap((fn) => fn.ranges).sort((a, b) => b.endOffset - b.startOffset - (a.endOffset - a.startOffset));
    for (const range of ranges) used.fill(range.count > 0 ? 1 : 0, range.startOffset, range.endOffset);
    const usedCount = used.reduce((sum, bit) => sum + bit, 0);
    const bytes = Buffer.byteLength(source);
    // Offsets count UTF-16 units; scale to bytes (the bundles are nearly all ASCII).
    scripts.push({ file, bytes, unusedBytes: Math.round(((source.length - usedCount) / source.length) * bytes) });
  }
  return scripts;
}

async function firstTimeRun(browser: Browser, url: string, withCoverage: boolean) {
  const context = await newDevice(browser);
  try {
    await context.addInitScript(startupProbe, [PRIVACY, SIGN_IN]);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await throttle(cdp);
    if (withCoverage) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.startPreciseCoverage', { callCount: false, detailed: true });
    }
    await page.goto(url, { waitUntil: 'commit', timeout: TIMEOUT_MS });
    await waitForStage(page, 0, 'the privacy screen');
    const coverage = withCoverage ? unusedBytes((await cdp.send('Profiler.takePreciseCoverage')).result) : null;
    if (withCoverage) await cdp.send('Profiler.stopPreciseCoverage');
    const privacyReady = await page.evaluate(() => (window as unknown as { benchStartup: ProbeState }).benchStartup.ready[0] as number);
    const figures = await pageFigures(page, privacyReady);
    await page.getByRole('button', { name: accountWords['privacy.acknowledge'], exact: true }).click();
    await waitForStage(page, 1, 'the sign-in form');
    const state = await page.evaluate(() => (window as unknown as { benchStartup: ProbeState }).benchStartup);
    return { ...figures, privacy: privacyReady, signIn: (state.ready[1] as number) - state.clickAt, coverage };
  } finally {
    await context.close();
  }
}

async function returningRun(context: BrowserContext, url: string) {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await throttle(cdp);
    await page.goto(url, { waitUntil: 'commit', timeout: TIMEOUT_MS });
    await waitForStage(page, 0, 'the activity list');
    const list = await page.evaluate(() => (window as unknown as { benchStartup: ProbeState }).benchStartup.ready[0] as number);
    return { ...(await pageFigures(page, list)), list };
  } finally {
    await page.close();
  }
}

/** The server must hold RETURNING_ACTIVITIES activities of the seeded tenant, some of them upcoming. */
export async function measureStartup(browser: Browser, server: RunningServer): Promise<StartupFigures> {
  const url = `${server.url}/`;
  const first = [];
  for (let run = 0; run < STARTUP_RUNS; run++) first.push(await firstTimeRun(browser, url, run === 0));

  const device = await newDevice(browser);
  try {
    const phone = await BuurtlogPage.open(device, server.url);
    await phone.waitUntilOfflineReady();
    await phone.page
      .locator(LIST[0]?.css as string)
      .first()
      .waitFor({ timeout: TIMEOUT_MS });
    await phone.page.close();
    await device.addInitScript(startupProbe, [LIST]);
    const returning = [];
    for (let run = 0; run < STARTUP_RUNS; run++) returning.push(await returningRun(device, url));

    const scripts = first[0]?.coverage ?? [];
    const entryFile = /<script type="module"[^>]*src="\/([^"]+)"/.exec(readFileSync('dist/index.html', 'utf8'))?.[1];
    const entry = scripts.find((script) => script.file === entryFile);
    if (!entry) throw new Error(`the entry chunk ${entryFile ?? '(none in dist/index.html)'} is not among the covered scripts`);
    const of = <K extends string>(runs: Array<Record<K, number>>, key: K) => timing(runs.map((run) => run[key]));
    return {
      firstTime: {
        privacy: of(first, 'privacy'),
        signIn: of(first, 'signIn'),
        total: timing(first.map((run) => run.privacy + run.signIn)),
        fcp: of(first, 'fcp'),
        lcp: of(first, 'lcp'),
        tbt: of(first, 'tbt'),
      },
      returning: { list: of(returning, 'list'), fcp: of(returning, 'fcp'), lcp: of(returning, 'lcp'), tbt: of(returning, 'tbt') },
      coverage: { scripts, entry: { ...entry, gzipBytes: gzipSync(readFileSync(join('dist', entry.file)), { level: 9 }).length } },
    };
  } finally {
    await device.close();
  }
}

export const LIGHTHOUSE_RUNS = 3;
export const LIGHTHOUSE_GOAL = 95;
type LighthouseFigures = { score: Timing; runs: Array<{ score: number; lcp: number; tbt: number; fcp: number; unusedJsBytes: number }> };

/**
 * Lighthouse's mobile performance category on the start page, as its CLI
 * runs it (its own Chromium profile, so a first-time user; its default
 * mobile settings: simulated 4× CPU slowdown and slow 4G), LIGHTHOUSE_RUNS
 * times; the score varies from run to run, its median counts.
 */
export async function measureLighthouse(server: RunningServer): Promise<LighthouseFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'buurtlog-lighthouse-'));
  try {
    const runs = [];
    for (let run = 0; run < LIGHTHOUSE_RUNS; run++) {
      const output = join(dir, `run-${run}.json`);
      await promisify(execFile)(
        process.execPath,
        [
          fileURLToPath(import.meta.resolve('lighthouse/cli/index.js')),
          `${server.url}/`,
          '--only-categories=performance',
          '--form-factor=mobile',
          '--no-enable-error-reporting',
          '--chrome-flags=--headless --no-sandbox --disable-gpu',
          '--output=json',
          `--output-path=${output}`,
          '--quiet',
        ],
        { env: { ...process.env, CHROME_PATH: CHROMIUM_PATH }, timeout: 180_000 },
      );
      const report = JSON.parse(readFileSync(output, 'utf8')) as {
        runtimeError?: { code: string; message: string };
        categories: { performance: { score: number | null } };
        audits: Record<string, { numericValue?: number; details?: { overallSavingsBytes?: number } }>;
      };
      const score = report.categories.performance.score;
      if (report.runtimeError || score === null) throw new Error(`Lighthouse: ${report.runtimeError?.message ?? 'no performance score'}`);
      runs.push({
        score: Math.round(score * 100),
        fcp: report.audits['first-contentful-paint']?.numericValue ?? Number.NaN,
        lcp: report.audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
        tbt: report.audits['total-blocking-time']?.numericValue ?? Number.NaN,
        unusedJsBytes: report.audits['unused-javascript']?.details?.overallSavingsBytes ?? 0,
      });
    }
    return { score: timing(runs.map((run) => run.score)), runs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
