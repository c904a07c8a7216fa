/**
 * The schouw end to end (the acceptance tests): findings with photos
 * captured offline on two phones, a server killed in the middle of a photo
 * upload, the printable report with its CSV, and WCAG 2.1 AA on the schouw
 * screens. Real server, built app, Chromium; only PDOK (tiles, reverse
 * lookups) is answered by the test, so nothing reaches the internet.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncRecord } from '../../src/domain/records.ts';
import { wcagViolations } from './axe.ts';
import { routeTiles } from './pdok-tiles.ts';
import { BuurtlogPage } from './buurtlog-page.ts';
import { launchBrowser, newDevice, serverRecords, startServer, type RunningServer } from './harness.ts';
import { useServerAndBrowser } from './use-server-and-browser.ts';
import { drawPhoto } from './draw-photo.ts';
import { sha256Hex } from '../fixtures/fixed.ts';

const SCHOUW = 'Schouw'; // src/app/activities/nl.ts activityType.schouw
const ALBLASSERDAM = { latitude: 51.8612, longitude: 4.6597, accuracy: 8 };
const PDOK_REVERSE = readFileSync(join(import.meta.dirname, '../fixtures/pdok/reverse-alblasserdam.json'), 'utf8');
const PHOTO_PUT = /\/api\/v1\/photos\/([0-9a-f]{64})$/;

// ── Devices ──────────────────────────────────────────────────────────────────

type Phone = BuurtlogPage & { readonly external: string[] };

/**
 * A phone with the edge mocked: PDOK tiles and reverse lookups are answered
 * here, GPS says Alblasserdam. Any other request off 127.0.0.1 is noted in
 * `external` (each test expects none).
 */
async function phoneDevice(browser: Browser): Promise<BrowserContext & { external: string[] }> {
  const context = await newDevice(browser);
  const external: string[] = [];
  await routeTiles(context);
  await context.route('https://api.pdok.nl/**', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: PDOK_REVERSE, headers: { 'access-control-allow-origin': '*' } }),
  );
  context.on('request', (request) => {
    const { hostname, protocol } = new URL(request.url());
    if (!['http:', 'https:'].includes(protocol) || hostname === '127.0.0.1') return;
    if (hostname === 'service.pdok.nl' || hostname === 'api.pdok.nl') return;
    external.push(request.url());
  });
  await context.grantPermissions(['geolocation']);
  await context.setGeolocation(ALBLASSERDAM);
  return Object.assign(context, { external });
}

async function openPhone(browser: Browser, server: RunningServer): Promise<Phone> {
  const context = await phoneDevice(browser);
  const phone = await BuurtlogPage.open(context, server.url);
  return Object.assign(phone, { external: context.external });
}

/** Every `PUT /api/v1/photos/<hash>` this context's pages answered, by hash. */
function recordPhotoPuts(context: BrowserContext, device: string, into: Map<string, Array<{ device: string; status: number }>>): void {
  context.on('response', (response) => {
    const match = PHOTO_PUT.exec(new URL(response.url()).pathname);
    if (!match || response.request().method() !== 'PUT') return;
    const hash = match[1] as string;
    into.set(hash, [...(into.get(hash) ?? []), { device, status: response.status() }]);
  });
}

// ── The schouw as a person uses it ──────────────────────────────────────────

type NewFinding = { photos: Buffer[]; element: string; aspect: string; level?: string; useGps?: boolean };

/** On the round: "Bevinding toevoegen", camera photos, the big buttons, optionally GPS; "Klaar" back to the round. */
async function addFinding(phone: BuurtlogPage, finding: NewFinding): Promise<void> {
  const { page } = phone;
  await page.getByRole('link', { name: 'Bevinding toevoegen' }).click();
  await phone.expectSoon('the capture screen', () => page.getByRole('heading', { level: 1, name: 'Nieuwe bevinding' }).waitFor({ timeout: 15_000 }));
  for (const [i, buffer] of finding.photos.entries()) {
    await page.locator('input[type=file][capture]').setInputFiles({ name: `IMG_${1000 + i}.jpg`, mimeType: 'image/jpeg', buffer });
    await phone.expectSoon(`photo ${i + 1} in the strip`, () => page.getByRole('button', { name: `Foto ${i + 1} verwijderen` }).waitFor({ timeout: 20_000 }));
  }
  await page.getByRole('group', { name: 'Waar gaat het over?' }).getByRole('button', { name: finding.element, exact: true }).click();
  await page.getByRole('group', { name: 'Wat is er aan de hand?' }).getByRole('button', { name: finding.aspect, exact: true }).click();
  if (finding.level) {
    const level = page.getByRole('group', { name: 'Niveau', exact: true }).getByRole('button', { name: finding.level, exact: true });
    await level.click();
    await phone.expectSoon(`level ${finding.level} chosen`, () => page.locator('[data-testid="step-level"] [aria-pressed="true"]').waitFor({ timeout: 5_000 }));
  }
  if (finding.useGps) {
    await page.getByRole('button', { name: 'Gebruik mijn locatie' }).click();
    // A good fix is taken by itself, maybe after "Deze locatie gebruiken" showed for a moment: tap it if it stays.
    const taken = page.getByText(/GPS, ± 8 m/);
    const use = page.getByRole('button', { name: /^Deze locatie gebruiken/ });
    await phone.expectSoon('the GPS place taken', async () => {
      const deadline = Date.now() + 15_000;
      while (!(await taken.isVisible())) {
        if (Date.now() > deadline) throw new Error('no GPS place within 15 s');
        if (await use.isVisible()) await use.click({ timeout: 1_000 }).catch(() => undefined);
        await page.waitForTimeout(200);
      }
    });
  }
  await phone.expectSoon('the finding saved', () =>
    page.getByTestId('capture-status').filter({ hasText: 'Bevinding opgeslagen op dit toestel' }).waitFor({ timeout: 10_000 }),
  );
  await page.getByRole('link', { name: 'Klaar', exact: true }).click();
  await phone.expectSoon('back on the round', () => page.getByRole('link', { name: 'Bevinding toevoegen' }).waitFor({ timeout: 10_000 }));
}

/** From the activity's page to its round. */
async function openRound(phone: BuurtlogPage): Promise<void> {
  await phone.page.getByRole('link', { name: 'Schouw openen' }).click();
  await phone.expectSoon('the round', () => phone.page.getByRole('link', { name: 'Bevinding toevoegen' }).waitFor({ timeout: 15_000 }));
}

/** Tap a finding in the round's list; wait for its page (`#/bevinding/<id>`). */
async function openFinding(phone: BuurtlogPage, title: string): Promise<void> {
  await phone.page.getByTestId('finding-card').filter({ hasText: title }).click();
  await phone.expectSoon(
    `the finding detail "${title}" at #/bevinding/<id> (the app router, src/app/router.ts parseRoute, must hand /bevinding/… to the schouw screens)`,
    () => phone.page.getByRole('heading', { level: 1, name: title }).waitFor({ timeout: 10_000 }),
  );
}

async function waitForFindingCount(phone: BuurtlogPage, count: number): Promise<void> {
  await phone.expectSoon(`"Bevindingen: ${count}" on the round`, () =>
    phone.page.getByRole('heading', { level: 2, name: `Bevindingen: ${count}` }).waitFor({ timeout: 30_000 }),
  );
}

async function unsentBadges(page: Page): Promise<number> {
  return page.getByTestId('photo-unsent').count();
}

async function waitUntilNoUnsentPhoto(phone: BuurtlogPage, timeout = 30_000): Promise<void> {
  await phone.expectSoon('every "foto nog niet verstuurd" gone', () =>
    phone.page.waitForFunction(() => document.querySelectorAll('[data-testid="photo-unsent"]').length === 0, undefined, { timeout }),
  );
}

/** Every finding card's thumbnail is a photo that loaded: a blob: URL with pixels, a thumbnail (≤ 320 px), not the 1600 px photo. */
async function waitForLoadedThumbnails(phone: BuurtlogPage, count: number): Promise<void> {
  await phone.expectSoon(`${count} loaded thumbnails`, () =>
    phone.page.waitForFunction(
      (count) => {
        const images = [...document.querySelectorAll<HTMLImageElement>('[data-testid="finding-card"] img')];
        return (
          images.length === count &&
          images.every((img) => img.src.startsWith('blob:') && img.complete && img.naturalWidth > 0 && Math.max(img.naturalWidth, img.naturalHeight) <= 320)
        );
      },
      count,
      { timeout: 30_000 },
    ),
  );
}

// ── The server's side ───────────────────────────────────────────────────────

async function serverFindings(server: RunningServer): Promise<SyncRecord[]> {
  return ((await serverRecords(server)) as SyncRecord[]).filter((r) => r.type === 'finding' && r.fields['deleted']?.v !== true);
}

function photosOf(finding: SyncRecord): string[] {
  return (finding.fields['photos']?.v as string[] | undefined) ?? [];
}

/** The thumbnail the taking phone made of each photo, as the finding names them (photo hash → thumbnail hash). */
function thumbnailsOf(finding: SyncRecord): string[] {
  const map = (finding.fields['thumbnails']?.v as Record<string, string> | undefined) ?? {};
  return photosOf(finding).flatMap((photo) => (map[photo] ? [map[photo]] : []));
}

/** The photos table of the server's SQLite file, read-only: hash → SHA-256 of the stored bytes. */
function storedPhotos(server: RunningServer): Map<string, string> {
  const db = new Database(join(server.dataDir, 'buurtlog.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT sha256, bytes FROM photos').all() as Array<{ sha256: string; bytes: Buffer }>;
    return new Map(rows.map((row) => [row.sha256, sha256Hex(row.bytes)]));
  } finally {
    db.close();
  }
}

// ── 1. Two phones offline ───────────────────────────────────────────────────

describe('a schouw round on two phones offline', () => {
  const env = useServerAndBrowser();

  it('sends every photo once, with the right bytes, and each phone then shows the other’s findings and photos', async () => {
    const puts = new Map<string, Array<{ device: string; status: number }>>();
    const a = await openPhone(env.browser, env.server);
    recordPhotoPuts(a.page.context(), 'A', puts);
    await a.waitUntilOfflineReady();
    const title = 'Zomerschouw Oranjebuurt';
    await a.createActivity({ title, type: SCHOUW });
    await a.waitUntilAllSent();

    const b = await openPhone(env.browser, env.server);
    recordPhotoPuts(b.page.context(), 'B', puts);
    await b.waitUntilOfflineReady();
    await b.waitForActivityInList(title);
    await b.openActivity(title);

    // Offline from here: the round, the findings and their photos stay on the phones.
    await a.goOffline();
    await b.goOffline();
    await openRound(a);
    await openRound(b);
    const [p1, p2, p3, p4] = await Promise.all([1, 2, 3, 4].map((seed) => drawPhoto(a.page, seed)));
    await addFinding(a, { photos: [p1 as Buffer, p2 as Buffer], element: 'Afvalbak', aspect: 'Afvalbak vol', level: 'C (laag, achterstand)' });
    await addFinding(a, { photos: [p3 as Buffer], element: 'Stoep en bestrating', aspect: 'Losliggende tegels', level: 'B (basis)' });
    await addFinding(b, { photos: [p4 as Buffer], element: 'Speeltoestel', aspect: 'Beschadigd', level: 'D (zeer laag)' });
    await waitForFindingCount(a, 2);
    await waitForFindingCount(b, 1);
    for (const [phone, count] of [
      [a, 2],
      [b, 1],
    ] as const) {
      const cards = phone.page.getByTestId('finding-card');
      expect(await cards.count()).toBe(count);
      for (const card of await cards.all()) await expect.poll(() => card.getByText('foto nog niet verstuurd').count()).toBe(1);
    }
    expect(puts.size, 'no photo reached the server while offline').toBe(0);

    await a.goOnline();
    await b.goOnline();
    await a.waitUntilAllSent();
    await b.waitUntilAllSent();
    await waitUntilNoUnsentPhoto(a);
    await waitUntilNoUnsentPhoto(b);
    // Each learns of the other's findings at its next pull.
    await a.syncNow();
    await b.syncNow();
    await waitForFindingCount(a, 3);
    await waitForFindingCount(b, 3);
    await waitForLoadedThumbnails(a, 3);
    await waitForLoadedThumbnails(b, 3);
    expect(await unsentBadges(a.page)).toBe(0);
    expect(await unsentBadges(b.page)).toBe(0);

    // The server: three findings referring to four photos, each with the thumbnail its phone made;
    // each photo and thumbnail PUT once (201), stored with bytes that hash to its name.
    const findings = await serverFindings(env.server);
    expect(findings).toHaveLength(3);
    const photos = findings.flatMap(photosOf);
    expect(photos).toHaveLength(4);
    expect(new Set(photos).size).toBe(4);
    const thumbnails = findings.flatMap(thumbnailsOf);
    expect(new Set(thumbnails).size).toBe(4);
    const referenced = [...photos, ...thumbnails];
    expect([...puts.keys()].sort()).toEqual([...referenced].sort());
    for (const hash of referenced) expect(puts.get(hash), `PUTs of ${hash}`).toEqual([{ device: expect.any(String), status: 201 }]);
    expect(referenced.filter((h) => puts.get(h)?.[0]?.device === 'A')).toHaveLength(6);
    const stored = storedPhotos(env.server);
    expect([...stored.keys()].sort()).toEqual([...referenced].sort());
    for (const [name, bytesHash] of stored) expect(bytesHash, `stored bytes of ${name}`).toBe(name);

    // A's two-photo finding on B: both photos, loaded from the server.
    await openFinding(b, 'Afvalbak: Afvalbak vol');
    await b.expectSoon('both photos of A’s finding on B', () =>
      b.page.waitForFunction(
        () => {
          const images = [...document.querySelectorAll<HTMLImageElement>('.photo-gallery img')];
          return images.length === 2 && images.every((img) => img.src.startsWith('blob:') && img.complete && img.naturalWidth > 0);
        },
        undefined,
        { timeout: 30_000 },
      ),
    );

    expect([...a.external, ...b.external], 'requests off this machine').toEqual([]);
    await a.page.context().close();
    await b.page.context().close();
  });
});

// ── 2. The server dies during a photo upload ────────────────────────────────

describe('a photo upload cut off by a server crash', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'buurtlog-e2e-crash-'));
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ dataDir });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps the photo as not sent, across a reload, and sends it once the server is back', async () => {
    const phone = await openPhone(browser, server);
    const context = phone.page.context();
    await phone.waitUntilOfflineReady();
    await phone.createActivity({ title: 'Winterschouw Schildersbuurt', buurt: 'Schildersbuurt', type: SCHOUW });
    await phone.waitUntilAllSent();
    await openRound(phone);

    // Hold the first photo PUT until the server is dead, then let it go (and fail).
    let heldHash = '';
    let onHeld!: () => void;
    const held = new Promise<void>((resolve) => (onHeld = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await context.route('**/api/v1/photos/*', async (route) => {
      const match = PHOTO_PUT.exec(new URL(route.request().url()).pathname);
      if (route.request().method() === 'PUT' && match && heldHash === '') {
        heldHash = match[1] as string;
        onHeld();
        await released;
      }
      await route.continue().catch(() => undefined);
    });
    const failedPut = new Promise<string>((resolve) =>
      context.on('requestfailed', (request) => {
        if (request.method() === 'PUT' && PHOTO_PUT.test(new URL(request.url()).pathname)) resolve(request.failure()?.errorText ?? '');
      }),
    );

    await addFinding(phone, {
      photos: [await drawPhoto(phone.page, 42)],
      element: 'Boom en boomspiegel',
      aspect: 'Scheef of verzakt',
      level: 'C (laag, achterstand)',
    });
    await phone.expectSoon('the photo upload held', () => withTimeout(held, 20_000, 'no PUT /api/v1/photos/<hash> came'));
    const { port } = server;
    await server.kill();
    release();
    await phone.expectSoon('the held upload failed', () => withTimeout(failedPut, 15_000, 'the PUT did not fail'));

    const card = phone.page.getByTestId('finding-card');
    await phone.expectSoon('"foto nog niet verstuurd" after the failed upload', () => card.getByText('foto nog niet verstuurd').waitFor({ timeout: 10_000 }));
    await phone.reload();
    await phone.expectSoon('"foto nog niet verstuurd" after a reload', () => card.getByText('foto nog niet verstuurd').waitFor({ timeout: 15_000 }));

    server = await startServer({ dataDir, port });
    expect(storedPhotos(server).has(heldHash), 'the server kept nothing of the cut-off upload').toBe(false);
    await context.unroute('**/api/v1/photos/*');

    // "Nu synchroniseren" until the photo is sent (its own retry may be a moment away: backoff).
    const deadline = Date.now() + 40_000;
    while ((await unsentBadges(phone.page)) > 0 && Date.now() < deadline) {
      await phone.syncNow().catch(() => undefined);
      await phone.page
        .waitForFunction(() => document.querySelectorAll('[data-testid="photo-unsent"]').length === 0, undefined, { timeout: 3_000 })
        .catch(() => undefined);
    }
    await waitUntilNoUnsentPhoto(phone, 1_000);
    await waitForLoadedThumbnails(phone, 1);

    // The photo and its thumbnail (either may have been the upload cut off) are both on the server, whole.
    const findings = await serverFindings(server);
    expect(findings.map(photosOf)[0]).toHaveLength(1);
    expect(findings.map(thumbnailsOf)[0]).toHaveLength(1);
    const referenced = findings.flatMap((finding) => [...photosOf(finding), ...thumbnailsOf(finding)]);
    expect(referenced).toContain(heldHash);
    const stored = storedPhotos(server);
    expect([...stored.keys()].sort()).toEqual([...referenced].sort());
    for (const [name, bytesHash] of stored) expect(bytesHash, `stored bytes of ${name}`).toBe(name);
    expect(phone.external, 'requests off this machine').toEqual([]);
    await context.close();
  });
});

// ── 3 and 4. The report; accessibility ──────────────────────────────────────

describe('the schouw report, and the schouw screens for everyone', () => {
  const env = useServerAndBrowser();
  /** One round with two findings (one meets the target B, one does not), built once for the tests below. */
  let built: Promise<{ phone: Phone; activityId: string }> | null = null;
  const round = () =>
    (built ??= (async () => {
      const phone = await openPhone(env.browser, env.server);
      const activityId = await phone.createActivity({ title: 'Schouw met bewoners Staatsliedenbuurt', buurt: 'Staatsliedenbuurt', type: SCHOUW });
      await openRound(phone);
      await addFinding(phone, { photos: [await drawPhoto(phone.page, 7)], element: 'Afvalbak', aspect: 'Afvalbak vol', level: 'B (basis)', useGps: true });
      await addFinding(phone, {
        photos: [await drawPhoto(phone.page, 8)],
        element: 'Stoep en bestrating',
        aspect: 'Losliggende tegels',
        level: 'D (zeer laag)',
      });
      await waitForFindingCount(phone, 2);
      return { phone, activityId };
    })().catch((error: unknown) => {
      built = null; // the next test tries again, and fails on its own account
      throw error;
    }));

  it('prints: score, groups, no app around it, an A4 PDF; and the CSV has a BOM and semicolons', async () => {
    const { phone, activityId } = await round();
    const { page } = phone;
    await page.goto(`${env.server.url}/#/schouw/${activityId}/rapport`);
    await phone.expectSoon('the report', () =>
      page.getByRole('heading', { level: 1, name: 'Schouwrapport: Schouw met bewoners Staatsliedenbuurt' }).waitFor({ timeout: 15_000 }),
    );
    await expect.poll(() => page.getByTestId('report-score').innerText()).toBe('1 van 2 beoordeelde bevindingen (50 %) voldoen aan ambitieniveau B');
    for (const element of ['Afvalbak', 'Stoep en bestrating']) await page.getByRole('heading', { level: 3, name: element, exact: true }).waitFor();
    for (const aspect of [/^Afvalbak vol/, /^Losliggende tegels/]) await page.getByRole('heading', { level: 4, name: aspect }).waitFor();
    expect(await page.getByTestId('report-finding').count()).toBe(2);
    await page.getByRole('img', { name: 'Kaart met 1 bevinding' }).or(page.getByLabel('Kaart met 1 bevinding')).first().waitFor();

    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.locator('.app-header').isVisible(), 'app header in print').toBe(false);
      expect(await page.locator('.bottom-nav').isVisible(), 'bottom navigation in print').toBe(false);
      const buttons = await page.locator('main button').all();
      expect(buttons.length).toBeGreaterThan(0);
      for (const button of buttons) expect(await button.isVisible(), `button "${await button.innerText()}" in print`).toBe(false);
      expect(await page.getByTestId('report-score').isVisible()).toBe(true);
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const mediaBox = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
      expect(mediaBox, 'a MediaBox in the PDF').not.toBeNull();
      expect(Number(mediaBox?.[1])).toBeCloseTo(595.3, 0);
      expect(Number(mediaBox?.[2])).toBeCloseTo(841.9, 0);
    } finally {
      await page.emulateMedia({ media: null });
    }

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV downloaden' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^schouw-\d{4}-\d{2}-\d{2}-staatsliedenbuurt\.csv$/);
    const csv = readFileSync(await download.path());
    expect([...csv.subarray(0, 3)], 'UTF-8 BOM').toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.subarray(3).toString('utf8').split('\r\n').filter(Boolean);
    expect(lines[0]).toMatch(/^nr;element;aspect;niveau;/);
    expect(lines).toHaveLength(3);
    expect(lines.slice(1).every((line) => line.split(';').length === (lines[0] as string).split(';').length)).toBe(true);
    expect(phone.external, 'requests off this machine').toEqual([]);
  });

  it('finds no WCAG 2.1 A/AA violations on the round, the capture screen, a finding with follow-up, and the report', async () => {
    const { phone, activityId } = await round();
    const { page } = phone;

    await page.goto(`${env.server.url}/#/schouw/${activityId}`);
    await waitForFindingCount(phone, 2);
    await waitForLoadedThumbnails(phone, 2);
    expect(await wcagViolations(page), 'round with findings').toEqual([]);

    await page.getByRole('link', { name: 'Bevinding toevoegen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe bevinding' }).waitFor();
    expect(await wcagViolations(page), 'capture screen, empty').toEqual([]);
    await page.locator('input[type=file][capture]').setInputFiles({ name: 'IMG_2000.jpg', mimeType: 'image/jpeg', buffer: await drawPhoto(page, 9) });
    await phone.expectSoon('the photo in the strip', () => page.getByRole('button', { name: 'Foto 1 verwijderen' }).waitFor({ timeout: 20_000 }));
    await page.getByRole('group', { name: 'Waar gaat het over?' }).getByRole('button', { name: 'Haag', exact: true }).click();
    await page.getByRole('button', { name: 'Gebruik mijn locatie' }).click();
    expect(await wcagViolations(page), 'capture screen, photo and element chosen, GPS open').toEqual([]);

    await page.goto(`${env.server.url}/#/schouw/${activityId}`);
    await openFinding(phone, 'Afvalbak: Afvalbak vol');
    const followUp = page.getByTestId('follow-up');
    await followUp.getByRole('radio', { name: 'Melden in FIXI' }).check();
    await followUp.getByLabel('Verantwoordelijke partner').selectOption({ index: 1 });
    await followUp.getByRole('radio', { name: 'Gemeld', exact: true }).check();
    await followUp.getByLabel('Meldnummer (FIXI of ander systeem)').fill('FIXI-2026-0007');
    await followUp.getByRole('button', { name: 'Opvolging opslaan' }).click();
    await phone.expectSoon('the follow-up saved', () => followUp.getByTestId('history').getByText('Nieuw → Gemeld').waitFor({ timeout: 5_000 }));
    expect(await followUp.getByRole('radio', { name: 'Melden in FIXI' }).isChecked()).toBe(true);
    expect(await wcagViolations(page), 'finding detail with follow-up').toEqual([]);

    await page.goto(`${env.server.url}/#/schouw/${activityId}/rapport`);
    await page.getByTestId('report-score').waitFor();
    await expect
      .poll(() => page.locator('.report-photo').evaluateAll((imgs) => imgs.filter((i) => i instanceof HTMLImageElement && i.naturalWidth > 0).length))
      .toBe(2);
    expect(await wcagViolations(page), 'report').toEqual([]);
    expect(phone.external, 'requests off this machine').toEqual([]);
  });
});

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(message)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
