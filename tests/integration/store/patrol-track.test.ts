/**
 * A round's route on the device: the recorder (src/app/patrol/track-recorder.ts)
 * driven by a fake position source and the app's clock, writing through the
 * real store on fake-indexeddb. It keeps only the points the sampling keeps
 * (≤ 1 per 25 m or 30 s, nothing worse than 50 m), writes in batches (one
 * round entry in the outbox, replaced), survives reopening the store, stops
 * and clears when the route is turned off, and writes nothing without the
 * opt-in or after the end.
 */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { decodeTrack, distanceM, sampleTrack, trackGrain, type TrackFix } from '../../../src/domain/patrol-track.ts';
import { InvalidInputError } from '../../../src/store/invalid-input.ts';
import { recordTrack, type PositionSource } from '../../../src/app/patrol/track-recorder.ts';
import { manualClock, openTestStore, type TestStore } from '../../fixtures/factories.ts';
import { NOW } from '../../fixtures/fixed.ts';

const ANNA = '0193a1b2-0000-7000-8000-00000000a001';
const BRAM = '0193a1b2-0000-7000-8000-00000000b002';
const START = { teamId: 'bp-kinderdijk', buurtIds: ['kinderdijk'], walkers: [ANNA, BRAM], mode: 'onFoot' as const };
/** About 11 m of latitude. */
const STEP = 0.0001;

/** A position source the test moves by hand: `at` sends a fix to every watcher. */
function fakeGeolocation() {
  const watchers = new Map<number, PositionCallback>();
  let next = 1;
  const source: PositionSource = {
    watchPosition(success) {
      watchers.set(next, success);
      return next++;
    },
    clearWatch(id) {
      watchers.delete(id);
    },
  };
  return {
    source,
    watching: () => watchers.size,
    at(lat: number, lon: number, accuracy = 8) {
      const position = { coords: { latitude: lat, longitude: lon, accuracy }, timestamp: 0 } as GeolocationPosition;
      for (const watcher of watchers.values()) watcher(position);
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

async function roundOf(store: TestStore, id: string) {
  const detail = await store.ui.patrol.getRound(id);
  if (!detail) throw new Error('no round');
  return detail.round;
}

function start(store: TestStore, clock: { now(): number }, gps: ReturnType<typeof fakeGeolocation>, roundId: string, last = null) {
  return recordTrack({ geolocation: gps.source, now: clock.now, last, write: (fixes) => store.ui.patrol.appendTrack(roundId, fixes) });
}

describe('recording a round’s route', () => {
  it('keeps ≤ 1 point per 25 m or 30 s, drops fixes worse than 50 m, and writes the first at once, then at most every 30 s', async () => {
    const clock = manualClock();
    const store = await openTestStore({ now: clock.now });
    const roundId = await store.ui.patrol.startRound({ ...START, trackOptIn: true }, ANNA);
    const gps = fakeGeolocation();
    const recorder = start(store, clock, gps, roundId);

    // Walking north at 1.25 m/s, a fix every 4 s (5 m): 100 fixes, 500 m in 400 s.
    gps.at(51.87, 4.65);
    await settle();
    expect(decodeTrack((await roundOf(store, roundId)).track ?? '')).toHaveLength(1);
    let writes = 1;
    let stored = (await roundOf(store, roundId)).track;
    const good: TrackFix[] = [{ lat: 51.87, lon: 4.65, at: NOW }];
    for (let i = 1; i < 100; i++) {
      clock.advance(4000);
      // Every tenth fix is a poor guess 200 m off: dropped.
      if (i % 10 === 5) gps.at(51.87 + 0.002, 4.66, 400);
      else {
        gps.at(51.87 + i * 0.000045, 4.65);
        good.push(trackGrain({ lat: 51.87 + i * 0.000045, lon: 4.65, at: clock.now() }));
      }
      await settle();
      const now = (await roundOf(store, roundId)).track;
      if (now !== stored) writes++;
      stored = now;
    }
    await recorder.stop();
    expect(gps.watching()).toBe(0);
    const points = decodeTrack((await roundOf(store, roundId)).track ?? '');
    // The good fixes as the sampling keeps them (about one per 25 m over 500 m), none of the poor ones.
    expect(points).toEqual(sampleTrack(good));
    expect(points.length).toBeGreaterThanOrEqual(15);
    expect(points.length).toBeLessThanOrEqual(21);
    expect(points.every((p) => p.lon === 4.65)).toBe(true);
    for (let i = 1; i < points.length; i++) {
      const [a, b] = [points[i - 1] as TrackFix, points[i] as TrackFix];
      expect(distanceM(a, b) >= 25 || b.at - a.at >= 30_000).toBe(true);
    }
    // 400 s: the first write, then one per 30 s at most (plus the last at stop).
    expect(writes).toBeLessThanOrEqual(1 + Math.ceil(400 / 30) + 1);
    expect(writes).toBeGreaterThan(5);
    // One round entry in the outbox, carrying the whole encoded track.
    const batch = await store.sync.takeBatch({ maxCount: 500, maxBytes: 10_000_000 });
    expect(batch.filter((m) => m.recordId === roundId)).toHaveLength(1);
    expect(batch[0]?.fields['track']?.v).toBe((await roundOf(store, roundId)).track);
  });

  it('keeps a point every 30 s when standing still', async () => {
    const clock = manualClock();
    const store = await openTestStore({ now: clock.now });
    const roundId = await store.ui.patrol.startRound({ ...START, trackOptIn: true }, ANNA);
    const gps = fakeGeolocation();
    const recorder = start(store, clock, gps, roundId);
    for (let i = 0; i <= 12; i++) {
      gps.at(51.87, 4.65);
      clock.advance(10_000);
    }
    await recorder.stop();
    // 120 s standing: 0, 30, 60, 90, 120.
    expect(decodeTrack((await roundOf(store, roundId)).track ?? '').map((p) => (p.at - NOW) / 1000)).toEqual([0, 30, 60, 90, 120]);
  });

  it('survives reopening the app: the track is in IndexedDB, and a new recorder goes on from its last point', async () => {
    const factory = new IDBFactory();
    const clock = manualClock();
    const first = await openTestStore({ now: clock.now, factory });
    const roundId = await first.ui.patrol.startRound({ ...START, trackOptIn: true }, ANNA);
    const gps = fakeGeolocation();
    const recorder = start(first, clock, gps, roundId);
    for (let i = 0; i < 4; i++) {
      gps.at(51.87 + i * 3 * STEP, 4.65);
      clock.advance(20_000);
    }
    await recorder.flush();
    first.close();

    const second = await openTestStore({ now: clock.now, factory });
    const round = await roundOf(second, roundId);
    const before = decodeTrack(round.track ?? '');
    expect(before).toHaveLength(4);
    const again = recordTrack({
      geolocation: gps.source,
      now: clock.now,
      last: before.at(-1) ?? null,
      write: (fixes) => second.ui.patrol.appendTrack(roundId, fixes),
    });
    // 5 m from the last point, 1 s later: not kept; then 33 m on: kept.
    clock.set(before.at(-1)?.at ?? NOW);
    clock.advance(1000);
    gps.at(51.87 + 9 * STEP + 0.00005, 4.65);
    clock.advance(20_000);
    gps.at(51.87 + 12 * STEP, 4.65);
    await again.stop();
    expect(decodeTrack((await roundOf(second, roundId)).track ?? '')).toHaveLength(5);
  });

  it('stops and clears the stored track when the route is turned off, and shares only a recorded route', async () => {
    const clock = manualClock();
    const store = await openTestStore({ now: clock.now });
    const roundId = await store.ui.patrol.startRound({ ...START, trackOptIn: true, shareTrackWithPolice: true }, ANNA);
    expect(await roundOf(store, roundId)).toMatchObject({ trackOptIn: true, shareTrackWithPolice: true, track: null });
    await store.ui.patrol.appendTrack(roundId, [{ lat: 51.87, lon: 4.65, at: clock.now(), accuracyM: 5 }]);
    expect((await roundOf(store, roundId)).track).not.toBeNull();

    await store.ui.patrol.setTrackChoice(roundId, { trackOptIn: false });
    expect(await roundOf(store, roundId)).toMatchObject({ trackOptIn: false, track: null, shareTrackWithPolice: false });
    // A fix arriving after that (a recorder not yet stopped) writes nothing.
    clock.advance(60_000);
    expect(await store.ui.patrol.appendTrack(roundId, [{ lat: 51.88, lon: 4.65, at: clock.now() }])).toBe(false);
    expect((await roundOf(store, roundId)).track).toBeNull();

    await expect(store.ui.patrol.setTrackChoice(roundId, { shareTrackWithPolice: true })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(store.ui.patrol.startRound({ ...START, shareTrackWithPolice: true }, ANNA)).rejects.toBeInstanceOf(InvalidInputError);
    await store.ui.patrol.setTrackChoice(roundId, { trackOptIn: true, shareTrackWithPolice: true });
    expect(await roundOf(store, roundId)).toMatchObject({ trackOptIn: true, shareTrackWithPolice: true });
  });

  it('writes nothing without the opt-in (the default), nor fixes taken after the round ended', async () => {
    const clock = manualClock();
    const store = await openTestStore({ now: clock.now });
    const plain = await store.ui.patrol.startRound(START, ANNA);
    expect(await roundOf(store, plain)).toMatchObject({ trackOptIn: false, shareTrackWithPolice: false, track: null });
    expect(await store.ui.patrol.appendTrack(plain, [{ lat: 51.87, lon: 4.65, at: clock.now() }])).toBe(false);

    // The last batch, written just after the end: what was taken before the end counts, what came after does not.
    const ended = await store.ui.patrol.startRound({ ...START, trackOptIn: true }, ANNA);
    const before = clock.now();
    clock.advance(60_000);
    await store.ui.patrol.endRound(ended, { outcome: 'nothingToReport', summary: '' });
    clock.advance(1000);
    expect(await store.ui.patrol.appendTrack(ended, [{ lat: 51.87, lon: 4.65, at: clock.now() }])).toBe(false);
    expect((await roundOf(store, ended)).track).toBeNull();
    expect(
      await store.ui.patrol.appendTrack(ended, [
        { lat: 51.87, lon: 4.65, at: before },
        { lat: 51.88, lon: 4.65, at: clock.now() },
      ]),
    ).toBe(true);
    expect(decodeTrack((await roundOf(store, ended)).track ?? '')).toEqual([{ lat: 51.87, lon: 4.65, at: before }]);
  });
});
