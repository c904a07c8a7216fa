/**
 * The route of a round while it runs, with the walkers' opt-in: watches the
 * position and keeps only the fixes `keepTrackPoint` accepts (at most one
 * per 25 m or 30 s; a fix less accurate than 50 m is dropped — a phone's
 * first guesses from cell towers and wifi would draw zigzags through
 * gardens). Kept points are written in batches: the first at once, then at
 * most every 30 s, and whatever is waiting when the recording stops (the
 * round screen closes, the phone locks, the route is turned off) — so the
 * outbox gets one replaced round entry per half minute, not one per fix.
 * At most 30 s of route is lost when the app is killed.
 *
 * The position source is passed in (the browser's Geolocation in the app, a
 * fake in tests); the time of a fix is the app's clock.
 */
import { keepTrackPoint, trackGrain, type TrackFix, type TrackPoint } from '../../domain/patrol-track.ts';

export type PositionSource = Pick<Geolocation, 'watchPosition' | 'clearWatch'>;

const TRACK_WRITE_INTERVAL_MS = 30_000;

export type TrackRecorder = {
  /** Write what is waiting now. */
  flush(): Promise<void>;
  /** Stop watching and write what is waiting. */
  stop(): Promise<void>;
};

export function recordTrack(opts: {
  geolocation: PositionSource;
  now(): number;
  /** The last point already stored (null: none), so a reopened round goes on where it was. */
  last: TrackPoint | null;
  write(fixes: readonly TrackFix[]): Promise<unknown>;
  writeIntervalMs?: number;
}): TrackRecorder {
  const { geolocation, now, write, writeIntervalMs = TRACK_WRITE_INTERVAL_MS } = opts;
  let lastKept = opts.last;
  let waiting: TrackFix[] = [];
  let lastWrite: number | null = null;
  let writing: Promise<unknown> = Promise.resolve();
  let isStopped = false;

  const flush = (): Promise<void> => {
    if (waiting.length > 0) {
      const batch = waiting;
      waiting = [];
      lastWrite = now();
      // One write after the other: the store appends to what the previous one stored.
      writing = writing.then(() => write(batch)).catch(() => {});
    }
    return writing.then(() => {});
  };

  const watchId = geolocation.watchPosition(
    (position) => {
      if (isStopped) return;
      const fix = trackGrain<TrackFix>({
        lat: position.coords.latitude,
        lon: position.coords.longitude,
        at: now(),
        accuracyM: position.coords.accuracy,
      });
      if (!keepTrackPoint(lastKept, fix)) return;
      lastKept = { lat: fix.lat, lon: fix.lon, at: fix.at };
      waiting.push(fix);
      if (lastWrite === null || fix.at - lastWrite >= writeIntervalMs) void flush();
    },
    () => {},
    { enableHighAccuracy: true, maximumAge: 10_000 },
  );

  return {
    flush,
    stop() {
      if (!isStopped) {
        isStopped = true;
        geolocation.clearWatch(watchId);
      }
      return flush();
    },
  };
}
