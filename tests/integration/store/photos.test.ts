import { readFile } from 'node:fs/promises';
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/store/invalid-input.ts';
import { activityInput, manualClock, openTestStore } from '../../fixtures/factories.ts';
import { NOW, TENANT, sha256Hex } from '../../fixtures/fixed.ts';

const jpeg = new Uint8Array(await readFile(new URL('../../fixtures/photos/plain-upright.jpg', import.meta.url)));
const sha256 = sha256Hex(jpeg);
const photo = () => ({ blob: new Blob([jpeg], { type: 'image/jpeg' }), sha256, type: 'image/jpeg' });

describe('the photo store', () => {
  it('keeps a photo by its hash, pending, with its bytes; adding it again changes nothing', async () => {
    const store = await openTestStore();
    expect(await store.sync.photoState(sha256)).toBeNull();
    expect(await store.ui.photos.add(photo())).toBe(true);
    expect(await store.sync.photoState(sha256)).toEqual({ state: 'pending', attempts: 0, nextAttemptAt: 0 });
    const blob = await store.ui.photos.getBlob(sha256);
    expect(new Uint8Array(await (blob as Blob).arrayBuffer())).toEqual(jpeg);
    expect((await store.ui.outbox.summary()).pendingPhotos).toBe(1);

    await store.sync.markPhotoSent(sha256);
    expect(await store.ui.photos.add(photo())).toBe(false);
    expect(await store.sync.photoState(sha256)).toMatchObject({ state: 'sent' });
    expect((await store.ui.outbox.summary()).pendingPhotos).toBe(0);
  });

  it('refuses a photo that is not named by a SHA-256, or of another type, and writes nothing', async () => {
    const store = await openTestStore();
    await expect(store.ui.photos.add({ ...photo(), sha256: 'abc' })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(store.ui.photos.add({ ...photo(), type: 'image/png' })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(store.ui.photos.add({ ...photo(), blob: new Blob([]) })).rejects.toBeInstanceOf(InvalidInputError);
    expect(await store.sync.photoState(sha256)).toBeNull();
  });

  it('queues only photos that are due; a retryable failure waits, a permanent one is kept as failed', async () => {
    const clock = manualClock();
    const store = await openTestStore({ now: clock.now });
    const other = 'b'.repeat(64);
    await store.ui.photos.add(photo());
    await store.ui.photos.add({ ...photo(), sha256: other });
    expect((await store.sync.pendingPhotos(10)).map((p) => p.sha256).sort()).toEqual([sha256, other].sort());

    await store.sync.markPhotoFailed(sha256, 'server-unavailable', false, NOW + 5_000);
    expect((await store.sync.pendingPhotos(10)).map((p) => p.sha256)).toEqual([other]);
    expect(await store.sync.photoState(sha256)).toEqual({ state: 'pending', attempts: 1, nextAttemptAt: NOW + 5_000, lastError: 'server-unavailable' });
    clock.advance(5_000);
    expect(await store.sync.pendingPhotos(10)).toHaveLength(2);
    expect(await store.sync.pendingPhotos(1)).toHaveLength(1);

    await store.sync.markPhotoFailed(other, 'unsupported-media-type: Send the photo as image/jpeg', true, 0);
    expect(await store.sync.photoState(other)).toMatchObject({ state: 'failed', lastError: 'unsupported-media-type: Send the photo as image/jpeg' });
    expect((await store.sync.pendingPhotos(10)).map((p) => p.sha256)).toEqual([sha256]);
    expect((await store.ui.outbox.summary()).pendingPhotos).toBe(1);
    // Still there to be shown.
    expect(await store.ui.photos.getBlob(other)).not.toBeNull();
  });

  it('puts a sent photo the server lacks back in the queue, and leaves refused ones refused', async () => {
    const store = await openTestStore();
    const refused = 'c'.repeat(64);
    await store.ui.photos.add(photo());
    await store.ui.photos.add({ ...photo(), sha256: refused });
    await store.sync.markPhotoSent(sha256);
    await store.sync.markPhotoFailed(refused, 'invalid-payload', true, 0);
    // A late failure never un-sends a photo.
    await store.sync.markPhotoFailed(sha256, 'network', false, NOW + 1);
    expect(await store.sync.photoState(sha256)).toMatchObject({ state: 'sent' });

    expect(await store.sync.requeuePhotos([sha256, refused, 'd'.repeat(64)])).toBe(1);
    expect(await store.sync.photoState(sha256)).toMatchObject({ state: 'pending', nextAttemptAt: 0 });
    expect(await store.sync.photoState(refused)).toMatchObject({ state: 'failed' });
  });

  it('upgrades a version-1 database and keeps its records, outbox and clock', async () => {
    // Rows as this version writes them, copied into a database made with schema version 1 only.
    const source = new IDBFactory();
    const made = await openTestStore({ factory: source });
    const id = await made.ui.activities.create(activityInput());
    made.close();
    const tables = ['records', 'outbox', 'meta'] as const;
    const read = new Dexie(`buurtlog-${TENANT}`, { indexedDB: source, IDBKeyRange });
    await read.open();
    const rows = Object.fromEntries(await Promise.all(tables.map(async (name) => [name, await read.table(name).toArray()] as const)));
    read.close();

    const factory = new IDBFactory();
    const v1 = new Dexie(`buurtlog-${TENANT}`, { indexedDB: factory, IDBKeyRange });
    v1.version(1).stores({ records: 'id, type', outbox: '++seq, &mutationId, recordId, state, [recordId+state]', meta: 'key' });
    await v1.open();
    for (const name of tables) await v1.table(name).bulkAdd(rows[name] ?? []);
    expect(v1.verno).toBe(1);
    v1.close();

    const store = await openTestStore({ factory });
    expect(await store.ui.activities.get(id)).toMatchObject({ title: 'Buurtbarbecue Oranjebuurt', syncState: 'local' });
    expect(await store.sync.pendingCount()).toBe(1);
    expect(await store.ui.photos.add(photo())).toBe(true);
    expect(await store.ui.outbox.summary()).toMatchObject({ pending: 1, pendingPhotos: 1 });
  });
});
