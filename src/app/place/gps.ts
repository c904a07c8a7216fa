/**
 * Waiting briefly for a better GPS fix. A phone's first fix is often a
 * cell-tower or wifi guess (± 500 m); the GPS settles within seconds when
 * the sky is visible. So: watch, keep the best fix so far, stop early once it
 * is good enough, stop at the deadline with the best fix there is — and let
 * the person take the current fix at any moment.
 *
 * The Geolocation is passed in, so a test drives it with a fake and fake
 * timers.
 *
 * @example
 * const watch = watchBestFix({ geolocation: navigator.geolocation, onChange: setState });
 * // later: watch.accept() takes the best fix now; watch.cancel() stops silently.
 */

export type GpsFix = { lat: number; lon: number; accuracyM: number };
export type GpsFailure = 'denied' | 'unavailable' | 'timeout' | 'unsupported';
export type GpsState =
  | { phase: 'waiting'; best: GpsFix | null }
  /** `good-enough`: stopped early; `timeout`: the best fix at the deadline; `accepted`: the person took it. */
  | { phase: 'done'; best: GpsFix; reason: 'good-enough' | 'timeout' | 'accepted' }
  | { phase: 'failed'; reason: GpsFailure };

export type GpsWatch = { accept(): void; cancel(): void };

export const GPS_MAX_WAIT_MS = 15_000;
export const GPS_GOOD_ENOUGH_M = 10;

/** Worse than this, a fix is not used without the person saying so. */
export const GPS_POOR_ACCURACY_M = 100;

// GeolocationPositionError codes (the constants are not on the fake).
const PERMISSION_DENIED = 1;
const POSITION_UNAVAILABLE = 2;

export function watchBestFix(opts: {
  geolocation: Geolocation | undefined;
  onChange(state: GpsState): void;
  maxWaitMs?: number;
  goodEnoughM?: number;
}): GpsWatch {
  const { geolocation, onChange, maxWaitMs = GPS_MAX_WAIT_MS, goodEnoughM = GPS_GOOD_ENOUGH_M } = opts;
  let best: GpsFix | null = null;
  let lastFailure: GpsFailure | null = null;
  let isOver = false;

  if (!geolocation) {
    onChange({ phase: 'failed', reason: 'unsupported' });
    return { accept() {}, cancel() {} };
  }

  let watchId: number | null = null;
  let deadline: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    isOver = true;
    clearTimeout(deadline);
    if (watchId !== null) geolocation.clearWatch(watchId);
  };
  const finish = (state: GpsState) => {
    if (isOver) return;
    stop();
    onChange(state);
  };

  onChange({ phase: 'waiting', best: null });
  deadline = setTimeout(() => {
    finish(best ? { phase: 'done', best, reason: 'timeout' } : { phase: 'failed', reason: lastFailure ?? 'timeout' });
  }, maxWaitMs);
  watchId = geolocation.watchPosition(
    (position) => {
      if (isOver) return;
      const fix = { lat: position.coords.latitude, lon: position.coords.longitude, accuracyM: Math.max(0, Math.round(position.coords.accuracy)) };
      if (best !== null && fix.accuracyM > best.accuracyM) return;
      best = fix;
      if (fix.accuracyM <= goodEnoughM) finish({ phase: 'done', best: fix, reason: 'good-enough' });
      else onChange({ phase: 'waiting', best: fix });
    },
    (error) => {
      if (isOver) return;
      // Denied will not change while we wait; anything else may still clear up before the deadline.
      if (error.code === PERMISSION_DENIED) finish({ phase: 'failed', reason: 'denied' });
      else lastFailure = error.code === POSITION_UNAVAILABLE ? 'unavailable' : 'timeout';
    },
    { enableHighAccuracy: true, maximumAge: 0, timeout: maxWaitMs },
  );
  // A browser may answer inside watchPosition (a cached fix, an instant denial).
  if (isOver) geolocation.clearWatch(watchId);

  return {
    accept() {
      if (best) finish({ phase: 'done', best, reason: 'accepted' });
    },
    cancel() {
      if (!isOver) stop();
    },
  };
}
