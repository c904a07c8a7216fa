/** "foto nog niet verstuurd": read from the store's photo table, never assumed. */
import { describe, expect, it } from 'vitest';
import { hasUnsentPhoto, photoObjectsOf } from '../../src/app/schouw/photo-badge.ts';
import { activityInput, openTestStore } from '../fixtures/factories.ts';

const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);
const HASH_T = 'c'.repeat(64);
const photo = (sha256: string) => ({ blob: new Blob([new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3])], { type: 'image/jpeg' }), sha256, type: 'image/jpeg' });

describe('the badge for a photo not sent yet', () => {
  it('shows while a finding’s photo is pending on this device, and goes once the server has it', async () => {
    const store = await openTestStore();
    const activityId = await store.ui.activities.create(activityInput({ type: 'schouw' }));
    await store.ui.photos.add(photo(HASH_A));
    const id = await store.ui.schouw.createFinding({ schouwId: activityId, element: 'litterBin', aspect: 'binFull', photos: [HASH_A] }, 'user-anna');
    const [finding] = await store.ui.schouw.listFindings({ schouwId: activityId });
    expect(finding?.id).toBe(id);

    expect(hasUnsentPhoto(finding!.photos, await store.ui.photos.states(finding!.photos))).toBe(true);
    await store.sync.markPhotoSent(HASH_A);
    expect(hasUnsentPhoto(finding!.photos, await store.ui.photos.states(finding!.photos))).toBe(false);
  });

  it('shows for a photo whose upload failed, not for one taken on another phone', async () => {
    const store = await openTestStore();
    await store.ui.photos.add(photo(HASH_A));
    await store.sync.markPhotoFailed(HASH_A, 'too-large', true, 0);
    expect(hasUnsentPhoto([HASH_A], await store.ui.photos.states([HASH_A]))).toBe(true);
    // Not on this device: it reached the server from the phone that took it.
    expect(hasUnsentPhoto([HASH_B], await store.ui.photos.states([HASH_B]))).toBe(false);
    expect(hasUnsentPhoto([], {})).toBe(false);
  });

  it('stays while the photo is on the server but its thumbnail is not yet', async () => {
    const store = await openTestStore();
    const activityId = await store.ui.activities.create(activityInput({ type: 'schouw' }));
    await store.ui.photos.add({ ...photo(HASH_A), thumbnail: photo(HASH_T) });
    await store.ui.schouw.createFinding({ schouwId: activityId, element: 'litterBin', aspect: 'binFull', photos: [HASH_A] }, 'user-anna');
    const [finding] = await store.ui.schouw.listFindings({ schouwId: activityId });
    expect(photoObjectsOf(finding!)).toEqual([HASH_A, HASH_T]);

    await store.sync.markPhotoSent(HASH_A);
    expect(hasUnsentPhoto(photoObjectsOf(finding!), await store.ui.photos.states(photoObjectsOf(finding!)))).toBe(true);
    await store.sync.markPhotoSent(HASH_T);
    expect(hasUnsentPhoto(photoObjectsOf(finding!), await store.ui.photos.states(photoObjectsOf(finding!)))).toBe(false);
  });
});
