/**
 * Live when online (issue 13): two phones online, each on its own server
 * process, both processes on one PostgreSQL database. A count tapped on one
 * phone shows on the other within 2 s (p95 over 20 taps): push → NOTIFY →
 * the other process pokes its stream → that phone pulls.
 *
 * Then the event stream is blocked (every request to it aborted): the count
 * does not arrive by itself any more, and the 60 s timer still brings it. The
 * phone's clock is Playwright's (installed before the app loads, time running
 * as usual); jumping it a minute ahead fires the timer at once instead of
 * waiting for it.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresProblem } from '../fixtures/postgres.ts';
import { BuurtlogPage } from './buurtlog-page.ts';
import { launchBrowser, newDevice, startServer, type RunningServer } from './harness.ts';
import type { Browser } from 'playwright-core';

const PG_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const pgProblem = await postgresProblem(PG_URL);
if (pgProblem !== null) {
  if (process.env['CI'] === 'true') throw new Error(`PostgreSQL is not reachable at ${PG_URL} (${pgProblem}); CI requires the live e2e test.`);
  console.warn(`\n!! PostgreSQL is not reachable at ${PG_URL} (${pgProblem}): SKIPPING the live e2e test. CI will not skip it.\n`);
}

const TAPS = 20;
const GOAL_P95_MS = 2_000;
const TITLE = 'Taalcafé Oranjebuurt (live)';

describe.skipIf(pgProblem !== null)('live: two phones on two server processes over PostgreSQL', () => {
  const schema = `buurtlog_e2e_live_${process.pid}_${Date.now().toString(36)}`;
  let servers: RunningServer[] = [];
  let browser: Browser;

  beforeAll(async () => {
    const env = { DATABASE_URL: PG_URL, DATABASE_SCHEMA: schema };
    // One after the other: the first migrates and seeds the fresh schema.
    servers.push(await startServer({ env }));
    servers.push(await startServer({ env }));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all(servers.map((server) => server.stop()));
    servers = [];
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(`drop schema if exists "${schema}" cascade`);
    await client.end();
  });

  it('shows a count tapped on one phone on the other within 2 s (p95 of 20), and by the timer when the stream is blocked', async () => {
    const [first, second] = servers as [RunningServer, RunningServer];
    const counterContext = await newDevice(browser);
    const watcherContext = await newDevice(browser);
    // The watcher's clock can jump ahead later; until then time runs as usual.
    await watcherContext.clock.install();
    const counter = await BuurtlogPage.open(counterContext, first.url);
    const watcher = await BuurtlogPage.open(watcherContext, second.url);
    await counter.waitUntilSynced();
    await watcher.waitUntilSynced();

    // The activity itself arrives live too: the watcher's list shows it without any action.
    await counter.createActivity({ title: TITLE });
    await watcher.expectSoon('the new activity, live', () =>
      watcher.page.getByRole('link', { name: new RegExp(TITLE.replace(/[()]/g, '\\$&')) }).waitFor({ timeout: 5_000 }),
    );
    await counter.openAttendance();
    await watcher.openActivity(TITLE);
    await watcher.openAttendance();

    const plus = counter.page.getByRole('button', { name: 'Bewoners: één erbij' });
    const shown = (n: number) =>
      watcher.page.waitForFunction((v) => document.querySelector('[data-testid="value-residents"]')?.textContent?.trim() === String(v), n, {
        timeout: 10_000,
        polling: 20,
      });
    const delays: number[] = [];
    for (let n = 1; n <= TAPS; n++) {
      const tapped = Date.now();
      await plus.click();
      await shown(n);
      delays.push(Date.now() - tapped);
    }
    const sorted = [...delays].sort((a, b) => a - b);
    const p95 = sorted[Math.ceil(0.95 * sorted.length) - 1] as number;
    console.log(`live propagation over ${TAPS} taps: median ${sorted[Math.floor(sorted.length / 2)]} ms, p95 ${p95} ms, max ${sorted.at(-1)} ms`);
    expect(p95).toBeLessThanOrEqual(GOAL_P95_MS);

    // Block the event stream and start the watcher again: no live stream any more.
    let blocked = 0;
    await watcherContext.route('**/api/v1/sync/events', (route) => {
      blocked++;
      return route.abort();
    });
    await watcher.reload();
    await watcher.page.getByRole('heading', { level: 1, name: 'Aanwezigheid' }).waitFor();
    await watcher.waitForCount('residents', TAPS);
    await expect.poll(() => blocked).toBeGreaterThan(0);

    await plus.click();
    await counter.waitUntilAllSent();
    // Well past the live delay: without the stream nothing arrives by itself…
    await watcher.page.waitForTimeout(2_500);
    expect(await watcher.count('residents')).toBe(TAPS);
    // …until the minute of the fallback timer has passed.
    await watcher.page.clock.fastForward(60_000);
    await shown(TAPS + 1);

    await counterContext.close();
    await watcherContext.close();
  });
});
