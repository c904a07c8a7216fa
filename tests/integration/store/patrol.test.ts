import { describe, expect, it } from 'vitest';
import { ROUND_OVERDUE_MS } from '../../../src/domain/patrol.ts';
import { reactionIdFor } from '../../../src/domain/patrol-observation.ts';
import { formatHlc } from '../../../src/domain/hlc.ts';
import { InvalidInputError } from '../../../src/store/invalid-input.ts';
import { manualClock, openTestStore, type TestStore } from '../../fixtures/factories.ts';
import { DEVICE_B, NOW, TENANT } from '../../fixtures/fixed.ts';

const ANNA = '0193a1b2-0000-7000-8000-00000000a001';
const BRAM = '0193a1b2-0000-7000-8000-00000000b002';
const TEAM = 'bp-kinderdijk';
const START = { teamId: TEAM, buurtIds: ['kinderdijk'], walkers: [ANNA, BRAM], mode: 'onFoot' as const, checkedInWithPolice: true };

async function acknowledgeAll(store: TestStore): Promise<void> {
  const batch = await store.sync.takeBatch({ maxCount: 500, maxBytes: 10_000_000 });
  await store.sync.applyPushResults(batch.map((m) => ({ mutationId: m.mutationId, status: 'applied' as const })));
}

describe('a patrol round on the device', () => {
  it('starts, takes observations of both kinds with their time, and ends with its outcome', async () => {
    const clock = manualClock();
    const store = await openTestStore({ now: clock.now });
    const roundId = await store.ui.patrol.startRound(START, ANNA);
    expect(await store.ui.patrol.runningRound(BRAM)).toMatchObject({ id: roundId, startedAt: NOW, closedBy: null, walkers: [ANNA, BRAM] });

    clock.advance(10 * 60_000);
    const window = await store.ui.patrol.addObservation(
      { roundId, kind: 'safety', type: 'openWindowOrDoor', location: { lat: 51.87, lon: 4.65, accuracyM: 8, source: 'gps' } },
      ANNA,
    );
    clock.advance(5 * 60_000);
    const light = await store.ui.patrol.addObservation({ roundId, kind: 'publicSpace', type: 'brokenStreetLight' }, ANNA);
    await store.ui.patrol.updateObservation(light, { note: 'Lantaarnpaal 12 brandt niet', meldingNumber: 'FIXI-123', action: 'meldingFixi' });
    await store.ui.patrol.updateObservation(window, { note: 'Raam begane grond open', action: 'residentAlerted' });

    const detail = await store.ui.patrol.getRound(roundId);
    expect(detail?.observations.map((o) => [o.kind, o.type, o.observedAt, o.teamId, o.buurtId])).toEqual([
      ['safety', 'openWindowOrDoor', NOW + 10 * 60_000, TEAM, 'kinderdijk'],
      ['publicSpace', 'brokenStreetLight', NOW + 15 * 60_000, TEAM, 'kinderdijk'],
    ]);
    expect(detail?.observations[1]).toMatchObject({ note: 'Lantaarnpaal 12 brandt niet', meldingNumber: 'FIXI-123', status: 'new' });
    expect(detail?.unsent).toBe(3);

    clock.advance(60 * 60_000);
    await store.ui.patrol.endRound(roundId, { outcome: 'remarks', summary: 'Rustige avond' });
    expect((await store.ui.patrol.getRound(roundId))?.round).toMatchObject({
      closedBy: 'walkers',
      endedAt: NOW + 75 * 60_000,
      outcome: 'remarks',
      observationCount: 2,
    });
    expect(await store.ui.patrol.runningRound(ANNA)).toBeNull();
    await expect(store.ui.patrol.endRound(roundId, { outcome: 'incident', summary: '' })).rejects.toBeInstanceOf(InvalidInputError);

    await acknowledgeAll(store);
    expect((await store.ui.patrol.getRound(roundId))?.unsent).toBe(0);
  });

  it('refuses a photo on a safety observation and an observation without a round, writing nothing', async () => {
    const store = await openTestStore();
    const roundId = await store.ui.patrol.startRound(START, ANNA);
    const id = await store.ui.patrol.addObservation({ roundId, kind: 'safety', type: 'keyInDoor' }, ANNA);
    await expect(store.ui.patrol.updateObservation(id, { photos: ['a'.repeat(64)] })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(
      store.ui.patrol.addObservation({ roundId: '0193a1b2-0000-7000-8000-0000000000ff', kind: 'safety', type: 'keyInDoor' }, ANNA),
    ).rejects.toBeInstanceOf(InvalidInputError);
    expect(await store.sync.pendingCount()).toBe(2);
  });

  it('closes a round left running over 6 hours as "niet afgesloten", and leaves a younger one running', async () => {
    const clock = manualClock();
    const store = await openTestStore({ now: clock.now });
    const old = await store.ui.patrol.startRound(START, ANNA);
    clock.advance(ROUND_OVERDUE_MS - 60_000);
    const young = await store.ui.patrol.startRound(START, BRAM);
    clock.advance(2 * 60_000);
    expect(await store.ui.patrol.closeOverdueRounds()).toBe(1);
    expect((await store.ui.patrol.getRound(old))?.round).toMatchObject({ closedBy: 'app', endedAt: null });
    expect((await store.ui.patrol.getRound(young))?.round).toMatchObject({ closedBy: null });
    expect(await store.ui.patrol.closeOverdueRounds()).toBe(0);
  });

  it('follows up a public-space observation with the status and a history entry', async () => {
    const clock = manualClock();
    const store = await openTestStore({ now: clock.now });
    const roundId = await store.ui.patrol.startRound(START, ANNA);
    const id = await store.ui.patrol.addObservation({ roundId, kind: 'publicSpace', type: 'dumpedWaste' }, ANNA);
    clock.advance(1_000);
    await store.ui.patrol.setObservationStatus(id, { to: 'reported', note: 'Gemeld in FIXI', by: ANNA });
    expect(await store.ui.patrol.getObservation(id)).toMatchObject({ status: 'reported' });
    expect(await store.ui.patrol.getObservationHistory(id)).toMatchObject([
      { observationId: id, from: 'new', to: 'reported', note: 'Gemeld in FIXI', by: ANNA, buurtId: 'kinderdijk', teamId: TEAM },
    ]);
  });

  it('shows the police reaction on the safety observation', async () => {
    const store = await openTestStore();
    const roundId = await store.ui.patrol.startRound(START, ANNA);
    const id = await store.ui.patrol.addObservation({ roundId, kind: 'safety', type: 'suspiciousSituation', action: 'called112' }, ANNA);
    const t = formatHlc({ wall: NOW + 1, counter: 0, node: DEVICE_B });
    const values = {
      observationId: id,
      teamId: TEAM,
      buurtId: 'kinderdijk',
      text: 'Bedankt, we zijn langs geweest',
      state: 'handled',
      by: 'agent-1',
      at: NOW + 1,
    };
    const fields = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { v, t }]));
    await store.sync.applyPullPage([{ id: reactionIdFor(id), type: 'observationReaction', tenantId: TENANT, fields, counters: {} }], '5');
    expect((await store.ui.patrol.getRound(roundId))?.observations[0]?.reaction).toMatchObject({ text: 'Bedankt, we zijn langs geweest', state: 'handled' });
  });
});

describe('purge on the device (src/sync/README.md P2, P3)', () => {
  it('drops purged records with their outbox entries and their photos nothing else names, with the page and its cursor', async () => {
    const store = await openTestStore();
    const roundId = await store.ui.patrol.startRound(START, ANNA);
    const safety = await store.ui.patrol.addObservation({ roundId, kind: 'safety', type: 'keyInDoor' }, ANNA);
    const kept = await store.ui.patrol.addObservation({ roundId, kind: 'publicSpace', type: 'graffiti' }, ANNA);
    const gone = await store.ui.patrol.addObservation({ roundId, kind: 'publicSpace', type: 'graffiti' }, ANNA);
    const shared = 'c'.repeat(64);
    const own = 'd'.repeat(64);
    for (const sha256 of [shared, own]) await store.ui.photos.add({ blob: new Blob([sha256]), sha256, type: 'image/jpeg' });
    await store.ui.patrol.updateObservation(kept, { photos: [shared] });
    await store.ui.patrol.updateObservation(gone, { photos: [shared, own] });
    await acknowledgeAll(store);
    await store.ui.patrol.updateObservation(safety, { note: 'nog niet verstuurd' });

    await store.sync.applyPullPage([], '40', {
      purged: [
        { id: safety, type: 'safetyObservation' },
        { id: gone, type: 'publicSpaceObservation' },
        { id: '0193a1b2-0000-7000-8000-0000000000ee', type: 'patrolRound' },
      ],
    });

    expect(await store.sync.getCursor()).toBe('40');
    expect(await store.ui.patrol.getObservation(safety)).toBeNull();
    expect(await store.ui.patrol.getObservation(gone)).toBeNull();
    expect(await store.ui.patrol.getObservation(kept)).toMatchObject({ photos: [shared] });
    expect(await store.sync.pendingCount()).toBe(0);
    expect(await store.sync.photoState(shared)).not.toBeNull();
    expect(await store.sync.photoState(own)).toBeNull();
  });

  it('drops an outbox entry refused as purged instead of keeping it to retry or show', async () => {
    const store = await openTestStore();
    const roundId = await store.ui.patrol.startRound(START, ANNA);
    await store.ui.patrol.addObservation({ roundId, kind: 'safety', type: 'keyInDoor' }, ANNA);
    const batch = await store.sync.takeBatch({ maxCount: 500, maxBytes: 10_000_000 });
    await store.sync.applyPushResults(
      batch.map((m) => ({ mutationId: m.mutationId, status: 'rejected' as const, reason: 'purged' as const, message: 'purged' })),
    );
    expect(await store.sync.pendingCount()).toBe(0);
    expect(await store.ui.outbox.summary()).toMatchObject({ pending: 0, rejected: [] });
  });
});
