/**
 * The monitoring dashboard in Chromium (issue 12): a coordinator opens it,
 * reads the figures of data seeded through the API (counted by hand here),
 * with the 0-meting and target typed as records; axe finds nothing in
 * either theme; offline, the reopened dashboard shows the cached figures
 * and says how old they are. Every date comes from now.
 */
import { describe, expect, it } from 'vitest';
import { attendanceIdFor } from '../../src/domain/attendance.ts';
import { formatHlc } from '../../src/domain/hlc.ts';
import { uuidv7 } from '../../src/domain/ids.ts';
import { amsterdamDay } from '../../src/domain/indicators.ts';
import { indicatorTargetIdFor, residentCountIdFor } from '../../src/domain/monitoring-settings.ts';
import { SCHEMA_VERSION } from '../../src/domain/schema-version.ts';
import { wcagViolations } from './axe.ts';
import { BuurtlogPage } from './buurtlog-page.ts';
import { newDevice, signIn, type RunningServer } from './harness.ts';
import { useServerAndBrowser } from './use-server-and-browser.ts';

const DEVICE = 'e2e-monitoring-seed';

/** Two held activities today in the Oranjebuurt (12 and 8 people), one planned (not counted); 1000 residents; a 0-meting of 15 participants. */
async function seed(server: RunningServer): Promise<void> {
  const now = Date.now();
  const today = amsterdamDay(now);
  const t = formatHlc({ wall: now, counter: 0, node: DEVICE });
  const token = await signIn(server, { deviceId: DEVICE });
  let n = 0;
  const id = () => uuidv7(now + n++);
  const fields = (values: Record<string, unknown>) => Object.fromEntries(Object.entries(values).map(([name, v]) => [name, { v, t }]));
  const record = (recordType: string, recordId: string, values: Record<string, unknown>, counters: Record<string, number> = {}) => ({
    mutationId: id(),
    schemaVersion: SCHEMA_VERSION,
    recordType,
    recordId,
    tenantId: 'alblasserdam',
    fields: fields(values),
    counters: Object.fromEntries(Object.entries(counters).map(([key, p]) => [key, { [DEVICE]: { p, n: 0 } }])),
  });
  const activity = (status: string) => ({
    title: 'Buurtavond',
    type: 'meeting',
    buurtId: 'oranjebuurt',
    date: today,
    start: '19:30',
    status,
    createdAt: now,
    createdBy: 'e2e',
  });
  const [a, b, c] = [id(), id(), id()];
  const mutations = [
    record('activity', a, activity('held')),
    record('activity', b, activity('held')),
    record('activity', c, activity('planned')),
    record('attendance', attendanceIdFor(a), { activityId: a, method: 'headcount' }, { residents: 10, volunteers: 2, firstTimers: 4 }),
    record('attendance', attendanceIdFor(b), { activityId: b, method: 'headcount' }, { residents: 8 }),
    record('attendance', attendanceIdFor(c), { activityId: c, method: 'headcount' }, { residents: 50 }),
    record('residentCount', residentCountIdFor('oranjebuurt', Number(today.slice(0, 4))), {
      buurtId: 'oranjebuurt',
      year: Number(today.slice(0, 4)),
      count: 1000,
    }),
    record('indicatorTarget', indicatorTargetIdFor('participants'), { indicator: 'participants', baseline: 15 }),
  ];
  const response = await fetch(`${server.url}/api/v1/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ schemaVersion: SCHEMA_VERSION, deviceId: DEVICE, mutations }),
  });
  const answer = (await response.json()) as { results: Array<{ status: string }> };
  expect(answer.results.map((result) => result.status)).toEqual(mutations.map(() => 'applied'));
}

describe('the monitoring dashboard', () => {
  const env = useServerAndBrowser();

  it('shows the seeded figures against the 0-meting, passes axe in both themes, and opens offline with the cached figures and their age', async () => {
    await seed(env.server);
    const phone = await BuurtlogPage.open(await newDevice(env.browser), env.server.url);
    const p = phone.page;
    await phone.waitUntilOfflineReady();
    await p.getByRole('navigation').getByRole('link', { name: 'Cijfers' }).click();
    await p.getByRole('heading', { level: 1, name: 'Monitoring' }).waitFor({ timeout: 30_000 });
    await phone.expectSoon('the figures', () => p.getByTestId('monitoring-age').filter({ hasText: 'Cijfers van' }).waitFor({ timeout: 30_000 }));

    const value = (key: string) => p.getByTestId(`value-${key}`).textContent();
    expect(await value('activities-held')).toBe('2');
    expect(await value('participants')).toBe('20');
    expect(await value('participants-mean')).toBe('10');
    expect(await value('first-timers')).toBe('4');
    expect(await value('participants-per-100')).toBe('2');
    const participants = p.locator('[data-indicator="participants"]');
    // 0-meting 15, so the target is 16,5 (×1,10), and 20 is on track.
    expect(await participants.locator('.indicator-target').textContent()).toBe('0-meting 15 · doel 16,5Op koers');
    expect(await participants.locator('svg.trend rect').count()).toBeGreaterThan(0);
    // The same numbers in the table, for screen readers and print.
    const row = p.getByRole('table', { name: /Waarde, 0-meting, doel/ }).getByRole('row', { name: /^Deelnemers 20 15 16,5/ });
    expect(await row.count()).toBe(1);

    expect(await wcagViolations(p)).toEqual([]);
    await p.emulateMedia({ colorScheme: 'dark' });
    expect(await wcagViolations(p)).toEqual([]);
    await p.emulateMedia({ colorScheme: 'light' });

    await phone.goOffline();
    await phone.reload();
    await p.getByRole('heading', { level: 1, name: 'Monitoring' }).waitFor({ timeout: 30_000 });
    await phone.expectSoon('the cached figures with their age', () =>
      p
        .getByTestId('monitoring-age')
        .filter({ hasText: /Geen verbinding: dit zijn de cijfers van .+ \((zojuist|\d+ minuten? geleden)\)/ })
        .waitFor({ timeout: 30_000 }),
    );
    expect(await value('participants')).toBe('20');
    expect(await value('activities-held')).toBe('2');
    await phone.goOnline();
  });
});
