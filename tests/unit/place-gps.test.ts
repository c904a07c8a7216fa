import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchBestFix, type GpsState } from '../../src/app/place/gps.ts';

/** A Geolocation the test drives: `fix(accuracy)` and `fail(code)` reach the one watcher. */
function fakeGeolocation() {
  let success: PositionCallback | null = null;
  let failure: PositionErrorCallback | null = null;
  const geo = {
    options: null as PositionOptions | null,
    cleared: [] as number[],
    watchPosition(onSuccess: PositionCallback, onError?: PositionErrorCallback | null, options?: PositionOptions) {
      success = onSuccess;
      failure = onError ?? null;
      geo.options = options ?? null;
      return 7;
    },
    clearWatch(id: number) {
      geo.cleared.push(id);
    },
    getCurrentPosition() {},
    fix(accuracy: number, lat = 51.8656, lon = 4.6592) {
      success?.({ coords: { latitude: lat, longitude: lon, accuracy }, timestamp: 0 } as GeolocationPosition);
    },
    fail(code: 1 | 2 | 3) {
      failure?.({ code, message: '' } as GeolocationPositionError);
    },
  };
  return geo;
}

function watching(geo: ReturnType<typeof fakeGeolocation> | undefined) {
  const states: GpsState[] = [];
  const watch = watchBestFix({ geolocation: geo as unknown as Geolocation | undefined, onChange: (s) => states.push(s) });
  return { states, watch, last: () => states.at(-1) };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('waiting briefly for a better GPS fix', () => {
  it('asks for high accuracy and a fresh position', () => {
    const geo = fakeGeolocation();
    watching(geo);
    expect(geo.options).toMatchObject({ enableHighAccuracy: true, maximumAge: 0 });
  });

  it('shows each better fix, and stops early once it is within 10 m', () => {
    const geo = fakeGeolocation();
    const { states, last } = watching(geo);
    geo.fix(480);
    geo.fix(35);
    geo.fix(60); // worse: ignored
    expect(last()).toEqual({ phase: 'waiting', best: { lat: 51.8656, lon: 4.6592, accuracyM: 35 } });
    geo.fix(8.6);
    expect(last()).toEqual({ phase: 'done', best: { lat: 51.8656, lon: 4.6592, accuracyM: 9 }, reason: 'good-enough' });
    expect(states.map((s) => (s.phase === 'failed' ? s.reason : (s.best?.accuracyM ?? null)))).toEqual([null, 480, 35, 9]);
    expect(geo.cleared).toEqual([7]);
    geo.fix(3);
    vi.advanceTimersByTime(20_000);
    expect(states).toHaveLength(4);
  });

  it('keeps the best fix when the time is up', () => {
    const geo = fakeGeolocation();
    const { last } = watching(geo);
    geo.fix(40);
    geo.fix(23);
    vi.advanceTimersByTime(14_999);
    expect(last()?.phase).toBe('waiting');
    vi.advanceTimersByTime(1);
    expect(last()).toEqual({ phase: 'done', best: { lat: 51.8656, lon: 4.6592, accuracyM: 23 }, reason: 'timeout' });
    expect(geo.cleared).toEqual([7]);
  });

  it('lets the person take the current fix at any time', () => {
    const geo = fakeGeolocation();
    const { watch, last } = watching(geo);
    watch.accept(); // nothing yet: nothing to take
    expect(last()).toEqual({ phase: 'waiting', best: null });
    geo.fix(23);
    watch.accept();
    expect(last()).toEqual({ phase: 'done', best: { lat: 51.8656, lon: 4.6592, accuracyM: 23 }, reason: 'accepted' });
  });

  it('says so at once when the location is not allowed', () => {
    const geo = fakeGeolocation();
    const { last } = watching(geo);
    geo.fail(1);
    expect(last()).toEqual({ phase: 'failed', reason: 'denied' });
    expect(geo.cleared).toEqual([7]);
  });

  it('keeps trying through an unavailable position until the time is up', () => {
    const geo = fakeGeolocation();
    const { last } = watching(geo);
    geo.fail(2);
    expect(last()?.phase).toBe('waiting');
    vi.advanceTimersByTime(15_000);
    expect(last()).toEqual({ phase: 'failed', reason: 'unavailable' });
  });

  it('times out without any fix', () => {
    const geo = fakeGeolocation();
    const { last } = watching(geo);
    vi.advanceTimersByTime(15_000);
    expect(last()).toEqual({ phase: 'failed', reason: 'timeout' });
  });

  it('says the browser cannot when it has no geolocation', () => {
    expect(watching(undefined).last()).toEqual({ phase: 'failed', reason: 'unsupported' });
  });

  it('stops silently when cancelled', () => {
    const geo = fakeGeolocation();
    const { states, watch } = watching(geo);
    watch.cancel();
    geo.fix(5);
    vi.advanceTimersByTime(20_000);
    expect(states).toEqual([{ phase: 'waiting', best: null }]);
    expect(geo.cleared).toEqual([7]);
  });
});
