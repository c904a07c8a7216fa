/**
 * The exports (issue 12 item 4) in Chromium: a coordinator opens
 * "Exporteren" from the dashboard, downloads the activities as an Excel-NL
 * CSV file and the located records as GeoJSON, and checks what is in them;
 * offline the same files come from the device (they are made from its
 * store, not fetched).
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { attendanceIdFor } from '../../src/domain/attendance.ts';
import { formatHlc } from '../../src/domain/hlc.ts';
import { uuidv7 } from '../../src/domain/ids.ts';
import { amsterdamDay } from '../../src/domain/indicators.ts';
import { SCHEMA_VERSION } from '../../src/domain/schema-version.ts';
import { wcagViolations } from './axe.ts';
import { BuurtlogPage } from './buurtlog-page.ts';
import { newDevice, signIn, type RunningServer } from './harness.ts';
import { useServerAndBrowser } from './use-server-and-browser.ts';

const DEVICE = 'e2e-exports-seed';

type Seeded = { activity: string; located: string; unlocated: string; deleted: string };

/**
 * Pushed as a device would, dated today: an activity with a point and a
 * title that looks like a formula, counted 10 residents and 2 volunteers; a
 * schouw with one finding on the map, one without a place and one deleted.
 */
async function seed(server: RunningServer): Promise<Seeded> {
  const now = Date.now();
  const today = amsterdamDay(now);
  const t = formatHlc({ wall: now, counter: 0, node: DEVICE });
  const token = await signIn(server, { deviceId: DEVICE });
  let n = 0;
  const id = () => uuidv7(now + n++);
  const record = (recordType: string, recordId: string, values: Record<string, unknown>, counters: Record<string, number> = {}) => ({
    mutationId: id(),
    schemaVersion: SCHEMA_VERSION,
    recordType,
    recordId,
    tenantId: 'alblasserdam',
    fields: Object.fromEntries(Object.entries(values).map(([name, v]) => [name, { v, t }])),
    counters: Object.fromEntries(Object.entries(counters).map(([key, p]) => [key, { [DEVICE]: { p, n: 0 } }])),
  });
  const activity = (title: string, type: string, extra: Record<string, unknown> = {}) => ({
    title,
    type,
    buurtId: 'oranjebuurt',
    date: today,
    start: '19:30',
    status: 'held',
    createdAt: now,
    createdBy: 'e2e',
    ...extra,
  });
  const finding = (extra: Record<string, unknown>) => ({
    schouwId: schouw,
    buurtId: 'oranjebuurt',
    element: 'tree',
    aspect: 'damage',
    createdAt: now,
    createdBy: 'e2e',
    ...extra,
  });
  const [evening, schouw, located, unlocated, deleted] = [id(), id(), id(), id(), id()];
  const mutations = [
    record('activity', evening, activity('=SOM(1;2) Buurtavond', 'meeting', { location: { lat: 51.8612, lon: 4.6601, source: 'map' } })),
    record('attendance', attendanceIdFor(evening), { activityId: evening, method: 'headcount' }, { residents: 10, volunteers: 2 }),
    record('activity', schouw, activity('Schouw Oranjebuurt', 'schouw')),
    record('finding', located, finding({ note: 'Boomspiegel kapot', location: { lat: 51.86125, lon: 4.66012, accuracyM: 5, source: 'gps' } })),
    record('finding', unlocated, finding({ note: 'Zonder plek' })),
    record('finding', deleted, finding({ note: 'Weg', deleted: true, location: { lat: 51.87, lon: 4.67, source: 'gps' } })),
  ];
  const response = await fetch(`${server.url}/api/v1/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ schemaVersion: SCHEMA_VERSION, deviceId: DEVICE, mutations }),
  });
  const answer = (await response.json()) as { results: Array<{ status: string }> };
  expect(answer.results.map((result) => result.status)).toEqual(mutations.map(() => 'applied'));
  return { activity: evening, located, unlocated, deleted };
}

describe('the exports', () => {
  const env = useServerAndBrowser();

  it('downloads the activities as Excel-NL CSV and the located records as GeoJSON, online and offline', async () => {
    const seeded = await seed(env.server);
    const phone = await BuurtlogPage.open(await newDevice(env.browser), env.server.url);
    const p = phone.page;
    await phone.waitUntilOfflineReady();
    await p.getByRole('navigation').getByRole('link', { name: 'Cijfers' }).click();
    await p.getByRole('heading', { level: 1, name: 'Monitoring' }).waitFor({ timeout: 30_000 });
    await p.getByRole('link', { name: 'Exporteren (CSV, GeoJSON)' }).click();
    await p.getByRole('heading', { level: 1, name: 'Exporteren' }).waitFor({ timeout: 30_000 });
    expect(p.url()).toMatch(/#\/monitoring\/exporteren$/);
    await phone.expectSoon('the counts', () => p.getByTestId('export-count-activities').filter({ hasText: '2 regels' }).waitFor({ timeout: 30_000 }));
    expect(await p.getByTestId('export-count-findings').textContent()).toBe('2 regels');
    expect(await p.getByTestId('export-count-places').textContent()).toBe('2 plekken');
    expect(await wcagViolations(p)).toEqual([]);
    await p.emulateMedia({ colorScheme: 'dark' });
    expect(await wcagViolations(p)).toEqual([]);
    await p.emulateMedia({ colorScheme: 'light' });

    const download = async (button: string) => {
      const [file] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: button }).click()]);
      return { name: file.suggestedFilename(), text: await readFile((await file.path()) as string, 'utf8') };
    };

    const csv = await download('Activiteiten met aanwezigheid als CSV downloaden');
    expect(csv.name).toMatch(/^activiteiten-\d{4}-\d{2}-01-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.text.startsWith('\uFEFFDatum;Begin;Einde;Titel;Soort activiteit;Status;Buurt;')).toBe(true);
    const rows = csv.text.split('\r\n');
    expect(rows).toHaveLength(4); // header, two activities, the empty string after the last CRLF
    const row = rows.find((line) => line.endsWith(seeded.activity)) ?? '';
    // The formula neutralised (and quoted for its `;`), the point with a decimal comma, 10 + 2 = 12 participants.
    expect(row).toMatch(
      /^\d{2}-\d{2}-\d{4};19:30;;"'=SOM\(1;2\) Buurtavond";Bijeenkomst;Uitgevoerd;Oranjebuurt;;;;;51,8612;4,6601;;;10;2;0;0;12;0;0;Telling;;;/,
    );

    const geo = await download('GeoJSON downloaden');
    expect(geo.name).toMatch(/^plekken-\d{4}-\d{2}-01-\d{4}-\d{2}-\d{2}\.geojson$/);
    const collection = JSON.parse(geo.text) as {
      type: string;
      features: Array<{ id: string; geometry: { coordinates: number[] }; properties: Record<string, unknown> }>;
    };
    expect(collection.type).toBe('FeatureCollection');
    // The finding without a place and the deleted one are not on the map.
    expect(collection.features.map((f) => f.id)).toEqual([seeded.activity, seeded.located]);
    expect(collection.features.map((f) => f.geometry.coordinates)).toEqual([
      [4.6601, 51.8612],
      [4.66012, 51.86125],
    ]);
    expect(collection.features[1]?.properties).toMatchObject({
      recordType: 'finding',
      buurt: 'Oranjebuurt',
      statusLabel: 'Nieuw',
      description: 'Boomspiegel kapot',
    });
    expect(geo.text).not.toContain('createdBy');

    // Offline, from the device's store: the same file.
    await phone.goOffline();
    await phone.reload();
    await p.getByRole('heading', { level: 1, name: 'Exporteren' }).waitFor({ timeout: 30_000 });
    await p.getByTestId('export-count-activities').filter({ hasText: '2 regels' }).waitFor({ timeout: 30_000 });
    expect((await download('Activiteiten met aanwezigheid als CSV downloaden')).text).toBe(csv.text);
  });
});
