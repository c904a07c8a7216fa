/**
 * `npm run bench` (= `vite build && node tests/bench/run.ts`): every size and
 * speed figure of Buurtlog in one run, each next to its goal or budget, then a
 * PASS/MISS line per goal.
 *
 * 1. Initial JS+CSS download (gzip) of dist/.
 * 2. Tap → durable in Chromium (the store's `buurtlog:tap-durable` measure)
 *    against a raw IndexedDB put of the same record, in the same page; the
 *    same for one tap on an observation type on the round screen (the
 *    patrol store's `buurtlog:observation-durable` measure).
 * 3. First pull of 10,000 records into a fresh device, from the sign-in
 *    click to the end of the engine's `buurtlog:pull` measure, against
 *    fetching the same pages alone and a raw IndexedDB bulk put of them, in
 *    the same browser; the bytes a record takes on the wire, compressed
 *    (as Chromium asks) and as the JSON it decodes to.
 * 4. Push throughput on SQLite and PostgreSQL (push.ts).
 * 5. Processing a 12 MP camera JPEG into a stored photo (src/app/photos, in
 *    its worker) in Chromium: time and output size.
 * 6. Abuse (abuse.ts): one device floods photos and pushes while another
 *    tenant pushes normally; that tenant's push p95 against its baseline.
 * 8. Monitoring (monitoring.ts): the dashboard's quarter view for a tenant
 *    with 100,000 activities and 100,000 findings with their history, on
 *    SQLite and PostgreSQL, against one COUNT(*) over the same rows; the
 *    trend and the quarter read the rollup (src/server/db/rollups.ts),
 *    filled from the seeded facts as migration 0012 fills it (timed apart).
 * 9. List open (list-open.ts): the activity list and a buurt's open
 *    findings with 50,000 activities and 20,000 findings on the phone, in
 *    Chromium at 4× CPU slowdown, against the same index read in Dexie alone.
 * 10. Start-up (startup.ts): at 4× CPU slowdown on "Fast 4G", a first-time
 *    user to the sign-in screen and a returning user to the activity list,
 *    with LCP, TBT and the JavaScript the first load never runs; and
 *    Lighthouse's mobile performance score of the start page.
 *
 * Exit code 1 only when the hard budget (70 KB initial) is exceeded or a
 * bench could not run; a missed goal is reported, not failed.
 * Everything talks to 127.0.0.1; nothing is written into the repo. Every
 * API call carries a device token (`Authorization: Bearer`), and every app
 * page passes the start gate (privacy screen, sign-in as the seeded
 * coordinator) through the e2e page model, as a person would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ENGINES, launchEngine } from '../engines/drivers.ts';
import { nl as activityWords } from '../../src/app/activities/form/nl.ts';
import { nl as attendanceWords } from '../../src/app/attendance/nl.ts';
import { core } from '../../src/app/i18n/core.ts';
import { nl as patrolWords } from '../../src/app/patrol/nl.ts';
import { nl as settingsWords } from '../../src/app/settings/nl.ts';

// The app's Dutch words: the first screen's (core.ts) and the packs of the screens the bench opens.
const nl = { ...core, ...activityWords, ...attendanceWords, ...settingsWords, ...patrolWords };
import { MAX_PULL_LIMIT, MAX_PUSH_MUTATIONS, SCHEMA_VERSION } from '../../src/domain/protocol.ts';
import { idFactory, newActivity } from '../fixtures/server-mutations.ts';
import { DEVICE_A, TENANT } from '../fixtures/fixed.ts';
import { ANDROID_PHONE_UA, launchBrowser, newDevice, signIn, startServer, type RunningServer } from '../e2e/harness.ts';
import { BuurtlogPage, COORDINATOR } from '../e2e/buurtlog-page.ts';
import { PatrolPage } from '../e2e/patrol-page.ts';
import { INITIAL_BUDGET_BYTES, INITIAL_GOAL_BYTES, initialBundleSize } from './bundle-size.ts';
import { benchPush } from './push.ts';
import { realisticWire, type WireFigures } from './wire.ts';
import { benchAbuse } from './abuse.ts';
import { MONITORING_ACTIVITIES, MONITORING_FINDINGS, benchMonitoring } from './monitoring.ts';
import { postgresProblem } from '../fixtures/postgres.ts';
import { startPipelineSite, type PipelineWindow } from '../fixtures/photos/pipeline-site.ts';
import { LIST_FINDINGS, measureListThumbnails } from './thumbnails.ts';
import {
  FAST_4G,
  FIRST_TIME_GOAL_MS,
  LIGHTHOUSE_GOAL,
  LIGHTHOUSE_RUNS,
  RETURNING_ACTIVITIES,
  RETURNING_GOAL_MS,
  STARTUP_RUNS,
  measureLighthouse,
  measureStartup,
} from './startup.ts';
import { CPU_SLOWDOWN, LIST_ACTIVITIES, LIST_FINDINGS_ON_DEVICE, LIST_OPEN_GOAL_MS, measureListOpen, type Timing } from './list-open.ts';

// The names of the app's performance measures (src/store/attendance-store.ts TAP_MEASURE,
// src/store/patrol-store.ts OBSERVATION_MEASURE, src/sync/engine.ts PULL_MEASURE),
// repeated here so this runner does not load Dexie into Node.
const TAP_MEASURE = 'buurtlog:tap-durable';
const OBSERVATION_MEASURE = 'buurtlog:observation-durable';
const PULL_MEASURE = 'buurtlog:pull';
const APP_DB = `buurtlog-${TENANT}`;
const RAW_CLICK_MEASURE = 'bench:raw-put-after-click';
const RAW_BUTTON = 'bench: raw put';
const RAW_OBSERVATION_MEASURE = 'bench:raw-observation-put-after-click';
const RAW_OBSERVATION_BUTTON = 'bench: raw observation put';
/** The buurtpreventie team of the seeded tenant the observation bench's volunteer is invited into. */
const PATROL_TEAM = 'buurtpreventie-oranjebuurt';
/** Marks put on the page's timeline by firstPullProbe. */
const SIGN_IN_CLICK_MARK = 'bench:sign-in-click';
const SETTINGS_MARK = 'bench:settings-shown';
/** The device the raw pull comparison signs in as (not the app's, not the seeding one). */
const RAW_PULL_DEVICE = 'bench-raw-pull-0001';

const TAPS = 200;
/** Observations saved with one tap each, back to the round screen between them (as a volunteer goes on walking). */
const OBSERVATION_TAPS = 100;
/** At most one observation a second: a tap, the saved observation's screen, back to the round (walkers log seconds apart at the least). */
const OBSERVATION_PACE_MS = 1_000;
/** One tap every 100 ms: ten a second, the pace CounterRow is built for (faster than a thumb at a door). */
const TAP_PACE_MS = 100;
const PULL_RECORDS = 10_000;
/** Issue 13: a first pull sent ~690 B a record as plain JSON; compressed, a tenth of that is the aim. */
const WIRE_GOAL_BYTES_PER_RECORD = 100;
const PUSH_COUNTS = [1_000, 10_000] as const;
const PG_GOAL_PER_S = 5_000;
const PG_URL = process.env['BENCH_DATABASE_URL'] ?? process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

type Verdict = 'PASS' | 'MISS' | 'NOT MEASURED' | 'ERROR';
const rows: Array<[string, string, string]> = [];
const goals: Array<{ verdict: Verdict; text: string }> = [];
let currentSection = 0;
const goalSection = new Map<object, number>();
const addGoal = (goal: { verdict: Verdict; text: string }): void => {
  goalSection.set(goal, currentSection);
  goals.push(goal);
};
const notes: string[] = [];
let failed = false;

const row = (what: string, figure: string, goal = ''): void => void rows.push([what, figure, goal]);
const section = (title: string): void => {
  currentSection = Number(/^\d+/.exec(title)?.[0]);
  rows.push([title, '', '']);
};
const ms = (value: number): string => (value < 10 ? `${value.toFixed(2)} ms` : value < 100 ? `${value.toFixed(1)} ms` : `${Math.round(value)} ms`);
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const int = (n: number): string => n.toLocaleString('en-US');

function stats(values: readonly number[]): { median: number; p95: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] as number };
}

/** `BENCH_ONLY=observation npm run bench` runs only the sections whose name holds one of the comma-separated words. */
const ONLY = (process.env['BENCH_ONLY'] ?? '').split(',').filter(Boolean);

async function guarded(name: string, goal: string, bench: () => Promise<void>): Promise<void> {
  if (ONLY.length > 0 && !ONLY.some((word) => name.includes(word))) return;
  try {
    await bench();
  } catch (error) {
    failed = true;
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    row(`  ${name}: could not run`, 'ERROR');
    addGoal({ verdict: 'ERROR', text: `${goal} — ${name} failed: ${message.split('\n')[0]}` });
    console.error(`\n${name} failed:\n${message}\n`);
  }
}

// 1 ─ initial download ────────────────────────────────────────────────────

function benchBundle(): void {
  section('1  Initial download (JS+CSS in index.html, gzip -9)');
  const size = initialBundleSize('dist');
  if (size.files.length === 0) throw new Error('dist/index.html references no JS or CSS: was the app built?');
  const total = size.totalGzipBytes;
  row(`  ${size.files.length} files`, kb(total), `goal ≤ ${kb(INITIAL_GOAL_BYTES)}, budget ≤ ${kb(INITIAL_BUDGET_BYTES)}`);
  for (const file of [...size.files].sort((a, b) => b.gzipBytes - a.gzipBytes)) row(`    ${file.file}`, kb(file.gzipBytes));
  const overBudget = total > INITIAL_BUDGET_BYTES;
  if (overBudget) failed = true;
  addGoal({
    verdict: total <= INITIAL_GOAL_BYTES ? 'PASS' : 'MISS',
    text: `initial download ≤ ${kb(INITIAL_GOAL_BYTES)}: ${kb(total)} (hard budget ${kb(INITIAL_BUDGET_BYTES)}: ${overBudget ? 'EXCEEDED' : 'kept'})`,
  });
}

// 4 ─ push throughput (runs before the browser, so nothing competes for the 2 cores) ─

async function benchPushes(): Promise<void> {
  section('4  Push throughput (app.request, batches of 500, fresh database)');
  const pgError = await postgresProblem(PG_URL);
  const pgRates: number[] = [];
  for (const dialect of ['sqlite', 'postgres'] as const) {
    if (dialect === 'postgres' && pgError !== null) {
      row(`  postgres: NOT MEASURED`, 'unreachable', `goal ≥ ${int(PG_GOAL_PER_S)}/s`);
      notes.push(`PostgreSQL at ${PG_URL.replace(/\/\/[^@/]*@/, '//…@')} is unreachable (${pgError}): its push throughput was not measured.`);
      continue;
    }
    for (const mutations of PUSH_COUNTS) {
      const { mutationsPerSecond, ms: took } = await benchPush({ dialect, mutations });
      if (dialect === 'postgres') pgRates.push(mutationsPerSecond);
      row(
        `  ${dialect.padEnd(8)} ${int(mutations).padStart(6)} mutations`,
        `${int(mutationsPerSecond)}/s`,
        `${int(took)} ms${dialect === 'postgres' ? `; goal ≥ ${int(PG_GOAL_PER_S)}/s` : ' (no goal)'}`,
      );
    }
  }
  addGoal(
    pgError !== null
      ? { verdict: 'NOT MEASURED', text: `push on PostgreSQL ≥ ${int(PG_GOAL_PER_S)} mutations/s — PostgreSQL unreachable` }
      : {
          verdict: pgRates.every((rate) => rate >= PG_GOAL_PER_S) ? 'PASS' : 'MISS',
          text: `push on PostgreSQL ≥ ${int(PG_GOAL_PER_S)} mutations/s: ${pgRates.map((rate, i) => `${int(PUSH_COUNTS[i] as number)} → ${int(rate)}/s`).join(', ')}`,
        },
  );
}

// 6 ─ abuse: a flood from one device against another tenant's pushes ──────

const ABUSE_GOAL_FACTOR = 2;

async function benchAbuseSection(): Promise<void> {
  section('6  Abuse: one device floods photos (~1.9 MB) and pushes (~1 MB), another tenant pushes 10 at a time (real server, SQLite, default limits)');
  const figures = await benchAbuse();
  const { baseline, flooded, flood } = figures;
  row('  other tenant alone      median', ms(baseline.median), '100 pushes of 10 activities');
  row('                          p95', ms(baseline.p95));
  row('  during the flood        median', ms(flooded.median), '100 pushes of 10 activities');
  row('                          p95', ms(flooded.p95), `goal ≤ ${ABUSE_GOAL_FACTOR} × alone (${ms(ABUSE_GOAL_FACTOR * baseline.p95)})`);
  row(
    '  flood requests',
    int(flood.requests),
    `${int(flood.megabytesSent)} MB sent; ${int(flood.accepted)} taken, ${int(flood.limited)} refused 429, ${int(flood.other)} other`,
  );
  addGoal({
    verdict: flooded.p95 <= ABUSE_GOAL_FACTOR * baseline.p95 ? 'PASS' : 'MISS',
    text: `push p95 under a flood ≤ ${ABUSE_GOAL_FACTOR} × alone: ${ms(flooded.p95)} vs ${ms(baseline.p95)} (${(flooded.p95 / baseline.p95).toFixed(2)} ×); the flood got ${int(flood.accepted)} of ${int(flood.requests)} requests through`,
  });
}

// 8 ─ monitoring: the dashboard's quarter view over 100,000 activities and 100,000 findings ─

const MONITORING_GOAL_MS = 200;

async function benchMonitoringSection(): Promise<void> {
  section(
    `8  Monitoring quarter view, ${int(MONITORING_ACTIVITIES)} activities + ${int(MONITORING_FINDINGS)} findings with history (computeMonitoring, fresh database)`,
  );
  const pgError = await postgresProblem(PG_URL);
  const verdicts: string[] = [];
  let missed = false;
  for (const dialect of ['sqlite', 'postgres'] as const) {
    if (dialect === 'postgres' && pgError !== null) {
      row('  postgres: NOT MEASURED', 'unreachable', `goal ≤ ${MONITORING_GOAL_MS} ms`);
      notes.push(`PostgreSQL at ${PG_URL.replace(/\/\/[^@/]*@/, '//…@')} is unreachable (${pgError}): the monitoring query was not measured there.`);
      missed = true;
      continue;
    }
    const f = await benchMonitoring(dialect);
    const ratio = f.quarter.median / f.count.median;
    row(`  ${dialect.padEnd(8)} seeded`, `${int(f.facts)} facts`, `${int(f.tags)} tags in ${(f.seedMs / 1000).toFixed(1)} s (bulk inserts)`);
    row(
      `  ${dialect.padEnd(8)} rollup filled`,
      `${int(f.rollupRows)} rows`,
      `in ${(f.rollupMs / 1000).toFixed(1)} s (migration 0012's backfill, from every fact)`,
    );
    row(`  ${dialect.padEnd(8)} quarter view  median`, ms(f.quarter.median), `goal ≤ ${MONITORING_GOAL_MS} ms; ${ratio.toFixed(1)} × COUNT(*)`);
    row('                         p95', ms(f.quarter.p95));
    row(`  ${dialect.padEnd(8)} professional (2 buurten) median`, ms(f.professional.median), `p95 ${ms(f.professional.p95)} (no goal)`);
    row(`  ${dialect.padEnd(8)} COUNT(*) same rows  median`, ms(f.count.median), `p95 ${ms(f.count.p95)}`);
    if (f.quarter.median > MONITORING_GOAL_MS) missed = true;
    verdicts.push(`${dialect} median ${ms(f.quarter.median)} (p95 ${ms(f.quarter.p95)}, ${ratio.toFixed(1)} × COUNT(*))`);
  }
  addGoal({
    verdict: pgError !== null ? 'NOT MEASURED' : missed ? 'MISS' : 'PASS',
    text: `monitoring quarter view ≤ ${MONITORING_GOAL_MS} ms: ${verdicts.join('; ')}`,
  });
}

// Servers and pages ───────────────────────────────────────────────────────

async function withServer<T>(use: (server: RunningServer) => Promise<T>): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), 'buurtlog-bench-'));
  // These sections measure speed, not abuse (section 6 keeps the default limits): room for 10,000 records at once.
  const server = await startServer({
    dataDir,
    env: { LIMIT_PUSH_MB_PER_DEVICE: '1000', LIMIT_PUSH_MB_PER_TENANT: '10000', LIMIT_PHOTO_MB_PER_DEVICE: '1000', LIMIT_PHOTO_MB_PER_TENANT: '10000' },
  });
  try {
    return await use(server);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const wait = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));

// 2 ─ tap → durable ───────────────────────────────────────────────────────

async function benchTap(browser: Awaited<ReturnType<typeof launchBrowser>>): Promise<void> {
  section(`2  Tap → durable, Chromium, phone context (${TAPS} taps, one per ${TAP_PACE_MS} ms)`);
  await withServer(async (server) => {
    const context = await newDevice(browser);
    try {
      // Privacy screen and sign-in as the seeded coordinator, then the list.
      const { page } = await BuurtlogPage.open(context, server.url, COORDINATOR);
      // Create an activity and open its attendance screen, as a user would.
      await page.getByRole('link', { name: nl['list.new'], exact: true }).click({ timeout: 30_000 });
      await page.getByLabel(nl['activity.buurt'], { exact: true }).selectOption({ index: 1 });
      await page.getByLabel(nl['activity.type'], { exact: true }).selectOption({ index: 1 });
      await page.getByLabel(nl['activity.title'], { exact: true }).fill('Koffieochtend (bench)');
      await page.getByLabel(nl['activity.start'], { exact: true }).fill('10:00');
      await page.getByRole('button', { name: nl['form.save'], exact: true }).click();
      await page.getByRole('link', { name: nl['detail.attendance'], exact: true }).click();
      const plus = page.getByRole('button', { name: nl['attendance.increment'].replace('{label}', nl['count.residents']), exact: true });
      await plus.waitFor();

      let pushes = 0;
      page.on('request', (request) => void (request.url().includes('/api/v1/sync/push') && pushes++));
      const tapRate = await pacedClicks(plus, TAPS);
      const pushesDuringTaps = pushes;
      await page.waitForFunction(([name, n]) => performance.getEntriesByName(name as string).length >= (n as number), [TAP_MEASURE, TAPS] as const, {
        timeout: 30_000,
      });
      const taps = await page.evaluate((name) => performance.getEntriesByName(name).map((entry) => entry.duration), TAP_MEASURE);
      if (taps.length !== TAPS) throw new Error(`expected ${TAPS} ${TAP_MEASURE} measures, found ${taps.length}`);
      // Let the sync that follows the last change finish before the raw runs.
      await wait(2_500);

      // The goal's reference: the same raw put started from a click handler,
      // like a tap — both measures run from inside the handler to the commit,
      // and Chromium completes a transaction begun in an input task only after
      // the frame it renders. A raw put from a timer loop is printed beside
      // it, as the floor of what IndexedDB itself takes.
      const raw = await rawTapPuts(page, TAPS, TAP_PACE_MS);
      await installRawPutButton(page);
      await pacedClicks(page.getByRole('button', { name: RAW_BUTTON, exact: true }), TAPS);
      await page.waitForFunction(([name, n]) => performance.getEntriesByName(name as string).length >= (n as number), [RAW_CLICK_MEASURE, TAPS] as const, {
        timeout: 30_000,
      });
      const rawClicks = await page.evaluate((name) => performance.getEntriesByName(name).map((entry) => entry.duration), RAW_CLICK_MEASURE);

      const tap = stats(taps);
      const put = stats(raw.durations);
      const clickPut = stats(rawClicks);
      const bound = 2 * clickPut.p95;
      row(`  app tap (click → bumpCount → commit)  median`, ms(tap.median), `${tapRate.toFixed(1)} taps/s achieved, ${pushesDuringTaps} pushes meanwhile`);
      row(`                                        p95`, ms(tap.p95), `goal ≤ 2 × click-started raw p95 = ${ms(bound)}`);
      row(`                                        max`, ms(tap.max));
      row(`  raw IDB put, timer loop, 1 tx each    median`, ms(put.median), `same record (${int(raw.bytes)} B JSON), separate DB`);
      row(`                                        p95`, ms(put.p95), 'floor: no input, no frame (context only)');
      row(`                                        max`, ms(put.max));
      row(`  raw IDB put, started by a click       median`, ms(clickPut.median), "same input path as a tap: the goal's reference");
      row(`                                        p95`, ms(clickPut.p95), `app p95 = ${(tap.p95 / clickPut.p95).toFixed(2)} × this`);
      addGoal({
        verdict: tap.p95 <= bound ? 'PASS' : 'MISS',
        text: `tap p95 ≤ 2 × raw put p95 (both started by a click): ${ms(tap.p95)} vs ${ms(bound)} (a raw put in a timer loop, with no input or frame: p95 ${ms(put.p95)})`,
      });
    } finally {
      await context.close();
    }
  });
}

/** Click `target` n times, one click started every TAP_PACE_MS; resolves to the clicks per second achieved. */
async function pacedClicks(target: Locator, n: number): Promise<number> {
  const began = Date.now();
  for (let i = 0; i < n; i++) {
    const due = began + i * TAP_PACE_MS;
    if (Date.now() < due) await wait(due - Date.now());
    await target.click();
  }
  return n / ((Date.now() - began) / 1000);
}

/**
 * One tap on an observation type on the round screen, saved with its time:
 * a volunteer invited into the buurtpreventie team starts a round and taps
 * "Open raam of deur" OBSERVATION_TAPS times, at most one a second, going
 * back to the round after each (the app opens the saved observation). The patrol store measures
 * from the call in the click handler to the commit; the reference is the
 * same raw put started by a click, of the saved observation record.
 */
async function benchObservationTap(browser: Awaited<ReturnType<typeof launchBrowser>>): Promise<void> {
  section(`2  Observation tap → durable, Chromium, phone context (${OBSERVATION_TAPS} taps on the round screen)`);
  await withServer(async (server) => {
    const token = await signIn(server);
    const response = await fetch(`${server.url}/api/v1/invites`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ teamId: PATROL_TEAM, displayName: 'Bench-vrijwilliger' }),
    });
    if (response.status !== 201) throw new Error(`invite answered ${response.status}: ${await response.text()}`);
    const { url } = (await response.json()) as { url: string };
    const context = await newDevice(browser, { userAgent: ANDROID_PHONE_UA });
    try {
      const phone = await BuurtlogPage.openInvite(context, server.url, url);
      const patrol = new PatrolPage(phone);
      await patrol.open();
      await patrol.start();
      const page = phone.page;
      const type = patrol.typeButton(nl['patrolType.openWindowOrDoor']);
      const back = page.getByRole('link', { name: nl['patrolObs.back'], exact: true });
      const began = Date.now();
      for (let i = 0; i < OBSERVATION_TAPS; i++) {
        const due = began + i * OBSERVATION_PACE_MS;
        if (Date.now() < due) await wait(due - Date.now());
        await type.click();
        await back.click();
        await type.waitFor();
      }
      const tapRate = OBSERVATION_TAPS / ((Date.now() - began) / 1000);
      await page.waitForFunction(
        ([name, n]) => performance.getEntriesByName(name as string).length >= (n as number),
        [OBSERVATION_MEASURE, OBSERVATION_TAPS] as const,
        {
          timeout: 30_000,
        },
      );
      const taps = await page.evaluate((name) => performance.getEntriesByName(name).map((entry) => entry.duration), OBSERVATION_MEASURE);
      if (taps.length !== OBSERVATION_TAPS) throw new Error(`expected ${OBSERVATION_TAPS} ${OBSERVATION_MEASURE} measures, found ${taps.length}`);
      // Let the sync that follows the last observation finish before the raw runs.
      await wait(2_500);

      await installRawPutButton(page, {
        recordType: 'safetyObservation',
        label: RAW_OBSERVATION_BUTTON,
        measure: RAW_OBSERVATION_MEASURE,
        rawDb: 'bench-raw-observation',
      });
      await pacedClicks(page.getByRole('button', { name: RAW_OBSERVATION_BUTTON, exact: true }), TAPS);
      await page.waitForFunction(
        ([name, n]) => performance.getEntriesByName(name as string).length >= (n as number),
        [RAW_OBSERVATION_MEASURE, TAPS] as const,
        {
          timeout: 30_000,
        },
      );
      const rawClicks = await page.evaluate((name) => performance.getEntriesByName(name).map((entry) => entry.duration), RAW_OBSERVATION_MEASURE);

      const tap = stats(taps);
      const clickPut = stats(rawClicks);
      const bound = 2 * clickPut.p95;
      row(`  app tap (click → addObservation → commit) median`, ms(tap.median), `${tapRate.toFixed(2)} observations/s (≤ 1/s, back to the round after each)`);
      row(`                                            p95`, ms(tap.p95), `goal ≤ 2 × click-started raw p95 = ${ms(bound)}`);
      row(`                                            max`, ms(tap.max));
      row(`  raw IDB put of the observation, by a click median`, ms(clickPut.median), `${TAPS} clicks, one per ${TAP_PACE_MS} ms: the goal's reference`);
      row(`                                            p95`, ms(clickPut.p95), `app p95 = ${(tap.p95 / clickPut.p95).toFixed(2)} × this`);
      addGoal({
        verdict: tap.p95 <= bound ? 'PASS' : 'MISS',
        text: `observation tap p95 ≤ 2 × raw put p95 (both started by a click): ${ms(tap.p95)} vs ${ms(bound)}`,
      });
    } finally {
      await context.close();
    }
  });
}

/**
 * A button, outside the app's root, whose click handler puts one of the
 * app's records of `recordType` (an attendance record unless told) into a
 * separate database in one readwrite transaction and measures from the
 * handler to `complete` (RAW_CLICK_MEASURE unless told).
 */
function installRawPutButton(
  page: Page,
  { recordType = 'attendance', label = RAW_BUTTON, measure = RAW_CLICK_MEASURE, rawDb = 'bench-raw-click' } = {},
): Promise<void> {
  return page.evaluate(
    async ({ appDb, recordType, label, measure, rawDb }) => {
      const request = <T>(req: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => ((req.onsuccess = () => resolve(req.result)), (req.onerror = () => reject(req.error))));
      const app = await request(indexedDB.open(appDb));
      const record = ((await request(app.transaction('records').objectStore('records').index('type').getAll(recordType))) as unknown[])[0];
      app.close();
      if (!record) throw new Error(`no ${recordType} record in the app database`);
      await request(indexedDB.deleteDatabase(rawDb));
      const open = indexedDB.open(rawDb, 1);
      open.onupgradeneeded = () => open.result.createObjectStore('records', { keyPath: 'id' }).createIndex('type', 'type');
      const db = await request(open);
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = label;
      button.style.cssText = 'position:fixed;left:8px;bottom:8px;z-index:2147483647;min-width:96px;min-height:48px';
      button.addEventListener('click', () => {
        const started = performance.now();
        const tx = db.transaction('records', 'readwrite');
        tx.objectStore('records').put(record);
        tx.oncomplete = () => void performance.measure(measure, { start: started, end: performance.now() });
      });
      document.body.append(button);
    },
    { appDb: APP_DB, recordType, label, measure, rawDb },
  );
}

/**
 * In the app's page: read the attendance record as the app stored it, then
 * put it into a separate database N times, one readwrite transaction each,
 * awaiting `complete`, at the same pace as the taps.
 */
function rawTapPuts(page: Page, n: number, paceMs: number): Promise<{ durations: number[]; bytes: number }> {
  return page.evaluate(
    async ({ appDb, n, paceMs }) => {
      const request = <T>(req: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => ((req.onsuccess = () => resolve(req.result)), (req.onerror = () => reject(req.error))));
      const app = await request(indexedDB.open(appDb));
      const attendance = (await request(app.transaction('records').objectStore('records').index('type').getAll('attendance'))) as Array<
        Record<string, unknown>
      >;
      app.close();
      const record = attendance[0];
      if (!record) throw new Error('no attendance record in the app database');

      await request(indexedDB.deleteDatabase('bench-raw-tap'));
      const open = indexedDB.open('bench-raw-tap', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('records', { keyPath: 'id' }).createIndex('type', 'type');
      const db = await request(open);
      const durations: number[] = [];
      const began = performance.now();
      for (let i = 0; i < n; i++) {
        const due = began + i * paceMs;
        if (performance.now() < due) await new Promise((resolve) => setTimeout(resolve, due - performance.now()));
        const started = performance.now();
        const tx = db.transaction('records', 'readwrite');
        tx.objectStore('records').put(record);
        await new Promise<void>((resolve, reject) => ((tx.oncomplete = () => resolve()), (tx.onerror = tx.onabort = () => reject(tx.error))));
        durations.push(performance.now() - started);
      }
      db.close();
      await request(indexedDB.deleteDatabase('bench-raw-tap'));
      return { durations, bytes: JSON.stringify(record).length };
    },
    { appDb: APP_DB, n, paceMs },
  );
}

// 3 ─ first pull of 10,000 records ────────────────────────────────────────

async function seedActivities(server: RunningServer, count: number): Promise<void> {
  // The mutations are stamped by DEVICE_A, and a push's deviceId must be the
  // token's device: sign that device in as the seeded coordinator.
  const token = await signIn(server, { deviceId: DEVICE_A });
  const ids = idFactory(0x9011);
  const today = Date.now();
  for (let done = 0; done < count; done += MAX_PUSH_MUTATIONS) {
    const mutations = Array.from({ length: Math.min(MAX_PUSH_MUTATIONS, count - done) }, (_, k) => {
      const i = done + k;
      // Years of history: nearly all in the past, one in a hundred in the coming weeks.
      const day = i % 100 === 0 ? (i / 100) % 60 : -1 - (i % 1_800);
      const date = new Date(today + day * 86_400_000).toISOString().slice(0, 10);
      return newActivity(ids, ids(), { device: DEVICE_A }, { title: `Activiteit ${i + 1}`, date, start: `${String(9 + (i % 10)).padStart(2, '0')}:00` });
    });
    const response = await fetch(`${server.url}/api/v1/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ schemaVersion: SCHEMA_VERSION, deviceId: DEVICE_A, mutations }),
    });
    if (response.status !== 200) throw new Error(`seed push answered ${response.status}: ${await response.text()}`);
    const { results } = (await response.json()) as { results: Array<{ status: string }> };
    const notApplied = results.filter((result) => result.status !== 'applied').length;
    if (notApplied > 0) throw new Error(`seed push: ${notApplied} mutations not applied`);
  }
}

type FirstPull = {
  /** Sign-in click → the end of the first pull (every record in IndexedDB). */
  clickToDone: number;
  /** Sign-in click → the start of the pull: the sign-in call, opening the store, the app's first render, loading the sync code. */
  clickToPull: number;
  /** The engine's PULL_MEASURE: the whole pull, every page fetched and stored. */
  pull: number;
  pulled: number;
  stored: number;
  /** Only when the settings screen was opened: how far into the pull it replaced the list. */
  settingsIntoPull: number | null;
};

/**
 * Runs in every page of a first-pull device before the app's scripts: marks
 * the click on the sign-in form's submit button at the click event's own
 * time stamp (so time the event waited in the page counts), and the moment
 * the hash becomes the settings screen.
 */
function firstPullProbe({ clickMark, settingsMark }: { clickMark: string; settingsMark: string }): void {
  addEventListener(
    'click',
    (event) => {
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest('form button[type="submit"]')?.closest('form')?.querySelector('input[type="password"]')) {
        performance.mark(clickMark, { startTime: event.timeStamp });
      }
    },
    { capture: true },
  );
  addEventListener('hashchange', () => {
    if (location.hash === '#/instellingen') performance.mark(settingsMark);
  });
}

/**
 * A fresh device opens the app, reads the privacy screen and signs in as the
 * coordinator (the e2e page model's gate), lands on the list, and — with
 * `openSettings` — taps "Instellingen" in the bottom navigation as soon as
 * the list shows. Then waits for the end of its first pull and checks that
 * every activity arrived.
 */
async function appFirstPull(browser: Awaited<ReturnType<typeof launchBrowser>>, server: RunningServer, opts: { openSettings: boolean }): Promise<FirstPull> {
  const context = await newDevice(browser);
  try {
    await context.addInitScript(firstPullProbe, { clickMark: SIGN_IN_CLICK_MARK, settingsMark: SETTINGS_MARK });
    const { page } = await BuurtlogPage.open(context, server.url, COORDINATOR);
    if (opts.openSettings) {
      await page.getByRole('navigation', { name: nl['nav.label'], exact: true }).getByRole('link', { name: nl['nav.settings'], exact: true }).click();
      await page.getByRole('heading', { level: 1, name: nl['settings.title'], exact: true }).waitFor({ timeout: 30_000 });
    }
    const app = await page.evaluate(
      async ({ name, clickMark, settingsMark, appDb, timeoutMs }) => {
        const entry = await new Promise<PerformanceMeasure>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no ${name} measure within ${timeoutMs} ms`)), timeoutMs);
          const observer = new PerformanceObserver((list) => {
            const found = list.getEntriesByName(name)[0] as PerformanceMeasure | undefined;
            if (!found) return;
            clearTimeout(timer);
            observer.disconnect();
            resolve(found);
          });
          observer.observe({ type: 'measure', buffered: true });
        });
        const clicks = performance.getEntriesByName(clickMark, 'mark');
        const clicked = clicks[clicks.length - 1];
        if (!clicked) throw new Error('the sign-in click was not marked');
        const settings = performance.getEntriesByName(settingsMark, 'mark')[0];
        const request = <T>(req: IDBRequest<T>) =>
          new Promise<T>((resolve, reject) => ((req.onsuccess = () => resolve(req.result)), (req.onerror = () => reject(req.error))));
        const db = await request(indexedDB.open(appDb));
        const stored = await request(db.transaction('records').objectStore('records').index('type').count('activity'));
        db.close();
        return {
          clickToDone: entry.startTime + entry.duration - clicked.startTime,
          clickToPull: entry.startTime - clicked.startTime,
          pull: entry.duration,
          pulled: (entry.detail as { records: number }).records,
          stored,
          settingsIntoPull: settings ? settings.startTime - entry.startTime : null,
        };
      },
      { name: PULL_MEASURE, clickMark: SIGN_IN_CLICK_MARK, settingsMark: SETTINGS_MARK, appDb: APP_DB, timeoutMs: 120_000 },
    );
    const variant = opts.openSettings ? 'opened on settings' : 'on the list';
    if (app.stored !== PULL_RECORDS) throw new Error(`${variant}: the app stored ${app.stored} activities after its first pull, expected ${PULL_RECORDS}`);
    if (opts.openSettings && app.settingsIntoPull === null) throw new Error(`${variant}: the settings screen was not marked`);
    return app;
  } finally {
    await context.close();
  }
}

async function benchPull(browser: Awaited<ReturnType<typeof launchBrowser>>): Promise<void> {
  section(`3  First pull of ${int(PULL_RECORDS)} activities into a fresh device (Chromium, SQLite server)`);
  await withServer(async (server) => {
    const seedStarted = performance.now();
    await seedActivities(server, PULL_RECORDS);
    const seedMs = performance.now() - seedStarted;

    // The app on a fresh device: from the sign-in click to the end of its first pull.
    const app = await appFirstPull(browser, server, { openSettings: false });
    // For context: the same, with the settings screen opened as soon as the list shows.
    const appSettings = await appFirstPull(browser, server, { openSettings: true });

    // The same pages fetched alone, then put raw, in a page that does not run the app
    // (a same-origin JSON response, so fetch needs no CORS), signed in as another device
    // of the same coordinator: the same records.
    const token = await signIn(server, { deviceId: RAW_PULL_DEVICE });
    const rawContext = await newDevice(browser);
    let raw: { network: number; put: number; pages: number; records: number; bytes: number; wire: number; decoded: number };
    try {
      const page = await rawContext.newPage();
      await page.goto(`${server.url}/api/v1/health`);
      raw = await page.evaluate(
        async ({ token, limit }) => {
          const request = <T>(req: IDBRequest<T>) =>
            new Promise<T>((resolve, reject) => ((req.onsuccess = () => resolve(req.result)), (req.onerror = () => reject(req.error))));
          const headers = { authorization: `Bearer ${token}` };
          const pages: Array<Array<Record<string, unknown>>> = [];
          let bytes = 0;
          const fetchStarted = performance.now();
          let cursor = '0';
          for (let i = 0; i < 1_000; i++) {
            const response = await fetch(`/api/v1/sync/pull?cursor=${encodeURIComponent(cursor)}&limit=${limit}`, { headers });
            const text = await response.text();
            if (response.status !== 200) throw new Error(`raw pull answered ${response.status}: ${text.slice(0, 300)}`);
            bytes += text.length;
            const page = JSON.parse(text) as { records: Array<Record<string, unknown>>; cursor: string; hasMore: boolean };
            pages.push(page.records);
            if (!page.hasMore || page.cursor === cursor) break;
            cursor = page.cursor;
          }
          const network = performance.now() - fetchStarted;
          // What crossed the wire (the body as sent, compressed) against what it decodes to: resource timing, same origin.
          const timings = performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/api/v1/sync/pull')) as PerformanceResourceTiming[];
          const wire = timings.reduce((sum, entry) => sum + entry.encodedBodySize, 0);
          const decoded = timings.reduce((sum, entry) => sum + entry.decodedBodySize, 0);

          await request(indexedDB.deleteDatabase('bench-raw-pull'));
          const open = indexedDB.open('bench-raw-pull', 1);
          open.onupgradeneeded = () => open.result.createObjectStore('records', { keyPath: 'id' }).createIndex('type', 'type');
          const db = await request(open);
          const putStarted = performance.now();
          for (const records of pages) {
            const tx = db.transaction('records', 'readwrite');
            const store = tx.objectStore('records');
            // As the app stores a pulled record: the wire record plus onServer.
            for (const record of records)
              store.put({
                id: record['id'],
                type: record['type'],
                tenantId: record['tenantId'],
                fields: record['fields'],
                counters: record['counters'],
                onServer: true,
              });
            await new Promise<void>((resolve, reject) => ((tx.oncomplete = () => resolve()), (tx.onerror = tx.onabort = () => reject(tx.error))));
          }
          const put = performance.now() - putStarted;
          db.close();
          await request(indexedDB.deleteDatabase('bench-raw-pull'));
          return { network, put, pages: pages.length, records: pages.reduce((sum, records) => sum + records.length, 0), bytes, wire, decoded };
        },
        { token, limit: MAX_PULL_LIMIT },
      );
    } finally {
      await rawContext.close();
    }
    // The same first pull's bytes with records as varied as real ones, in the other tenant, read raw off the socket.
    const wire: WireFigures = await realisticWire(server, PULL_RECORDS);
    if (raw.records !== app.pulled) notes.push(`First pull: the app pulled ${int(app.pulled)} records, the raw comparison fetched ${int(raw.records)}.`);
    const settingsAt = appSettings.settingsIntoPull as number;
    if (settingsAt > appSettings.pull)
      notes.push(
        `First pull, settings variant: the settings screen opened only after the pull had ended (${ms(settingsAt)} into a ${ms(appSettings.pull)} pull): the list was on screen throughout.`,
      );

    const bound = 2 * raw.put + raw.network;
    row(`  seed: ${int(PULL_RECORDS)} activities over HTTP push`, ms(seedMs), 'setup, no goal');
    row(`  app: sign-in click → all in IndexedDB`, ms(app.clickToDone), `goal ≤ 2 × raw put + network = ${ms(bound)}`);
    row(`       of which sign-in + start-up (click → pull)`, ms(app.clickToPull), 'sign-in call, store, first render, sync code');
    row(`       of which the pull (${int(app.pulled)} records)`, ms(app.pull), `the engine's ${PULL_MEASURE} measure`);
    row(
      `  same, settings tapped once the list shows`,
      ms(appSettings.clickToDone),
      `pull alone ${ms(appSettings.pull)}; settings on screen ${ms(settingsAt)} into the pull (context only)`,
    );
    row(
      `  network alone: fetch + parse ${raw.pages} pages`,
      ms(raw.network),
      `${int(raw.records)} records, ${(raw.bytes / 1024 / 1024).toFixed(1)} MB JSON, limit ${MAX_PULL_LIMIT}`,
    );
    row(
      `  wire, these records: uncompressed`,
      `${int(Math.round(raw.decoded / raw.records))} B/rec`,
      `${(raw.decoded / 1024 / 1024).toFixed(2)} MB (what the API sent before issue 13); records alike, so they compress unrealistically well:`,
    );
    row(`                      brotli (Chromium)`, `${int(Math.round(raw.wire / raw.records))} B/rec`, `${(raw.wire / 1024 / 1024).toFixed(2)} MB`);
    row(
      `  wire, ${int(wire.records)} realistic activities (wire.ts): uncompressed`,
      `${int(Math.round(wire.identity / wire.records))} B/rec`,
      `${(wire.identity / 1024 / 1024).toFixed(2)} MB in ${wire.pages} pages; every form field, random ids, own stamps`,
    );
    row(`                      gzip`, `${int(Math.round(wire.gzip / wire.records))} B/rec`, `${(wire.identity / wire.gzip).toFixed(1)} × smaller`);
    row(
      `                      brotli`,
      `${int(Math.round(wire.br / wire.records))} B/rec`,
      `${(wire.identity / wire.br).toFixed(1)} × smaller; goal ≤ ${WIRE_GOAL_BYTES_PER_RECORD} B/rec`,
    );
    row(`  raw IndexedDB put, 1 tx per page`, ms(raw.put));
    row(`  network + raw put`, ms(raw.network + raw.put));
    addGoal({
      verdict: wire.br / wire.records <= WIRE_GOAL_BYTES_PER_RECORD ? 'PASS' : 'MISS',
      text: `first pull compressed ≤ ${WIRE_GOAL_BYTES_PER_RECORD} B a record on the wire (realistic activities): brotli ${int(Math.round(wire.br / wire.records))} B, gzip ${int(Math.round(wire.gzip / wire.records))} B, uncompressed ${int(Math.round(wire.identity / wire.records))} B`,
    });
    addGoal({
      verdict: app.clickToDone <= bound ? 'PASS' : 'MISS',
      text: `first pull ≤ 2 × raw put + network: ${ms(app.clickToDone)} from the sign-in click (pull alone ${ms(app.pull)}) vs ${ms(bound)}`,
    });
  });
}

// 5 ─ photo pipeline ──────────────────────────────────────────────────────

const PHOTO_RUNS = 5;
const PHOTO_GOAL_MS = 300;
const PHOTO_GOAL_BYTES = 300 * 1024;
const CAMERA = { width: 4000, height: 3000, quality: 0.92 };

/**
 * The Vite-built pipeline (tests/fixtures/photos/pipeline-site.ts) in a page:
 * a 12 MP JPEG made in the page as a camera would write it — gradients,
 * shapes and sensor noise at quality 0.92, ~3 MB — processed by
 * createPhotoProcessor() in its worker with the defaults (1600 px, JPEG 0.8),
 * timed from process() to the result (decode, draw, encode, SHA-256, both
 * postMessage hops). One cold run first (worker start-up), then the median.
 */
/**
 * In the page: make the camera JPEG, then time the pipeline on it in its
 * worker (one cold run, then `runs`). Passed to each engine as source.
 */
const measurePhotoPipeline = async ({ runs, camera }: { runs: number; camera: typeof CAMERA }) => {
  const { width: w, height: h } = camera;
  const canvas = new OffscreenCanvas(w, h);
  const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
  let seed = 0x5c0ffee;
  const random = () => (seed = (Math.imul(seed, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32;
  const sky = ctx.createLinearGradient(0, 0, w, h);
  sky.addColorStop(0, '#7fb2e5');
  sky.addColorStop(0.5, '#9dbf7a');
  sky.addColorStop(1, '#5b4b3a');
  ctx.fillStyle = sky;
  ctx.fillRect(0, 0, w, h);
  for (let i = 0; i < 400; i++) {
    ctx.fillStyle = `hsl(${random() * 360} ${30 + random() * 40}% ${25 + random() * 50}%)`;
    ctx.beginPath();
    ctx.ellipse(random() * w, random() * h, 20 + random() * 300, 20 + random() * 200, random() * Math.PI, 0, 2 * Math.PI);
    ctx.fill();
  }
  const pixels = ctx.getImageData(0, 0, w, h);
  for (let i = 0; i < pixels.data.length; i += 4) {
    const noise = (random() - 0.5) * 16;
    pixels.data[i] = (pixels.data[i] as number) + noise;
    pixels.data[i + 1] = (pixels.data[i + 1] as number) + noise;
    pixels.data[i + 2] = (pixels.data[i + 2] as number) + noise;
  }
  ctx.putImageData(pixels, 0, 0);
  const file = await canvas.convertToBlob({ type: 'image/jpeg', quality: camera.quality });
  canvas.width = canvas.height = 0;

  const processor = (window as unknown as PipelineWindow).buurtlogPhotos.createPhotoProcessor();
  try {
    const where = await processor.where;
    const timed = async () => {
      const started = performance.now();
      const photo = await processor.process(file);
      return { ms: performance.now() - started, bytes: photo.bytes, width: photo.width, height: photo.height };
    };
    const cold = await timed();
    const measured = [];
    for (let i = 0; i < runs; i++) measured.push(await timed());
    return { where, inputBytes: file.size, cold, measured };
  } finally {
    processor.dispose();
  }
};

type PhotoRun = { ms: number; bytes: number; width: number; height: number };

/** The same measurement in Chromium, Firefox ESR and WebKitGTK (through tests/engines/drivers.ts); the goal is Chromium's. */
async function benchPhoto(): Promise<void> {
  section(`5  Photo: 12 MP camera JPEG → stored photo, in the worker, per engine (median of ${PHOTO_RUNS})`);
  const site = await startPipelineSite();
  try {
    for (const engine of ENGINES) {
      const browser = await launchEngine(engine);
      try {
        const tab = await browser.newTab();
        await tab.goto(site.url);
        const deadline = Date.now() + 30_000;
        while ((await tab.run<string>('() => document.title')) !== 'ready') {
          if (Date.now() > deadline) throw new Error(`${engine}: the pipeline page did not get ready`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        const result = await tab.run<{ where: string; inputBytes: number; cold: PhotoRun; measured: PhotoRun[] }>(measurePhotoPipeline.toString(), {
          runs: PHOTO_RUNS,
          camera: CAMERA,
        });
        if (result.where !== 'worker') throw new Error(`${engine}: the pipeline ran on the ${result.where}, not in its worker`);
        const time = stats(result.measured.map((run) => run.ms));
        const size = stats(result.measured.map((run) => run.bytes));
        const out = result.measured[0] as PhotoRun;
        row(`  ${engine}`, '', '');
        row(
          `    input: ${CAMERA.width}×${CAMERA.height} JPEG, quality ${CAMERA.quality}`,
          `${(result.inputBytes / 1024 / 1024).toFixed(2)} MB`,
          'made in the page: gradients, shapes, sensor noise',
        );
        row(`    process() → stored photo  median`, ms(time.median), engine === 'chromium' ? `goal ≤ ${PHOTO_GOAL_MS} ms` : 'context');
        row(`                              max`, ms(time.max), `${PHOTO_RUNS} runs`);
        row(`    first run (worker start-up)`, ms(result.cold.ms), 'context only');
        row(`    output: ${out.width}×${out.height}`, kb(size.median), engine === 'chromium' ? `goal ≤ ${kb(PHOTO_GOAL_BYTES)}` : 'context');
        if (engine === 'chromium')
          addGoal({
            verdict: time.median <= PHOTO_GOAL_MS && size.median <= PHOTO_GOAL_BYTES ? 'PASS' : 'MISS',
            text: `12 MP photo ≤ ${kb(PHOTO_GOAL_BYTES)} and ≤ ${PHOTO_GOAL_MS} ms: ${kb(size.median)}, ${ms(time.median)} (median of ${PHOTO_RUNS}, in the worker)`,
          });
      } finally {
        await browser.close();
      }
    }
  } finally {
    await site.stop();
  }
}

// 7 ─ thumbnails made once ───────────────────────────────────────────────

const LIST_GOAL_BYTES = 1024 * 1024;

async function benchThumbnails(browser: Awaited<ReturnType<typeof launchBrowser>>): Promise<void> {
  section(`7  Thumbnails: photo bytes a list of ${LIST_FINDINGS} findings of another phone downloads (Chromium, SQLite server)`);
  const figures = await withServer(async (server) => measureListThumbnails(browser, server));
  row('  stored photo (pipeline, 2000×1500 input)  median', kb(figures.photoMedian));
  row('  its thumbnail (made by the taking phone)  median', kb(figures.thumbnailMedian), '≤ 320 px WebP');
  row(`  list, records with thumbnails`, kb(figures.withThumbnails.bytes), `${figures.withThumbnails.requests} GETs; goal ≤ ${kb(LIST_GOAL_BYTES)}`);
  row(`  list, older records (no thumbnail)`, kb(figures.withoutThumbnails.bytes), `${figures.withoutThumbnails.requests} GETs: full photos, as before`);
  addGoal({
    verdict: figures.withThumbnails.bytes <= LIST_GOAL_BYTES ? 'PASS' : 'MISS',
    text: `a list of ${LIST_FINDINGS} findings downloads ≤ ${kb(LIST_GOAL_BYTES)} of photos: ${kb(figures.withThumbnails.bytes)} (older records without thumbnails: ${kb(figures.withoutThumbnails.bytes)})`,
  });
}

// 9 ─ list open with a year of a municipality on the phone ─────────────────

async function benchListOpen(browser: Awaited<ReturnType<typeof launchBrowser>>): Promise<void> {
  section(
    `9  List open: ${int(LIST_ACTIVITIES)} activities and ${int(LIST_FINDINGS_ON_DEVICE)} findings on the phone (Chromium, ${CPU_SLOWDOWN}× CPU slowdown, route change → first row)`,
  );
  const figures = await withServer(async (server) => measureListOpen(browser, server));
  const spread = (timing: Timing) => `max ${ms(timing.max)}; each ${timing.all.map((value) => Math.round(value)).join(', ')}`;
  row('  records put straight into IndexedDB (no slowdown)', ms(figures.seedMs));
  const lists = [
    ['activity list, upcoming', figures.upcoming],
    ['activity list, past', figures.past],
    [`open findings of one buurt (${int(figures.findings.open)} open)`, figures.findings],
  ] as const;
  for (const [name, list] of lists) {
    row(`  ${name}  median`, ms(list.app.median), `${spread(list.app)}; goal ≤ ${LIST_OPEN_GOAL_MS} ms; shows "${list.countText}"`);
    row('    the same read in Dexie alone (rows + counts)  median', ms(list.raw.median), spread(list.raw));
    addGoal({
      verdict: list.app.median <= LIST_OPEN_GOAL_MS ? 'PASS' : 'MISS',
      text: `${name} opens ≤ ${LIST_OPEN_GOAL_MS} ms at ${CPU_SLOWDOWN}× slowdown: median ${ms(list.app.median)}, max ${ms(list.app.max)} (Dexie alone ${ms(list.raw.median)})`,
    });
  }
  row('  before: every activity read (Dexie alone)', ms(figures.before.activitiesMs), 'what the list read before the indexes, before parsing');
  row('  before: every finding read (Dexie alone)', ms(figures.before.findingsMs), 'what a buurt’s findings read before');
}

// 10 ─ start-up on a phone's budget ───────────────────────────────────────

async function benchStartup(browser: Awaited<ReturnType<typeof launchBrowser>>): Promise<void> {
  const mbit = (bytesPerSecond: number) => ((bytesPerSecond * 8) / 1024 / 1024).toFixed(1);
  section(
    `10 Start-up: ${CPU_SLOWDOWN}× CPU slowdown, "Fast 4G" (${FAST_4G.latency} ms RTT, ${mbit(FAST_4G.downloadThroughput)}/${mbit(FAST_4G.uploadThroughput)} Mbit/s), ${STARTUP_RUNS} fresh pages each (Chromium, SQLite server)`,
  );
  const { figures, lighthouse } = await withServer(async (server) => {
    await seedActivities(server, RETURNING_ACTIVITIES);
    return { figures: await measureStartup(browser, server), lighthouse: await measureLighthouse(server) };
  });
  const spread = (timing: Timing) => `max ${ms(timing.max)}; each ${timing.all.map((value) => Math.round(value)).join(', ')}`;
  const { firstTime, returning, coverage } = figures;
  row('  first-time user: navigation → privacy screen interactive  median', ms(firstTime.privacy.median), spread(firstTime.privacy));
  row('    "Ik heb dit gelezen" click → sign-in form interactive  median', ms(firstTime.signIn.median), spread(firstTime.signIn));
  row('    together: the wait for the sign-in screen  median', ms(firstTime.total.median), `${spread(firstTime.total)}; goal ≤ ${ms(FIRST_TIME_GOAL_MS)}`);
  row('    FCP / LCP  median', `${ms(firstTime.fcp.median)} / ${ms(firstTime.lcp.median)}`, `LCP ${spread(firstTime.lcp)}`);
  row('    TBT (FCP → privacy screen interactive)  median', ms(firstTime.tbt.median), spread(firstTime.tbt));
  const percent = (part: number, whole: number) => `${Math.round((100 * part) / whole)} %`;
  const total = coverage.scripts.reduce((sum, script) => ({ bytes: sum.bytes + script.bytes, unused: sum.unused + script.unusedBytes }), {
    bytes: 0,
    unused: 0,
  });
  row(
    `  first load's JS never run (to privacy interactive): ${coverage.scripts.length} scripts`,
    kb(total.unused),
    `of ${kb(total.bytes)} uncompressed (${percent(total.unused, total.bytes)})`,
  );
  const entry = coverage.entry;
  row(
    `    entry chunk ${entry.file}`,
    kb(entry.unusedBytes),
    `of ${kb(entry.bytes)} (${percent(entry.unusedBytes, entry.bytes)}); ${kb(entry.gzipBytes)} gzip, so ≈ ${kb((entry.gzipBytes * entry.unusedBytes) / entry.bytes)} gzip unused`,
  );
  for (const script of coverage.scripts.filter((script) => script.file !== entry.file).sort((a, b) => b.unusedBytes - a.unusedBytes))
    row(`    ${script.file}`, kb(script.unusedBytes), `of ${kb(script.bytes)} (${percent(script.unusedBytes, script.bytes)})`);
  row(
    `  returning user (${RETURNING_ACTIVITIES} activities, service worker): navigation → list interactive  median`,
    ms(returning.list.median),
    `${spread(returning.list)}; goal ≤ ${ms(RETURNING_GOAL_MS)}`,
  );
  row('    FCP / LCP  median', `${ms(returning.fcp.median)} / ${ms(returning.lcp.median)}`, `LCP ${spread(returning.lcp)}`);
  row('    TBT (FCP → list interactive)  median', ms(returning.tbt.median), spread(returning.tbt));
  row(
    `  Lighthouse mobile performance, start page  median`,
    String(lighthouse.score.median),
    `goal ≥ ${LIGHTHOUSE_GOAL}; ${LIGHTHOUSE_RUNS} runs: ${lighthouse.runs.map((run) => run.score).join(', ')} (its simulated slow 4G, 4× CPU)`,
  );
  for (const [n, run] of lighthouse.runs.entries())
    row(
      `    run ${n + 1}`,
      String(run.score),
      `FCP ${ms(run.fcp)}, LCP ${ms(run.lcp)}, TBT ${ms(run.tbt)}, unused JS ${kb(run.unusedJsBytes)} (Lighthouse's estimate, transfer bytes)`,
    );
  addGoal({
    verdict: firstTime.total.median <= FIRST_TIME_GOAL_MS ? 'PASS' : 'MISS',
    text: `first-time user reaches the sign-in screen ≤ ${ms(FIRST_TIME_GOAL_MS)} (${CPU_SLOWDOWN}× CPU, Fast 4G): median ${ms(firstTime.total.median)}, max ${ms(firstTime.total.max)} (privacy screen ${ms(firstTime.privacy.median)} + sign-in form ${ms(firstTime.signIn.median)}); LCP ${ms(firstTime.lcp.median)}, TBT ${ms(firstTime.tbt.median)}`,
  });
  addGoal({
    verdict: returning.list.median <= RETURNING_GOAL_MS ? 'PASS' : 'MISS',
    text: `returning user reaches an interactive activity list ≤ ${ms(RETURNING_GOAL_MS)} (${CPU_SLOWDOWN}× CPU, Fast 4G): median ${ms(returning.list.median)}, max ${ms(returning.list.max)}; LCP ${ms(returning.lcp.median)}, TBT ${ms(returning.tbt.median)}`,
  });
  addGoal({
    verdict: lighthouse.score.median >= LIGHTHOUSE_GOAL ? 'PASS' : 'MISS',
    text: `Lighthouse mobile performance ≥ ${LIGHTHOUSE_GOAL} on the start page: median ${lighthouse.score.median} of ${LIGHTHOUSE_RUNS} (${lighthouse.runs.map((run) => run.score).join(', ')})`,
  });
}

// Run ─────────────────────────────────────────────────────────────────────

const started = performance.now();
console.log(`Buurtlog bench — Node ${process.version}, ${cpus().length} CPUs, Chromium at ${process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'}\n`);

await guarded('initial download', `initial download ≤ ${kb(INITIAL_GOAL_BYTES)}`, async () => benchBundle());
await guarded('push throughput', `push on PostgreSQL ≥ ${int(PG_GOAL_PER_S)} mutations/s`, benchPushes);
await guarded('monitoring', `monitoring quarter view ≤ ${MONITORING_GOAL_MS} ms`, benchMonitoringSection);
await guarded('abuse', `push p95 under a flood ≤ ${ABUSE_GOAL_FACTOR} × alone`, benchAbuseSection);
const browser = await launchBrowser();
try {
  console.log(`Chromium ${browser.version()}`);
  await guarded('tap → durable', 'tap p95 ≤ 2 × raw put p95', () => benchTap(browser));
  await guarded('observation tap → durable', 'observation tap p95 ≤ 2 × raw put p95', () => benchObservationTap(browser));
  await guarded('first pull', 'first pull ≤ 2 × raw put + network', () => benchPull(browser));
  await guarded('photo pipeline', `12 MP photo ≤ ${kb(PHOTO_GOAL_BYTES)} and ≤ ${PHOTO_GOAL_MS} ms`, benchPhoto);
  await guarded('thumbnails', `a list of ${LIST_FINDINGS} findings downloads ≤ ${kb(LIST_GOAL_BYTES)} of photos`, () => benchThumbnails(browser));
  await guarded('list open', `lists open ≤ ${LIST_OPEN_GOAL_MS} ms`, () => benchListOpen(browser));
  await guarded('start-up', `start-up ≤ ${ms(RETURNING_GOAL_MS)} / ${ms(FIRST_TIME_GOAL_MS)}, Lighthouse ≥ ${LIGHTHOUSE_GOAL}`, () => benchStartup(browser));
} finally {
  await browser.close();
}

// Sections in the order 1, 2, 3, … 10, whatever order they ran in.
const order = (title: string) => Number(/^(\d+)\s/.exec(title)?.[1] ?? 0);
const blocks: Array<{ key: number; lines: Array<[string, string, string]> }> = [];
for (const line of rows) {
  if (/^\d+\s/.test(line[0])) blocks.push({ key: order(line[0]), lines: [line] });
  else blocks[blocks.length - 1]?.lines.push(line);
}
const sorted = blocks.sort((a, b) => a.key - b.key).flatMap((block) => block.lines);
const width = Math.max(...sorted.filter((line) => !/^\d+\s/.test(line[0])).map((line) => line[0].length)) + 2;
console.log(`\n${'measurement'.padEnd(width)}${'figure'.padStart(12)}   goal / budget / note`);
console.log('─'.repeat(width + 12 + 40));
for (const [what, figure, goal] of sorted) {
  if (/^\d+\s/.test(what)) console.log(`\n${what}`);
  else console.log(`${what.padEnd(width)}${figure.padStart(12)}   ${goal}`);
}
console.log('\nGoals');
for (const goal of goals.sort((a, b) => (goalSection.get(a) ?? 0) - (goalSection.get(b) ?? 0))) console.log(`  ${goal.verdict.padEnd(12)} ${goal.text}`);
for (const note of notes) console.log(`\nNote: ${note}`);
console.log(`\nbench took ${((performance.now() - started) / 1000).toFixed(0)} s`);
if (failed) process.exitCode = 1;
