// Dexie's liveQuery needs a global indexedDB, read when dexie loads; each store still gets its own IDBFactory.
import { stripMetadata } from '../../../src/app/photos/strip-metadata.ts';
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createAccountApi } from '../../../src/sync/account-api.ts';
import { SyncFailure } from '../../../src/sync/http.ts';
import { PHONE_A, PHONE_B, activityInput } from '../../fixtures/factories.ts';
import { openDevice, eachTestServer, type ManualClock, type TestServer } from './harness.ts';

// As the app's pipeline leaves it: through its stripper (the server takes nothing else).
const plain = stripMetadata(new Uint8Array(await readFile(new URL('../../fixtures/photos/plain-upright.jpg', import.meta.url))));
const PLAIN = createHash('sha256').update(plain).digest('hex');

let server: TestServer;
let clock: ManualClock;
eachTestServer((s, c) => ((server = s), (clock = c)));

describe('a schouw round on two phones', () => {
  it('collects findings from both, offline, with their follow-up, and the second phone gets the first one’s photo checked by its hash', async () => {
    const a = await openDevice(server, PHONE_A, { now: clock.now });
    const b = await openDevice(server, PHONE_B, { now: clock.now });
    const activityId = await a.store.createActivity(activityInput({ type: 'schouw', title: 'Najaarsschouw' }));
    await a.engine.sync('test');
    await b.engine.sync('test');

    a.network.mode = 'offline';
    b.network.mode = 'offline';
    await a.store.addPhoto({ blob: new Blob([plain], { type: 'image/jpeg' }), sha256: PLAIN, type: 'image/jpeg' });
    const onA = await a.store.createFinding({ schouwId: activityId, element: 'tree', aspect: 'damage', level: 'D', photos: [PLAIN] }, server.coordinator.userId);
    await a.store.bumpSchouwCount(activityId, 'residents', 1);
    const onB = await b.store.createFinding({ schouwId: activityId, element: 'pavement', aspect: 'loosePaving', level: 'B' }, server.coordinator.userId);
    await b.store.bumpSchouwCount(activityId, 'residents', 1);
    await b.store.updateSchouw(activityId, { targetLevel: 'C' });

    a.network.mode = 'up';
    b.network.mode = 'up';
    expect(await a.engine.sync('test')).toMatchObject({ ok: true, photos: { sent: 1, failed: 0 } });
    expect(await b.engine.sync('test')).toMatchObject({ ok: true });
    await a.engine.sync('test');
    await b.store.setFindingStatus(onA, { to: 'reported', note: 'FIXI 2025-0042', by: server.coordinator.userId });
    await b.engine.sync('test');
    await a.engine.sync('test');

    for (const device of [a, b]) {
      expect((await device.store.listFindings({ schouwId: activityId })).map((f) => f.id).sort()).toEqual([onA, onB].sort());
      expect(await device.store.getSchouw(activityId)).toMatchObject({ targetLevel: 'C', participants: { residents: 2, total: 2 } });
    }
    expect(await a.store.getFinding(onA)).toMatchObject({ status: 'reported', syncState: 'sent' });
    expect((await a.store.getFindingHistory(onA)).map(({ from, to, note }) => ({ from, to, note }))).toEqual([{ from: 'new', to: 'reported', note: 'FIXI 2025-0042' }]);
    expect(a.network.calls.filter((call) => call.startsWith('PUT'))).toEqual([`PUT /api/v1/photos/${PLAIN}`]);

    // Phone B has no copy of the photo: it fetches it once, checked against its hash, and keeps it.
    expect(await b.store.getPhotoBlob(PLAIN)).toBeNull();
    const api = createAccountApi({ fetch: server.fetch, token: () => server.coordinator.tokens.get(PHONE_B) ?? null });
    const fetched = await api.photo(PLAIN);
    await b.store.cachePhoto({ sha256: PLAIN, ...fetched });
    expect(createHash('sha256').update(new Uint8Array(await ((await b.store.getPhotoBlob(PLAIN)) as Blob).arrayBuffer())).digest('hex')).toBe(PLAIN);
    expect(await b.store.photoStates([PLAIN])).toEqual({ [PLAIN]: 'sent' });
    expect(await b.store.pendingPhotos(10)).toEqual([]);
  });

  it('refuses a fetched photo whose bytes do not match its name', async () => {
    const forged = async (url: string, init: RequestInit) => (url.includes('/photos/') ? new Response(new Uint8Array([1, 2, 3]), { status: 200, headers: { 'content-type': 'image/jpeg' } }) : server.fetch(url, init));
    const api = createAccountApi({ fetch: forged, token: () => 'token' });
    await expect(api.photo(PLAIN)).rejects.toBeInstanceOf(SyncFailure);
    const missing = createAccountApi({ fetch: server.fetch, token: () => server.coordinator.tokens.get(PHONE_A) ?? null });
    await expect(missing.photo('f'.repeat(64))).rejects.toMatchObject({ status: 404 });
  });
});
