// Dexie's liveQuery needs a global indexedDB, read when dexie loads; each store still gets its own IDBFactory.
import { stripMetadata } from '../../../src/app/photos/strip-metadata.ts';
import 'fake-indexeddb/auto';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createAccountApi } from '../../../src/sync/account-api.ts';
import { SyncFailure } from '../../../src/sync/http.ts';
import { activityInput } from '../../fixtures/factories.ts';
import { DEVICE_A, DEVICE_B, sha256Hex } from '../../fixtures/fixed.ts';
import { openDevice, eachTestServer, type ManualClock, type TestServer } from './harness.ts';

// As the app's pipeline leaves it: through its stripper (the server takes nothing else).
const plain = stripMetadata(new Uint8Array(await readFile(new URL('../../fixtures/photos/plain-upright.jpg', import.meta.url))));
const PLAIN = sha256Hex(plain);

let server: TestServer;
let clock: ManualClock;
eachTestServer((s, c) => ((server = s), (clock = c)));

describe('a schouw round on two phones', () => {
  it('collects findings from both, offline, with their follow-up, and the second phone gets the first one’s photo checked by its hash', async () => {
    const a = await openDevice(server, DEVICE_A, { now: clock.now });
    const b = await openDevice(server, DEVICE_B, { now: clock.now });
    const activityId = await a.store.ui.activities.create(activityInput({ type: 'schouw', title: 'Najaarsschouw' }));
    await a.sync();
    await b.sync();

    a.network.mode = 'offline';
    b.network.mode = 'offline';
    await a.store.ui.photos.add({ blob: new Blob([plain], { type: 'image/jpeg' }), sha256: PLAIN, type: 'image/jpeg' });
    const onA = await a.store.ui.schouw.createFinding(
      { schouwId: activityId, element: 'tree', aspect: 'damage', level: 'D', photos: [PLAIN] },
      server.coordinator.userId,
    );
    await a.store.ui.schouw.bump(activityId, 'residents', 1);
    const onB = await b.store.ui.schouw.createFinding(
      { schouwId: activityId, element: 'pavement', aspect: 'loosePaving', level: 'B' },
      server.coordinator.userId,
    );
    await b.store.ui.schouw.bump(activityId, 'residents', 1);
    await b.store.ui.schouw.updateRound(activityId, { targetLevel: 'C' });

    a.network.mode = 'up';
    b.network.mode = 'up';
    expect(await a.sync()).toMatchObject({ ok: true, photos: { sent: 1, failed: 0 } });
    expect(await b.sync()).toMatchObject({ ok: true });
    await a.sync();
    await b.store.ui.schouw.setFindingStatus(onA, { to: 'reported', note: 'FIXI 2025-0042', by: server.coordinator.userId });
    await b.sync();
    await a.sync();

    for (const device of [a, b]) {
      expect((await device.store.ui.schouw.listFindings({ schouwId: activityId })).map((f) => f.id).sort()).toEqual([onA, onB].sort());
      expect(await device.store.ui.schouw.getRound(activityId)).toMatchObject({ targetLevel: 'C', participants: { residents: 2, total: 2 } });
    }
    expect(await a.store.ui.schouw.getFinding(onA)).toMatchObject({ status: 'reported', syncState: 'sent' });
    expect((await a.store.ui.schouw.getFindingHistory(onA)).map(({ from, to, note }) => ({ from, to, note }))).toEqual([
      { from: 'new', to: 'reported', note: 'FIXI 2025-0042' },
    ]);
    expect(a.network.calls.filter((call) => call.startsWith('PUT'))).toEqual([`PUT /api/v1/photos/${PLAIN}`]);

    // Phone B has no copy of the photo: it fetches it once, checked against its hash, and keeps it.
    expect(await b.store.ui.photos.getBlob(PLAIN)).toBeNull();
    const api = createAccountApi({ fetch: server.fetch, token: () => server.coordinator.tokens.get(DEVICE_B) ?? null });
    const fetched = await api.photo(PLAIN);
    await b.store.ui.photos.cache({ sha256: PLAIN, ...fetched }, 10_000_000);
    expect(sha256Hex(new Uint8Array(await ((await b.store.ui.photos.getBlob(PLAIN)) as Blob).arrayBuffer()))).toBe(PLAIN);
    expect(await b.store.ui.photos.states([PLAIN])).toEqual({ [PLAIN]: 'sent' });
    expect(await b.store.sync.pendingPhotos(10)).toEqual([]);
  });

  it('refuses a fetched photo whose bytes do not match its name', async () => {
    const forged = async (url: string, init: RequestInit) =>
      url.includes('/photos/') ? new Response(new Uint8Array([1, 2, 3]), { status: 200, headers: { 'content-type': 'image/jpeg' } }) : server.fetch(url, init);
    const api = createAccountApi({ fetch: forged, token: () => 'token' });
    await expect(api.photo(PLAIN)).rejects.toBeInstanceOf(SyncFailure);
    const missing = createAccountApi({ fetch: server.fetch, token: () => server.coordinator.tokens.get(DEVICE_A) ?? null });
    await expect(missing.photo('f'.repeat(64))).rejects.toMatchObject({ status: 404 });
  });
});
