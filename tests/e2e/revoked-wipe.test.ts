/**
 * A revoked phone wipes itself at its next contact, photos included (issue
 * 10, item 13): a volunteer's phone has fetched a colleague's photo (kept in
 * the app's own store), and something of the API sits in Cache Storage (as
 * an older app or a browser extension might have left it). The coordinator
 * revokes the phone; at its next sync the server answers `device-revoked`
 * with `Clear-Site-Data: "cache"`, and the app deletes its databases and
 * every /api/ answer in Cache Storage — while the shell stays, so the app
 * still opens offline to sign in again — and shows the signed-out screen.
 * Offline, the photo is not to be had any more.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/domain/ids.ts';
import { SCHEMA_VERSION } from '../../src/domain/protocol.ts';
import { schouwIdFor } from '../../src/domain/schouw.ts';
import { processedPlainJpeg } from '../fixtures/server-schouw.ts';
import { apiCall, creating } from './coordinator-api.ts';
import { BuurtlogPage, daysFromToday } from './buurtlog-page.ts';
import { ANDROID_PHONE_UA, newDevice, signIn } from './harness.ts';
import { useServerAndBrowser } from './use-server-and-browser.ts';

const TEAM_ID = 'buurtpreventie-oranjebuurt';
const OBSERVER = 'e2e-observer-0001';

/** Whether this page's IndexedDB store holds the photo (the table the app keeps photos in, src/store/database.ts). */
function storedPhoto(page: Page, sha256: string): Promise<boolean> {
  return page.evaluate(
    (hash) =>
      new Promise<boolean>((resolve, reject) => {
        const open = indexedDB.open('buurtlog-alblasserdam');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('photos').objectStore('photos').get(hash);
          get.onsuccess = () => {
            db.close();
            resolve(get.result !== undefined);
          };
          get.onerror = () => reject(get.error);
        };
      }),
    sha256,
  );
}

/** Every request URL path kept in Cache Storage, by cache. */
function cachedPaths(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const kept: Record<string, string[]> = {};
    for (const name of await caches.keys()) kept[name] = (await (await caches.open(name)).keys()).map((request) => new URL(request.url).pathname);
    return kept;
  });
}

describe('a revoked phone', () => {
  const env = useServerAndBrowser();

  it('wipes its records, the colleague’s photo it kept and the API answers in Cache Storage, and shows the signed-out screen', async () => {
    const { server, browser } = env;
    const token = await signIn(server);

    // A colleague's schouw round of the team, with a finding and its photo, on the server.
    const photo = processedPlainJpeg();
    const upload = await fetch(`${server.url}/api/v1/photos/${photo.sha256}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'image/jpeg' },
      body: photo.bytes as BodyInit,
    });
    expect(upload.status).toBe(201);
    const roundId = uuidv7(Date.now());
    const findingId = uuidv7(Date.now() + 1);
    const pushed = (await apiCall(server, token, 'POST', '/sync/push', {
      schemaVersion: SCHEMA_VERSION,
      deviceId: OBSERVER,
      mutations: [
        creating(OBSERVER, 'activity', roundId, {
          title: 'Najaarsschouw Oranjebuurt',
          type: 'schouw',
          buurtId: 'oranjebuurt',
          teamId: TEAM_ID,
          date: daysFromToday(0),
          start: '10:00',
          status: 'planned',
          createdAt: Date.now(),
          createdBy: 'colleague',
        }),
        creating(OBSERVER, 'schouw', schouwIdFor(roundId), { activityId: roundId, kind: 'withResidents', method: 'crow', targetLevel: 'B' }),
        creating(OBSERVER, 'finding', findingId, {
          schouwId: roundId,
          buurtId: 'oranjebuurt',
          teamId: TEAM_ID,
          element: 'playEquipment',
          aspect: 'damage',
          level: 'C',
          photos: [photo.sha256],
          note: 'Schommel hangt scheef',
          createdAt: Date.now(),
          createdBy: 'colleague',
        }),
      ],
    })) as { results: Array<{ status: string }> };
    expect(pushed.results.map((result) => result.status)).toEqual(['applied', 'applied', 'applied']);

    // A volunteer of the team, on her phone, looks at the finding: the photo comes from the server and is kept.
    const invite = (await apiCall(server, token, 'POST', '/invites', { teamId: TEAM_ID, displayName: 'Sanne' })) as { url: string };
    const phone = await BuurtlogPage.openInvite(await newDevice(browser, { userAgent: ANDROID_PHONE_UA }), server.url, invite.url);
    const { page } = phone;
    await phone.waitUntilOfflineReady();
    await page.goto(`${server.url}/#/bevinding/${findingId}`);
    await phone.expectSoon('the colleague’s photo on the phone', () =>
      page.waitForFunction(
        () => {
          const images = [...document.querySelectorAll<HTMLImageElement>('.photo-gallery img')];
          return images.length === 1 && images.every((img) => img.src.startsWith('blob:') && img.complete && img.naturalWidth > 0);
        },
        undefined,
        { timeout: 30_000 },
      ),
    );
    await phone.expectSoon('the photo kept in the app’s own store', async () => {
      const deadline = Date.now() + 10_000;
      while (!(await storedPhoto(page, photo.sha256))) {
        if (Date.now() > deadline) throw new Error('the photo is not in the photos table');
        await page.waitForTimeout(200);
      }
    });

    // API answers in Cache Storage: in a cache of their own, and among the shell's precache.
    const shellCache = Object.keys(await cachedPaths(page)).find((name) => name.includes('precache'));
    expect(shellCache, 'the service worker’s precache').toBeDefined();
    await page.evaluate(
      async ({ hash, precache }) => {
        const bytes = await (await fetch(`/api/v1/photos/${hash}`, { headers: { accept: 'image/*' } }).catch(() => null))?.arrayBuffer();
        const answer = () => new Response(bytes ?? new Uint8Array([0xff, 0xd8]), { headers: { 'content-type': 'image/jpeg' } });
        await (await caches.open('buurtlog-api-leftover')).put(`/api/v1/photos/${hash}`, answer());
        await (await caches.open(precache)).put('/api/v1/me', new Response('{}', { headers: { 'content-type': 'application/json' } }));
      },
      { hash: photo.sha256, precache: shellCache as string },
    );
    const before = await cachedPaths(page);
    expect(Object.values(before).flat()).toEqual(expect.arrayContaining([`/api/v1/photos/${photo.sha256}`, '/api/v1/me']));

    // The coordinator revokes the phone.
    const users = (await apiCall(server, token, 'GET', '/users')) as Array<{ id: string; displayName: string }>;
    const sanne = users.find((user) => user.displayName === 'Sanne');
    const devices = (await apiCall(server, token, 'GET', `/users/${sanne?.id}/devices`)) as Array<{ id: string }>;
    expect(devices).toHaveLength(1);
    await apiCall(server, token, 'DELETE', `/devices/${devices[0]?.id}`);

    // Its next contact: the server says revoked and clears the HTTP cache; the app wipes the rest.
    const revokedAnswers: Array<Promise<string | null>> = [];
    page.on('response', (response) => {
      // allHeaders: headers() leaves out the security-related ones, Clear-Site-Data among them.
      if (response.status() === 401 && new URL(response.url()).pathname.startsWith('/api/'))
        revokedAnswers.push(response.allHeaders().then((headers) => headers['clear-site-data'] ?? null));
    });
    await phone.syncNow();
    await phone.expectSoon('the signed-out screen', () => page.getByText('Dit toestel is afgemeld door een coördinator').first().waitFor({ timeout: 30_000 }));
    expect(revokedAnswers.length).toBeGreaterThan(0);
    expect(new Set(await Promise.all(revokedAnswers))).toEqual(new Set(['"cache"']));
    // The signed-out screen of a first start: the privacy notice comes first, as on a new phone.
    await page.getByRole('heading', { level: 1, name: 'Wat Buurtlog bewaart en waarom' }).waitFor();

    // Nothing of Buurtlog's data is left: no database, no API answer in Cache Storage; the shell is kept.
    const databases = await page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name ?? ''));
    expect(databases.filter((name) => name.startsWith('buurtlog-'))).toEqual([]);
    const after = await cachedPaths(page);
    expect(
      Object.values(after)
        .flat()
        .filter((path) => path.startsWith('/api/')),
    ).toEqual([]);
    expect(after[shellCache as string]?.length, 'the shell’s precache').toBeGreaterThan(0);

    // Offline, the photo is not to be had: not from the HTTP cache, not from the network.
    await phone.goOffline();
    const offline = await page.evaluate(async (hash) => {
      const cached = await fetch(`/api/v1/photos/${hash}`, { cache: 'only-if-cached', mode: 'same-origin' }).then(
        (response) => response.status,
        () => 'none',
      );
      const fetched = await fetch(`/api/v1/photos/${hash}`).then(
        (response) => response.status,
        () => 'none',
      );
      return { cached, fetched };
    }, photo.sha256);
    expect(offline).toEqual({ cached: 'none', fetched: 'none' });
    // The shell still opens offline, as on a phone never signed in.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Wat Buurtlog bewaart en waarom' }).waitFor({ timeout: 30_000 });
    await page.context().close();
  });
});
