/**
 * Thumbnails made once and a photo cache with a budget (issue 13, items 3
 * and 4), end to end: another phone's findings (photos with the thumbnails
 * it made, on a real server); this phone, with a photo budget of 20 MB set
 * in Instellingen, takes a photo of its own that cannot be sent (uploads
 * fail), lists the round — fetching only thumbnails — and opens the other
 * findings one by one. Its own unsent photo and thumbnail stay; others'
 * photos are kept within 20 MB, the least recently shown out first.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BuurtlogPage } from './buurtlog-page.ts';
import { drawPhoto } from './draw-photo.ts';
import { newDevice } from './harness.ts';
import { noisyPhoto, seedFindings, type Shot } from './seed-photos.ts';
import { useServerAndBrowser } from './use-server-and-browser.ts';

const BUDGET_MB = 20;
const MAX_PHOTO_BYTES = 2 * 1024 * 1024;
/** Others' photos to show: together well over the budget. */
const OTHERS_BYTES = 27_000_000;
const PHOTO_GET = /\/api\/v1\/photos\/([0-9a-f]{64})$/;

type Row = { sha256: string; origin: string; state: string; bytes: number; usedAt: number; thumbnailOf?: string };

/** The photo table of this phone's store, without the bytes. */
function photoRows(page: Page): Promise<Row[]> {
  return page.evaluate(
    () =>
      new Promise<Row[]>((resolve, reject) => {
        const open = indexedDB.open('buurtlog-alblasserdam');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('photos').objectStore('photos').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            open.result.close();
            resolve(
              (all.result as Row[]).map(({ sha256, origin, state, bytes, usedAt, thumbnailOf }) => ({
                sha256,
                origin,
                state,
                bytes,
                usedAt,
                ...(thumbnailOf ? { thumbnailOf } : {}),
              })),
            );
          };
        };
      }),
  );
}

/** Every photo GET this context made, by hash. */
function recordPhotoGets(context: BrowserContext, into: string[]): void {
  context.on('request', (request) => {
    const match = PHOTO_GET.exec(new URL(request.url()).pathname);
    if (match && request.method() === 'GET') into.push(match[1] as string);
  });
}

describe('a phone with a 20 MB photo budget', () => {
  const env = useServerAndBrowser({ env: () => ({ LIMIT_PHOTO_MB_PER_DEVICE: '500', LIMIT_PHOTO_MB_PER_TENANT: '1000' }) });

  it('keeps its own unsent photos, lists others’ findings with their thumbnails only, and evicts others’ photos least recently shown first', async () => {
    const context = await newDevice(env.browser);
    const gets: string[] = [];
    recordPhotoGets(context, gets);
    const phone = await BuurtlogPage.open(context, env.server.url);
    const { page } = phone;

    // Another phone's round: large photos (noise compresses badly), each with its thumbnail.
    const shots: Shot[] = [];
    for (let seed = 1, total = 0; total < OTHERS_BYTES; seed++) {
      const shot = await noisyPhoto(page, seed, { width: 1600, height: 1200, quality: 0.9, thumbnailEdge: 320 });
      expect(shot.photo.length, 'a photo the server takes').toBeLessThan(MAX_PHOTO_BYTES);
      shots.push(shot);
      total += shot.photo.length;
    }
    const seeded = await seedFindings(env.server, 'e2e-taker-0001', shots);
    const others = seeded.photos;

    // Instellingen: 20 MB for others' photos.
    await page.goto(`${env.server.url}/#/instellingen`);
    await page.getByLabel('Ruimte voor foto’s van anderen').selectOption({ label: `${BUDGET_MB} MB` });
    await phone.expectSoon('the 20 MB budget', () => page.getByTestId('photo-cache-usage').filter({ hasText: 'van de 20,0 MB' }).waitFor({ timeout: 10_000 }));

    // A photo of its own that cannot be sent: every upload fails.
    await context.route('**/api/v1/photos/*', (route) => (route.request().method() === 'PUT' ? route.abort() : route.continue()));
    await phone.syncNow();
    await page.goto(`${env.server.url}/#/schouw/${seeded.activityId}`);
    await phone.expectSoon('the round with the other phone’s findings', () =>
      page.getByRole('heading', { level: 2, name: `Bevindingen: ${others.length}` }).waitFor({ timeout: 30_000 }),
    );
    await page.getByRole('link', { name: 'Bevinding toevoegen' }).click();
    await page.locator('input[type=file][capture]').setInputFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: await drawPhoto(page, 77) });
    await phone.expectSoon('the own photo in the strip', () => page.getByRole('button', { name: 'Foto 1 verwijderen' }).waitFor({ timeout: 20_000 }));
    await page.getByRole('group', { name: 'Waar gaat het over?' }).getByRole('button', { name: 'Afvalbak', exact: true }).click();
    await page.getByRole('group', { name: 'Wat is er aan de hand?' }).getByRole('button', { name: 'Afvalbak vol', exact: true }).click();
    await phone.expectSoon('the own finding saved', () =>
      page.getByTestId('capture-status').filter({ hasText: 'Bevinding opgeslagen op dit toestel' }).waitFor({ timeout: 10_000 }),
    );
    const own = (await photoRows(page)).filter((row) => row.origin === 'own');
    expect(own.map((row) => row.state)).toEqual(['pending', 'pending']);
    expect(
      own.filter((row) => row.thumbnailOf !== undefined),
      'a thumbnail made where the photo was taken',
    ).toHaveLength(1);

    // The list: every card shows a picture, and only thumbnails came over the wire.
    await page.getByRole('link', { name: 'Klaar', exact: true }).click();
    await phone.expectSoon('every card with its picture', () =>
      page.waitForFunction(
        (count) => [...document.querySelectorAll<HTMLImageElement>('[data-testid="finding-card"] img')].filter((img) => img.naturalWidth > 0).length === count,
        others.length + 1,
        { timeout: 30_000 },
      ),
    );
    expect(new Set(gets)).toEqual(new Set(seeded.thumbnails));
    expect(
      gets.filter((hash) => others.includes(hash)),
      'no full photo fetched for the list',
    ).toEqual([]);

    // Open the other findings one by one; the first once more before the last three.
    const last = seeded.findingIds.length - 3;
    const order = [...seeded.findingIds.slice(0, last), seeded.findingIds[0] as string, ...seeded.findingIds.slice(last)];
    for (const id of order) {
      await page.goto(`${env.server.url}/#/bevinding/${id}`);
      await phone.expectSoon(`the photo of finding ${id}`, () =>
        page.waitForFunction(
          () => [...document.querySelectorAll<HTMLImageElement>('.photo-gallery img')].some((img) => img.naturalWidth > 0 && img.src.startsWith('blob:')),
          undefined,
          { timeout: 20_000 },
        ),
      );
      // The app marks a shown photo as used a moment later, in one write.
      await page.waitForTimeout(1_300);
    }

    const rows = await photoRows(page);
    const kept = new Set(rows.map((row) => row.sha256));
    // Its own photo and thumbnail: still here, still to be sent.
    for (const row of own) expect(rows.find((r) => r.sha256 === row.sha256)?.state).toBe('pending');
    // Others' photos within the budget.
    const othersBytes = rows.filter((row) => row.origin === 'other').reduce((sum, row) => sum + row.bytes, 0);
    expect(othersBytes).toBeLessThanOrEqual(BUDGET_MB * 1_000_000);
    // Evicted least recently shown first: the photos kept are the last shown; the first, shown again, outlived the second.
    const shownOrder = [...new Set(order.slice().reverse())].reverse().map((id) => others[seeded.findingIds.indexOf(id)] as string);
    const keptInOrder = shownOrder.map((hash) => kept.has(hash));
    const firstKept = keptInOrder.indexOf(true);
    expect(firstKept, 'some photos were evicted').toBeGreaterThan(0);
    expect(keptInOrder.slice(firstKept).every(Boolean), `kept: ${keptInOrder.map((k) => (k ? 'K' : '-')).join('')}`).toBe(true);
    expect(kept.has(others[0] as string), 'the first photo, shown again').toBe(true);
    expect(kept.has(others[1] as string), 'the second photo, shown once long ago').toBe(false);
    // The list's thumbnails were shown before any photo: they went first.
    expect(seeded.thumbnails.filter((hash) => kept.has(hash))).toEqual([]);

    // Instellingen: the space others' photos take, and clearing them after a question.
    await page.goto(`${env.server.url}/#/instellingen`);
    await phone.expectSoon('the space used', () =>
      page
        .getByTestId('photo-cache-usage')
        .filter({ hasText: /[1-9]\d?,\d MB van de 20,0 MB/ })
        .waitFor({ timeout: 10_000 }),
    );
    await page.getByRole('button', { name: 'Foto’s van anderen wissen' }).click();
    await page.getByRole('button', { name: 'Ja, wissen' }).click();
    await phone.expectSoon('nothing left of others’ photos', () =>
      page.getByTestId('photo-cache-usage').filter({ hasText: '0,0 MB van de 20,0 MB' }).waitFor({ timeout: 10_000 }),
    );
    const left = await photoRows(page);
    expect(left.filter((row) => row.origin === 'other')).toEqual([]);
    expect(left.map((row) => row.sha256).sort()).toEqual(own.map((row) => row.sha256).sort());

    // Uploads work again: the own photo and its thumbnail are sent.
    await context.unroute('**/api/v1/photos/*');
    await phone.expectSoon('the own photos sent', async () => {
      const deadline = Date.now() + 60_000;
      while ((await photoRows(page)).some((row) => row.state !== 'sent')) {
        if (Date.now() > deadline) throw new Error('own photos still unsent after a minute');
        await phone.syncNow();
        await page.waitForTimeout(1_000);
      }
    });
    await context.close();
  }, 240_000);
});
