// Dexie's liveQuery needs a global indexedDB, read when dexie loads; each store still gets its own IDBFactory.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { addMonths } from '../../../src/domain/patrol-retention.ts';
import { purgeExpiredPatrolData } from '../../../src/server/patrol-retention.ts';
import { setTeamMembers } from '../../fixtures/server-auth.ts';
import { TENANT } from '../../fixtures/fixed.ts';
import { openDevice, eachTestServer, type ManualClock, type TestServer } from './harness.ts';

const TEAM = 'buurtpreventie-oranjebuurt';
const DAY = 86_400_000;

let server: TestServer;
let clock: ManualClock;
eachTestServer((s, c) => ((server = s), (clock = c)));

describe('a patrol round between a phone and the server', () => {
  it('reaches the server; after the retention period the phone drops what the server purged, keeps the younger, and an offline edit of a purged record is dropped, not retried', async () => {
    // Her session, opened a while after the evening, lasts past the purge four months on (the session rules are not what is tested here).
    const anna = await server.addUser({ role: 'volunteer', devices: ['anna-phone-0001'], displayName: 'Anna', signedInAt: addMonths(clock.now(), 4) });
    await setTeamMembers(server.database, TENANT, TEAM, [anna.userId], clock.now() - 30_000);
    const phone = await openDevice(server, 'anna-phone-0001', { now: clock.now, user: anna });
    expect(await phone.sync()).toMatchObject({ ok: true });

    // An evening round, offline, with one observation of each kind.
    phone.network.mode = 'offline';
    const roundId = await phone.store.ui.patrol.startRound({ teamId: TEAM, buurtIds: ['oranjebuurt'], walkers: [anna.userId], mode: 'onFoot' }, anna.userId);
    clock.advance(10 * 60_000);
    const safety = await phone.store.ui.patrol.addObservation({ roundId, kind: 'safety', type: 'keyInDoor' }, anna.userId);
    const publicSpace = await phone.store.ui.patrol.addObservation({ roundId, kind: 'publicSpace', type: 'dumpedWaste' }, anna.userId);
    clock.advance(60 * 60_000);
    await phone.store.ui.patrol.endRound(roundId, { outcome: 'remarks', summary: 'Sleutel gemeld bij bewoner' });
    phone.network.mode = 'up';
    expect(await phone.sync()).toMatchObject({ ok: true });
    expect((await phone.store.ui.patrol.getRound(roundId))?.unsent).toBe(0);

    // Four months later the safety observation is past its 3 months; the round and the public-space one stay (12).
    clock.set(addMonths(clock.now(), 4) + DAY);
    // The phone was offline and still edits the safety observation.
    await phone.store.ui.patrol.updateObservation(safety, { note: 'Later aangevuld' });
    const purged = await purgeExpiredPatrolData(server.database, clock.now());
    expect(purged[0]?.purged.map((p) => p.id)).toEqual([safety]);

    expect(await phone.sync()).toMatchObject({ ok: true });
    expect(await phone.store.ui.patrol.getObservation(safety)).toBeNull();
    expect(await phone.store.ui.patrol.getObservation(publicSpace)).toMatchObject({ type: 'dumpedWaste' });
    expect((await phone.store.ui.patrol.getRound(roundId))?.observations.map((o) => o.id)).toEqual([publicSpace]);
    // Nothing left to send, nothing shown as refused.
    expect(await phone.store.ui.outbox.summary()).toMatchObject({ pending: 0, rejected: [] });
  });
});
