// Dexie's liveQuery needs a global indexedDB, read when dexie loads; each store still gets its own IDBFactory.
import { stripMetadata } from '../../../src/app/photos/strip-metadata.ts';
import 'fake-indexeddb/auto';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { findPhoto } from '../../../src/server/db/photos.ts';
import type { FetchLike } from '../../../src/sync/http.ts';
import { activityInput } from '../../fixtures/factories.ts';
import { DEVICE_A, DEVICE_B, NOW, TENANT, sha256Hex } from '../../fixtures/fixed.ts';
import { openDevice, eachTestServer, type Device, type ManualClock, type TestServer } from './harness.ts';

const fixture = async (name: string) => new Uint8Array(await readFile(new URL(`../../fixtures/photos/${name}`, import.meta.url)));
// As the app's pipeline leaves it: through its stripper (the server takes nothing else).
const plain = stripMetadata(await fixture('plain-upright.jpg'));
const PLAIN = sha256Hex(plain);
/** Another valid JPEG without metadata: the same bytes with zero padding after the end marker. */
const padded = new Uint8Array([...plain, 0, 0]);
const PADDED = sha256Hex(padded);
const photo = (bytes: Uint8Array<ArrayBuffer>) => ({ blob: new Blob([bytes], { type: 'image/jpeg' }), sha256: sha256Hex(bytes), type: 'image/jpeg' });
const puts = (device: Device) => device.network.calls.filter((call) => call.startsWith('PUT'));

let server: TestServer;
let clock: ManualClock;
eachTestServer((s, c) => ((server = s), (clock = c)));

async function serverHash(sha256: string): Promise<string | null> {
  const stored = await findPhoto(server.database.db, TENANT, sha256);
  return stored ? sha256Hex(new Uint8Array(stored.bytes)) : null;
}

/** A fetch to the server that lets a test change one call on the way (`tamper` answers null to pass it on unchanged). */
function tamperedFetch(tamper: (url: string, init: RequestInit, call: number) => Promise<Response | null> | Response | null): {
  fetch: FetchLike;
  calls: string[];
} {
  const calls: string[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push(`${init.method ?? 'GET'} ${url.split('?')[0]}`);
    return (await tamper(url, init, calls.length)) ?? server.fetch(url, init);
  };
  return { fetch, calls };
}

describe('uploading photos', () => {
  it('uploads a photo added offline once the phone is online, and the server holds the same bytes', async () => {
    const a = await openDevice(server, DEVICE_A, { now: clock.now });
    a.network.mode = 'offline';
    await a.store.ui.activities.create(activityInput());
    expect(await a.store.ui.photos.add(photo(plain))).toBe(true);
    expect(await a.sync()).toEqual({ ok: false, reason: 'network' });
    expect(await a.store.sync.photoState(PLAIN)).toMatchObject({ state: 'pending', attempts: 0 });

    a.network.mode = 'up';
    a.network.calls.length = 0;
    expect(await a.sync()).toMatchObject({ ok: true, pushed: 1, photos: { sent: 1, failed: 0 } });
    expect(a.network.calls).toEqual(['POST /api/v1/sync/push', `PUT /api/v1/photos/${PLAIN}`, 'GET /api/v1/sync/pull']);
    expect(await a.store.sync.photoState(PLAIN)).toMatchObject({ state: 'sent' });
    expect((await a.store.ui.outbox.summary()).pendingPhotos).toBe(0);
    expect(await serverHash(PLAIN)).toBe(PLAIN);

    const answer = await server.fetch(`/api/v1/photos/missing?ids=${PLAIN},${PADDED}`, { method: 'GET', headers: server.coordinator.auth(DEVICE_A) });
    expect(await answer.json()).toEqual({ missing: [PADDED] });
  });

  it('re-adding a photo changes nothing and uploads nothing again; another phone with the same photo gets a 200', async () => {
    const a = await openDevice(server, DEVICE_A, { now: clock.now });
    await a.store.ui.photos.add(photo(plain));
    await a.sync();
    expect(await a.store.ui.photos.add(photo(plain))).toBe(false);
    expect(await a.sync()).toEqual({ ok: true, pushed: 0, pulled: 0 });
    expect(puts(a)).toHaveLength(1);

    const b = await openDevice(server, DEVICE_B, { now: clock.now });
    await b.store.ui.photos.add(photo(plain));
    expect(await b.sync()).toMatchObject({ ok: true, photos: { sent: 1, failed: 0 } });
    expect(await b.store.sync.photoState(PLAIN)).toMatchObject({ state: 'sent' });
    expect(await serverHash(PLAIN)).toBe(PLAIN);
  });

  it('keeps a photo pending when the server fails in the middle, uploads the others, and completes it on a later sync', async () => {
    const a = await openDevice(server, DEVICE_A, { now: clock.now });
    await a.store.ui.photos.add(photo(plain));
    await a.store.ui.photos.add(photo(padded));
    let failed: string | null = null;
    a.network.beforeCall = (url, init) => {
      const isFirstPut = init.method === 'PUT' && failed === null;
      if (isFirstPut) failed = url.split('/').pop() ?? null;
      a.network.mode = isFirstPut ? 'server-error' : 'up';
    };
    expect(await a.sync()).toMatchObject({ ok: true, photos: { sent: 1, failed: 1 } });
    const other = failed === PLAIN ? PADDED : PLAIN;
    expect(await a.store.sync.photoState(other)).toMatchObject({ state: 'sent' });
    // random() is 0.5 in the harness: half of the first step (2 s) of backoff.
    expect(await a.store.sync.photoState(failed as unknown as string)).toEqual({
      state: 'pending',
      attempts: 1,
      nextAttemptAt: NOW + 1_000,
      lastError: 'server-unavailable',
    });
    expect(await serverHash(failed as unknown as string)).toBeNull();
    expect((await a.store.ui.outbox.summary()).pendingPhotos).toBe(1);

    // Not due yet: the next sync leaves it alone.
    expect(await a.sync()).toEqual({ ok: true, pushed: 0, pulled: 0 });
    expect(puts(a)).toHaveLength(2);

    clock.advance(1_000);
    expect(await a.sync()).toMatchObject({ ok: true, photos: { sent: 1, failed: 0 } });
    expect(await a.store.sync.photoState(failed as unknown as string)).toMatchObject({ state: 'sent' });
    for (const hash of [PLAIN, PADDED]) expect(await serverHash(hash)).toBe(hash);
  });

  it('does not call a photo sent when the answer is lost, and the retry gets a 200', async () => {
    let lose = true;
    const { fetch } = tamperedFetch(async (url, init) => {
      if (init.method !== 'PUT' || !lose) return null;
      lose = false;
      await server.fetch(url, init);
      throw new TypeError('Network connection was lost');
    });
    const a = await openDevice(server, DEVICE_A, { now: clock.now, engine: { fetch } });
    await a.store.ui.photos.add(photo(plain));
    expect(await a.sync()).toMatchObject({ ok: true, photos: { sent: 0, failed: 1 } });
    expect(await a.store.sync.photoState(PLAIN)).toMatchObject({ state: 'pending', lastError: 'network' });
    expect(await serverHash(PLAIN)).toBe(PLAIN);

    clock.advance(1_000);
    expect(await a.sync()).toMatchObject({ ok: true, photos: { sent: 1, failed: 0 } });
    expect(await a.store.sync.photoState(PLAIN)).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('sends a photo again after a hash mismatch (bytes damaged on the way)', async () => {
    let damage = true;
    const { fetch, calls } = tamperedFetch(async (url, init) => {
      if (init.method !== 'PUT' || !damage) return null;
      damage = false;
      const bytes = new Uint8Array(await (init.body as Blob).arrayBuffer());
      bytes[bytes.length - 3] = (bytes[bytes.length - 3] as number) ^ 0xff;
      return server.fetch(url, { ...init, body: new Blob([bytes]) });
    });
    const a = await openDevice(server, DEVICE_A, { now: clock.now, engine: { fetch } });
    await a.store.ui.photos.add(photo(plain));
    expect(await a.sync()).toMatchObject({ ok: true, photos: { sent: 0, failed: 1 } });
    expect(await a.store.sync.photoState(PLAIN)).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastError: expect.stringMatching(/^invalid-payload: Hash mismatch/),
    });
    expect(await serverHash(PLAIN)).toBeNull();

    clock.advance(1_000);
    expect(await a.sync()).toMatchObject({ ok: true, photos: { sent: 1, failed: 0 } });
    expect(calls.filter((call) => call.startsWith('PUT'))).toHaveLength(2);
    expect(await serverHash(PLAIN)).toBe(PLAIN);
  });

  it('marks a photo failed when the server refuses its type (415) and never sends it again', async () => {
    const { fetch, calls } = tamperedFetch((url, init) =>
      init.method === 'PUT' ? server.fetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), 'content-type': 'image/gif' } }) : null,
    );
    const a = await openDevice(server, DEVICE_A, { now: clock.now, engine: { fetch } });
    await a.store.ui.photos.add(photo(plain));
    expect(await a.sync()).toMatchObject({ ok: true, photos: { sent: 0, failed: 1 } });
    expect(await a.store.sync.photoState(PLAIN)).toMatchObject({ state: 'failed', attempts: 1, lastError: expect.stringMatching(/^unsupported-media-type: /) });
    expect((await a.store.ui.outbox.summary()).pendingPhotos).toBe(0);
    expect(await a.store.ui.photos.getBlob(PLAIN)).not.toBeNull();

    clock.advance(60 * 60_000);
    expect(await a.sync()).toEqual({ ok: true, pushed: 0, pulled: 0 });
    expect(calls.filter((call) => call.startsWith('PUT'))).toHaveLength(1);
  });

  it('marks a photo that still carries EXIF failed with the server’s reason, and uploads the next one', async () => {
    const withExif = await fixture('orientation-6-gps.jpg');
    const a = await openDevice(server, DEVICE_A, { now: clock.now });
    await a.store.ui.photos.add(photo(withExif));
    await a.store.ui.photos.add(photo(plain));
    expect(await a.sync()).toMatchObject({ ok: true, photos: { sent: 1, failed: 1 } });
    expect(await a.store.sync.photoState(sha256Hex(withExif))).toMatchObject({ state: 'failed', lastError: expect.stringContaining('EXIF') });
    expect(await a.store.sync.photoState(PLAIN)).toMatchObject({ state: 'sent' });
  });

  it('uploads again a photo the server says it lacks (a push result’s missingPhotos)', async () => {
    // The server answers the push as if a record showed this photo and the server did not have it.
    const { fetch, calls } = tamperedFetch(async (url, init) => {
      if (init.method !== 'POST') return null;
      const answer = (await (await server.fetch(url, init)).json()) as { results: Array<Record<string, unknown>> };
      answer.results = answer.results.map((result) => ({ ...result, missingPhotos: [PLAIN] }));
      return Response.json(answer);
    });
    const a = await openDevice(server, DEVICE_A, { now: clock.now, engine: { fetch } });
    await a.store.ui.photos.add(photo(plain));
    await a.store.sync.markPhotoSent(PLAIN);
    await a.store.ui.activities.create(activityInput());
    expect(await a.sync()).toMatchObject({ ok: true, pushed: 1, photos: { sent: 1, failed: 0 } });
    expect(calls).toEqual(['POST /api/v1/sync/push', `PUT /api/v1/photos/${PLAIN}`, 'GET /api/v1/sync/pull']);
    expect(await serverHash(PLAIN)).toBe(PLAIN);
  });

  it('leaves the photo queue alone on a 401 and reports the sign-in problem', async () => {
    const a = await openDevice(server, DEVICE_A, { now: clock.now });
    await a.store.ui.photos.add(photo(plain));
    a.network.beforeCall = (_url, init) => {
      a.network.mode = init.method === 'PUT' ? 'unauthenticated' : 'up';
    };
    expect(await a.sync()).toEqual({ ok: false, reason: 'unauthenticated' });
    expect(a.authProblems).toEqual(['unauthenticated']);
    expect(await a.store.sync.photoState(PLAIN)).toEqual({ state: 'pending', attempts: 0, nextAttemptAt: 0 });
  });

  it('marks a photo failed when its stored bytes no longer match its name, instead of retrying for ever', async () => {
    const a = await openDevice(server, DEVICE_A, { now: clock.now });
    // Named by the hash of other bytes: the server will always find a mismatch.
    await a.store.ui.photos.add({ ...photo(plain), sha256: PADDED });
    expect(await a.sync()).toMatchObject({ ok: true, photos: { sent: 0, failed: 1 } });
    expect(await a.store.sync.photoState(PADDED)).toMatchObject({ state: 'failed', lastError: expect.stringMatching(/^hash-mismatch/) });
    expect(await serverHash(PADDED)).toBeNull();
  });
});
