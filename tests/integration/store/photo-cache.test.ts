/**
 * Thumbnails made once and the photo cache with a budget (issue 13, items 3
 * and 4), in the device store on fake-indexeddb: a photo taken here is kept
 * with its thumbnail and the record names both; others' photos are kept up
 * to a budget, the least recently shown out first; this phone's own photos
 * (sent or not) are never evicted.
 */
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { activityInput, manualClock, openTestStore, type TestStore } from '../../fixtures/factories.ts';
import { TENANT } from '../../fixtures/fixed.ts';

const KB = 1_000;
const hash = (n: number) => n.toString(16).padStart(64, '0');
const jpeg = (n: number, bytes = 10 * KB) => ({
  blob: new Blob([new Uint8Array(bytes).fill(n % 256)], { type: 'image/jpeg' }),
  sha256: hash(n),
  type: 'image/jpeg',
});
const held = async (store: TestStore, hashes: readonly string[]) =>
  Object.entries(await store.ui.photos.states(hashes))
    .filter(([, state]) => state !== null)
    .map(([h]) => h);

describe('the photo cache', () => {
  it('keeps others’ photos within the budget, the least recently shown out first', async () => {
    const clock = manualClock();
    const store = await openTestStore({ now: clock.now });
    const budget = 30 * KB;
    for (const n of [1, 2, 3]) {
      await store.ui.photos.cache(jpeg(n), budget);
      clock.advance(1_000);
    }
    expect(await held(store, [hash(1), hash(2), hash(3)])).toEqual([hash(1), hash(2), hash(3)]);
    // Photo 1 is shown again: photo 2 is now the one shown longest ago.
    await store.ui.photos.markUsed([hash(1)]);
    clock.advance(1_000);
    await store.ui.photos.cache(jpeg(4), budget);
    expect(await held(store, [hash(1), hash(2), hash(3), hash(4)])).toEqual([hash(1), hash(3), hash(4)]);
    clock.advance(1_000);
    await store.ui.photos.cache(jpeg(5), budget);
    expect(await held(store, [hash(1), hash(3), hash(4), hash(5)])).toEqual([hash(1), hash(4), hash(5)]);
    expect((await store.ui.photos.usage()).others).toEqual({ count: 3, bytes: 30 * KB });
  });

  it('never evicts this phone’s own photos, unsent or sent, however small the budget', async () => {
    const clock = manualClock();
    const store = await openTestStore({ now: clock.now });
    await store.ui.photos.add({ ...jpeg(1), thumbnail: jpeg(2, 2 * KB) });
    await store.ui.photos.add(jpeg(3));
    await store.sync.markPhotoSent(hash(3));
    clock.advance(1_000);
    for (const n of [10, 11, 12]) {
      await store.ui.photos.cache(jpeg(n), 15 * KB);
      clock.advance(1_000);
    }
    expect(await held(store, [hash(1), hash(2), hash(3), hash(10), hash(11), hash(12)])).toEqual([hash(1), hash(2), hash(3), hash(12)]);
    expect(await store.ui.photos.usage()).toEqual({ others: { count: 1, bytes: 10 * KB }, own: { count: 3, bytes: 22 * KB } });
    // A budget of nothing, or clearing: still every own photo stays.
    expect(await store.ui.photos.evict(0)).toBe(1);
    await store.ui.photos.cache(jpeg(13), 0);
    expect(await store.ui.photos.clearOthers()).toBe(1);
    expect(await held(store, [hash(1), hash(2), hash(3), hash(13)])).toEqual([hash(1), hash(2), hash(3)]);
    expect((await store.sync.pendingPhotos(10)).map((p) => p.sha256).sort()).toEqual([hash(1), hash(2)]);
  });

  it('keeps the photo just fetched even when it alone is over the budget', async () => {
    const store = await openTestStore();
    await store.ui.photos.cache(jpeg(1), 5 * KB);
    await store.ui.photos.cache(jpeg(2), 5 * KB);
    expect(await held(store, [hash(1), hash(2)])).toEqual([hash(2)]);
  });

  it('never evicts another’s photo the server asked this phone to send again (pending)', async () => {
    const clock = manualClock();
    const store = await openTestStore({ now: clock.now });
    await store.ui.photos.cache(jpeg(1), 100 * KB);
    clock.advance(1_000);
    await store.sync.requeuePhotos([hash(1)]);
    await store.ui.photos.cache(jpeg(2), 10 * KB);
    expect(await held(store, [hash(1), hash(2)])).toEqual([hash(1), hash(2)]);
  });

  it('tells own photos from fetched ones when it upgrades a version-2 database', async () => {
    const factory = new IDBFactory();
    const v2 = new Dexie(`buurtlog-${TENANT}`, { indexedDB: factory, IDBKeyRange });
    v2.version(2).stores({
      records: 'id, type',
      outbox: '++seq, &mutationId, recordId, state, [recordId+state]',
      meta: 'key',
      photos: 'sha256, state, [state+nextAttemptAt]',
    });
    await v2.open();
    const row = (n: number, state: string, attempts: number) => ({ ...jpeg(n), bytes: 10 * KB, createdAt: n, state, attempts, nextAttemptAt: 0 });
    // Own: pending, and sent (after an attempt); fetched: sent with no attempt.
    await v2.table('photos').bulkAdd([row(1, 'pending', 0), row(2, 'sent', 1), row(3, 'sent', 0), row(4, 'sent', 0)]);
    v2.close();

    const store = await openTestStore({ factory });
    expect(await store.ui.photos.usage()).toEqual({ others: { count: 2, bytes: 20 * KB }, own: { count: 2, bytes: 20 * KB } });
    expect(await store.ui.photos.evict(10 * KB)).toBe(1);
    expect(await held(store, [hash(1), hash(2), hash(3), hash(4)])).toEqual([hash(1), hash(2), hash(4)]);
  });
});

describe('thumbnails made where the photo is taken', () => {
  it('keeps the thumbnail beside its photo for upload, and the finding names it by the photo’s hash', async () => {
    const store = await openTestStore();
    const activityId = await store.ui.activities.create(activityInput({ type: 'schouw', title: 'Schouw', teamId: 'schouwgroep-oranjebuurt' }));
    await store.ui.photos.add({ ...jpeg(1), thumbnail: jpeg(2, KB) });
    await store.ui.photos.add({ ...jpeg(3), thumbnail: jpeg(4, KB) });
    expect((await store.sync.pendingPhotos(10)).map((p) => p.sha256).sort()).toEqual([hash(1), hash(2), hash(3), hash(4)]);

    const id = await store.ui.schouw.createFinding({ schouwId: activityId, element: 'tree', aspect: 'damage', photos: [hash(1), hash(3)] }, 'user-1');
    expect(await store.ui.schouw.getFinding(id)).toMatchObject({ photos: [hash(1), hash(3)], thumbnails: { [hash(1)]: hash(2), [hash(3)]: hash(4) } });
    // A photo taken away takes its thumbnail with it; the others keep theirs.
    await store.ui.schouw.updateFinding(id, { photos: [hash(3)] });
    expect(await store.ui.schouw.getFinding(id)).toMatchObject({ photos: [hash(3)], thumbnails: { [hash(3)]: hash(4) } });
    // A photo without a thumbnail (taken by an older app) is named without one.
    await store.ui.photos.add(jpeg(5));
    await store.ui.schouw.updateFinding(id, { photos: [hash(3), hash(5)] });
    expect((await store.ui.schouw.getFinding(id))?.thumbnails).toEqual({ [hash(3)]: hash(4) });
  });

  it('names the thumbnails of a public-space observation’s photos too', async () => {
    const store = await openTestStore();
    const roundId = await store.ui.patrol.startRound(
      { teamId: 'bp-kinderdijk', buurtIds: ['kinderdijk'], walkers: ['0193a1b2-0000-7000-8000-00000000a001'], mode: 'onFoot', checkedInWithPolice: false },
      '0193a1b2-0000-7000-8000-00000000a001',
    );
    const id = await store.ui.patrol.addObservation({ roundId, kind: 'publicSpace', type: 'brokenStreetLight' }, '0193a1b2-0000-7000-8000-00000000a001');
    await store.ui.photos.add({ ...jpeg(1), thumbnail: jpeg(2, KB) });
    await store.ui.patrol.updateObservation(id, { photos: [hash(1)] });
    expect(await store.ui.patrol.getObservation(id)).toMatchObject({ photos: [hash(1)], thumbnails: { [hash(1)]: hash(2) } });
  });
});
