/**
 * A day with Buurtlog on a phone, in each engine (Chromium, Firefox ESR,
 * WebKitGTK): sign-in; the app shell offline and after a reload; an activity
 * counted offline with a reload in the middle, then synced; ten fast taps at
 * one screen spot counting ten; a schouw finding with a real iPhone-like JPEG
 * (EXIF orientation 6) processed, stored and uploaded; an invite redeemed on a
 * second phone; the update prompt. The tests of an engine share one server,
 * one browser and one phone signed in once, and run in this order (the
 * browser's close puts the phones away).
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../src/app/photos/byte-source.ts';
import { readImageHeader } from '../../src/app/photos/image-header.ts';
import { jpegMetadataSegments } from '../../src/app/photos/strip-metadata.ts';
import type { SyncRecord } from '../../src/domain/records.ts';
import { coordinatorApi } from '../e2e/coordinator-api.ts';
import { serverRecords, signIn } from '../e2e/harness.ts';
import { serverActivityByTitle, serverCount } from '../e2e/server-view.ts';
import { sha256Hex } from '../fixtures/fixed.ts';
import { METADATA_STRINGS, ORIENTATION_6, photoFixture } from '../fixtures/photos/photo-fixtures.ts';
import { ENGINES } from './drivers.ts';
import { Phone } from './phone.ts';
import { useEngine } from './use-engine.ts';
import { daysFromToday } from '../e2e/buurtlog-page.ts';

const TEAM_ID = 'buurtpreventie-oranjebuurt';

describe.each(ENGINES)('a phone in %s', (engine) => {
  const env = useEngine(engine);
  let phone: Phone;

  it('signs in and lands on the activity list', async () => {
    phone = await Phone.take(env.browser, env.site);
    await phone.open();
    await phone.waitUntilOfflineReady();
  });

  it('opens the app shell offline, also after a reload', async () => {
    await phone.goOffline();
    await phone.reload();
    await phone.heading('Activiteiten');
    // A lazy screen comes from the precache too.
    await phone.follow('Nieuwe activiteit');
    await phone.heading('Nieuwe activiteit');
    await phone.goto('#/');
    await phone.heading('Activiteiten');
    await phone.goOnline();
  });

  it('keeps an activity counted offline through a reload, then the server has the counts', async () => {
    const title = `Koffieochtend ${engine}`;
    await phone.goOffline();
    const id = await phone.createActivity({ title });
    await phone.openAttendance();
    await phone.count('Bewoners', 3);
    await phone.count('Kinderen', 2);
    await phone.waitForCount('residents', 3);
    await phone.waitForCount('children', 2);
    expect(await phone.pendingText()).toMatch(/alleen op dit toestel/);

    await phone.reload();
    await phone.heading('Aanwezigheid');
    await phone.waitForCount('residents', 3);
    await phone.count('Bewoners', 1);
    await phone.waitForCount('residents', 4);

    await phone.goOnline();
    await phone.waitUntilAllSent();
    expect(await serverActivityByTitle(env.site.server, title)).toHaveLength(1);
    expect(await serverCount(env.site.server, id, 'residents')).toBe(4);
    expect(await serverCount(env.site.server, id, 'children')).toBe(2);
  });

  it('counts ten fast taps at one screen spot as ten, the layout not waited for', async () => {
    await phone.goto('#/');
    await phone.heading('Activiteiten');
    await phone.createActivity({ title: `Burendag ${engine}` });
    await phone.openAttendance();
    const plus = await phone.plusAt('Bewoners');
    for (let i = 0; i < 10; i++) await phone.tapAt(plus.x, plus.y);
    await phone.waitForCount('residents', 10);
    // Nothing more arrives later.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await phone.countValue('residents')).toBe(10);
  });

  // WebKitGTK's WebDriver runs MiniBrowser with an ephemeral data store (as Safari's Private Browsing), which refuses
  // a Blob in IndexedDB ("Error preparing Blob/File data to be stored"): the store keeps a photo's bytes as an
  // ArrayBuffer (src/store/photos.ts), so this runs in WebKit too.
  it('turns an iPhone photo (EXIF orientation 6) upright, strips its metadata, stores it and uploads it with its finding', async () => {
    await phone.goto('#/');
    await phone.heading('Activiteiten');
    await phone.createActivity({ title: `Schouw ${engine}`, type: 'Schouw' });
    await phone.follow('Schouw openen');
    await phone.follow('Bevinding toevoegen');
    await phone.heading('Nieuwe bevinding');
    await phone.choosePhoto(photoFixture(ORIENTATION_6.file));
    await phone.waitFor({ role: 'button', name: 'Foto 1 verwijderen' }, 30_000);
    await phone.press('Afvalbak', 'Waar gaat het over?');
    await phone.press('Afvalbak vol', 'Wat is er aan de hand?');
    await phone.waitForText('Bevinding opgeslagen op dit toestel');
    await phone.waitUntilAllSent();

    // The server has the finding (the only one on this engine's server), naming its photo, and the photo's bytes.
    let photo: Uint8Array | undefined;
    let hash = '';
    await phone.until(
      'the finding and its photo on the server',
      async () => {
        const finding = ((await serverRecords(env.site.server)) as SyncRecord[]).find((r) => r.type === 'finding');
        hash = ((finding?.fields['photos']?.v as string[] | undefined) ?? [])[0] ?? '';
        if (!hash) return false;
        const token = await signIn(env.site.server);
        const response = await fetch(`${env.site.url}/api/v1/photos/${hash}`, { headers: { authorization: `Bearer ${token}` } });
        if (response.status !== 200) return false;
        photo = new Uint8Array(await response.arrayBuffer());
        return true;
      },
      30_000,
    );
    const bytes = photo as Uint8Array;
    expect(sha256Hex(bytes)).toBe(hash);
    expect(await readImageHeader(bytesSource(bytes))).toMatchObject({ size: ORIENTATION_6.upright, orientation: 1 });
    expect(jpegMetadataSegments(bytes)).toEqual([]);
    const text = Buffer.from(bytes).toString('latin1');
    for (const needle of METADATA_STRINGS) expect(text, `the stored photo contains "${needle}"`).not.toContain(needle);
  });

  it('joins a volunteer’s phone through an invite link, and that phone syncs', async () => {
    const inviteUrl = await (await coordinatorApi(env.site.server)).invite(TEAM_ID, `Sanne ${engine}`);
    const volunteer = await Phone.take(env.browser, env.site);
    await volunteer.redeemInvite(inviteUrl);
    await volunteer.waitUntilOfflineReady();
    await volunteer.close();
  });

  it('offers a new version with "Vernieuwen" once the form’s input is saved, never before', async () => {
    await phone.goto('#/');
    await phone.heading('Activiteiten');
    await phone.follow('Nieuwe activiteit');
    await phone.heading('Nieuwe activiteit');
    await phone.fill('Titel', `Lief & leed ${engine}`);
    appendFileSync(join(env.staticDir, 'sw.js'), `\n// a new version for ${engine}\n`);
    // Becoming visible again makes the app look for a new version.
    await phone.tab.run('() => document.dispatchEvent(new Event("visibilitychange"))');
    await phone.until('the new version waiting', () =>
      phone.tab.run<boolean>('async () => (await navigator.serviceWorker.getRegistration())?.waiting != null'),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await phone.sees({ role: 'button', name: 'Vernieuwen' })).toBe(false);
    expect(await phone.valueOf('Titel')).toBe(`Lief & leed ${engine}`);

    // Once the work is saved, the update is offered.
    await phone.choose('Buurt', 'Oranjebuurt');
    await phone.choose('Soort activiteit', 'Bijeenkomst');
    await phone.pickValue('Datum', daysFromToday(3));
    await phone.pickValue('Begintijd', '10:00');
    await phone.press('Opslaan');
    await phone.waitFor({ role: 'link', name: 'Aanwezigheid tellen' });
    await phone.waitForText('Nieuwe versie beschikbaar');
  });

  // WebKit found that reloading at 'controlling' left the new worker 'activating' for good; src/sw/register.ts reloads at 'activated'.
  it('applies the new version on "Vernieuwen", and nothing typed is lost', async () => {
    // A mark on this document: the reload "Vernieuwen" causes replaces it (navigating before that reload raced it).
    await phone.tab.run('() => { window.buurtlogBeforeUpdate = true; }');
    await phone.press('Vernieuwen');
    await phone.until('the page reloaded, the new version active', async () => {
      const state = await phone.tab.run<string>(
        'async () => { if (window.buurtlogBeforeUpdate) return "not reloaded yet"; const r = await navigator.serviceWorker.getRegistration(); return [r?.installing?.state, r?.waiting?.state, r?.active?.state, navigator.serviceWorker.controller?.state].join("/"); }',
      );
      if (state !== '//activated/activated') throw new Error(`installing/waiting/active/controller: ${state}`);
      return true;
    });
    // Nothing typed was lost.
    await phone.goto('#/');
    await phone.waitFor({ role: 'link', name: `Lief & leed ${engine}` });
  });
});
