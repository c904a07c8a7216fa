import { describe, expect, it } from 'vitest';
import { partnerCounterKey, schouwIdFor } from '../../../src/domain/schouw.ts';
import { InvalidInputError } from '../../../src/store/invalid-input.ts';
import { activityInput, manualClock, openTestStore } from '../../fixtures/factories.ts';
import { DEVICE_A, NOW } from '../../fixtures/fixed.ts';

const USER = 'user-anna';
const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);

async function withRound(options: Parameters<typeof openTestStore>[0] = {}) {
  const store = await openTestStore(options);
  const activityId = await store.ui.activities.create(
    activityInput({ type: 'schouw', title: 'Voorjaarsschouw Oranjebuurt', teamId: 'schouwgroep-oranjebuurt' }),
  );
  return { store, activityId };
}

describe('a schouw round on the device', () => {
  it('has its defaults before anyone sets anything, and keeps changed settings', async () => {
    const { store, activityId } = await withRound();
    expect(await store.ui.schouw.getRound(activityId)).toMatchObject({
      id: schouwIdFor(activityId),
      kind: 'withResidents',
      method: 'crow',
      targetLevel: 'B',
      participants: { total: 0 },
    });
    await store.ui.schouw.updateRound(activityId, { method: 'goodBadPlus', targetLevel: 'A' });
    expect(await store.ui.schouw.getRound(activityId)).toMatchObject({ method: 'goodBadPlus', targetLevel: 'A', syncState: 'local' });
  });

  it('refuses a setting the server would refuse, writing nothing', async () => {
    const { store, activityId } = await withRound();
    await expect(store.ui.schouw.updateRound(activityId, { targetLevel: 'E' as never })).rejects.toBeInstanceOf(InvalidInputError);
    expect(await store.sync.pendingCount()).toBe(1); // only the activity
  });

  it('counts participants per partner, never below zero', async () => {
    const { store, activityId } = await withRound();
    await store.ui.schouw.bump(activityId, 'residents', 1);
    await store.ui.schouw.bump(activityId, 'residents', 1);
    await store.ui.schouw.bump(activityId, partnerCounterKey('swa'), 1);
    await store.ui.schouw.bump(activityId, partnerCounterKey('gemeente'), -1);
    const schouw = await store.ui.schouw.getRound(activityId);
    expect(schouw.participants).toEqual({ residents: 2, partners: [['swa', 1]], total: 3 });
    expect(schouw.ownCounts).toEqual({ residents: 2, 'partner:swa': 1 });
    await expect(store.ui.schouw.bump(activityId, partnerCounterKey('Not A Partner'), 1)).rejects.toBeInstanceOf(InvalidInputError);
  });
});

describe('findings on the device', () => {
  it('takes the round’s buurt and team, when and by whom, and lists per round and per buurt', async () => {
    const clock = manualClock();
    const { store, activityId } = await withRound({ now: clock.now });
    clock.advance(60_000);
    const id = await store.ui.schouw.createFinding({ schouwId: activityId, element: 'tree', aspect: 'damage', photos: [HASH_A], level: 'C' }, USER);
    const finding = await store.ui.schouw.getFinding(id);
    expect(finding).toMatchObject({
      schouwId: activityId,
      buurtId: 'oranjebuurt',
      teamId: 'schouwgroep-oranjebuurt',
      element: 'tree',
      aspect: 'damage',
      level: 'C',
      photos: [HASH_A],
      status: 'new',
      meldingStatus: 'notReported',
      createdAt: NOW + 60_000,
      createdBy: USER,
      syncState: 'local',
    });
    expect((await store.ui.schouw.listFindings({ schouwId: activityId })).map((f) => f.id)).toEqual([id]);
    expect((await store.ui.schouw.listFindings({ buurtId: 'oranjebuurt' })).map((f) => f.id)).toEqual([id]);
    expect(await store.ui.schouw.listFindings({ buurtId: 'elders' })).toEqual([]);
    expect((await store.ui.schouw.listFindings({ all: true })).map((f) => f.id)).toEqual([id]);
  });

  it('is not saved before it says what and what is wrong, nor outside a round on this device', async () => {
    const { store, activityId } = await withRound();
    await expect(store.ui.schouw.createFinding({ schouwId: activityId, element: 'tree' } as never, USER)).rejects.toBeInstanceOf(InvalidInputError);
    await expect(
      store.ui.schouw.createFinding({ schouwId: '0195940a-0000-7000-8000-0000000000ff', element: 'tree', aspect: 'damage' }, USER),
    ).rejects.toBeInstanceOf(InvalidInputError);
    await expect(
      store.ui.schouw.createFinding({ schouwId: activityId, element: 'tree', aspect: 'damage', photos: [HASH_A, HASH_A] }, USER),
    ).rejects.toBeInstanceOf(InvalidInputError);
    expect(await store.ui.schouw.listFindings({ all: true })).toEqual([]);
  });

  it('changes only what changed, and keeps one pending change per finding', async () => {
    const { store, activityId } = await withRound();
    const id = await store.ui.schouw.createFinding({ schouwId: activityId, element: 'grass', aspect: 'bare' }, USER);
    await store.ui.schouw.updateFinding(id, {
      photos: [HASH_A, HASH_B],
      note: 'Kale plek bij de bank',
      location: { lat: 51.86, lon: 4.66, accuracyM: 8, source: 'gps' },
    });
    await store.ui.schouw.updateFinding(id, {
      address: { street: 'Oranjelaan', number: '12', postcode: '2951 AB', place: 'Alblasserdam' },
      cbsBuurtCode: 'BU04820101',
    });
    const finding = await store.ui.schouw.getFinding(id);
    expect(finding).toMatchObject({ photos: [HASH_A, HASH_B], note: 'Kale plek bij de bank', address: { street: 'Oranjelaan' }, cbsBuurtCode: 'BU04820101' });
    expect(await store.sync.pendingCount()).toBe(2); // the activity and the finding
    await expect(store.ui.schouw.updateFinding(id, { cbsBuurtCode: 'GM0482' })).rejects.toBeInstanceOf(InvalidInputError);
    // A new point makes the looked-up buurt code stale: it goes, to be looked up again.
    await store.ui.schouw.updateFinding(id, { location: { lat: 51.87, lon: 4.67, source: 'map' } });
    expect(await store.ui.schouw.getFinding(id)).toMatchObject({ cbsBuurtCode: null, address: { street: 'Oranjelaan' } });
    await store.ui.schouw.deleteFinding(id);
    expect(await store.ui.schouw.getFinding(id)).toBeNull();
    expect(await store.ui.schouw.listFindings({ schouwId: activityId })).toEqual([]);
  });

  it('records follow-up as status and an append-only history entry together', async () => {
    const clock = manualClock();
    const { store, activityId } = await withRound({ now: clock.now });
    const id = await store.ui.schouw.createFinding({ schouwId: activityId, element: 'litterBin', aspect: 'binFull' }, USER);
    clock.advance(1_000);
    await store.ui.schouw.setFindingStatus(id, { to: 'reported', note: 'Gemeld in FIXI, nummer 2025-0042', by: USER });
    clock.advance(1_000);
    await store.ui.schouw.setFindingStatus(id, { to: 'reported', note: 'Gemeente belt terug', by: 'user-bert' });
    clock.advance(1_000);
    await store.ui.schouw.setFindingStatus(id, { to: 'resolved', by: USER });
    expect((await store.ui.schouw.getFinding(id))?.status).toBe('resolved');
    const history = await store.ui.schouw.getFindingHistory(id);
    expect(history.map(({ from, to, note, by, buurtId, teamId }) => ({ from, to, note, by, buurtId, teamId }))).toEqual([
      { from: 'new', to: 'reported', note: 'Gemeld in FIXI, nummer 2025-0042', by: USER, buurtId: 'oranjebuurt', teamId: 'schouwgroep-oranjebuurt' },
      { from: 'reported', to: 'reported', note: 'Gemeente belt terug', by: 'user-bert', buurtId: 'oranjebuurt', teamId: 'schouwgroep-oranjebuurt' },
      { from: 'reported', to: 'resolved', note: '', by: USER, buurtId: 'oranjebuurt', teamId: 'schouwgroep-oranjebuurt' },
    ]);
    expect(history.map((entry) => entry.at)).toEqual([NOW + 1_000, NOW + 2_000, NOW + 3_000]);
  });

  it('reads the follow-up of a round’s findings at once, each with its own entries', async () => {
    const { store, activityId } = await withRound({ now: manualClock(NOW, 1_000).now });
    const bin = await store.ui.schouw.createFinding({ schouwId: activityId, element: 'litterBin', aspect: 'binFull' }, USER);
    const tree = await store.ui.schouw.createFinding({ schouwId: activityId, element: 'tree', aspect: 'damage' }, USER);
    const hedge = await store.ui.schouw.createFinding({ schouwId: activityId, element: 'hedge', aspect: 'overgrown' }, USER);
    await store.ui.schouw.setFindingStatus(bin, { to: 'reported', by: USER });
    await store.ui.schouw.setFindingStatus(tree, { to: 'wontFix', note: 'Valt onder de woningcorporatie', by: USER });
    await store.ui.schouw.setFindingStatus(bin, { to: 'resolved', by: USER });
    const histories = await store.ui.schouw.getFindingHistories([bin, tree, hedge]);
    expect(Object.keys(histories).sort()).toEqual([bin, tree, hedge].sort());
    expect(histories[bin]?.map(({ from, to, syncState }) => ({ from, to, syncState }))).toEqual([
      { from: 'new', to: 'reported', syncState: 'local' },
      { from: 'reported', to: 'resolved', syncState: 'local' },
    ]);
    expect(histories[tree]?.map(({ to, note }) => ({ to, note }))).toEqual([{ to: 'wontFix', note: 'Valt onder de woningcorporatie' }]);
    expect(histories[hedge]).toEqual([]);
    expect(await store.ui.schouw.getFindingHistory(bin)).toEqual(histories[bin]);
  });

  it('refuses an empty follow-up note without a change of status, and follow-up on a deleted finding', async () => {
    const { store, activityId } = await withRound();
    const id = await store.ui.schouw.createFinding({ schouwId: activityId, element: 'hedge', aspect: 'overgrown' }, USER);
    await expect(store.ui.schouw.setFindingStatus(id, { to: 'new', note: '  ', by: USER })).rejects.toBeInstanceOf(InvalidInputError);
    await store.ui.schouw.deleteFinding(id);
    await expect(store.ui.schouw.setFindingStatus(id, { to: 'resolved', by: USER })).rejects.toBeInstanceOf(InvalidInputError);
    expect(await store.ui.schouw.getFindingHistory(id)).toEqual([]);
  });

  it('tells which of a finding’s photos are not sent yet', async () => {
    const { store } = await withRound();
    const blob = new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xd9])], { type: 'image/jpeg' });
    await store.ui.photos.add({ blob, sha256: HASH_A, type: 'image/jpeg' });
    await store.ui.photos.cache({ blob, sha256: HASH_B, type: 'image/jpeg' }, 1_000_000);
    expect(await store.ui.photos.states([HASH_A, HASH_B, 'c'.repeat(64)])).toEqual({ [HASH_A]: 'pending', [HASH_B]: 'sent', ['c'.repeat(64)]: null });
    // A photo fetched from the server is never queued for upload.
    expect((await store.sync.pendingPhotos(10)).map((p) => p.sha256)).toEqual([HASH_A]);
  });

  it('uses the device id of its store', async () => {
    const { store } = await withRound();
    expect(store.deviceId).toBe(DEVICE_A);
  });
});
