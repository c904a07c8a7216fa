/**
 * Where the walkers are, kept up to date while the round screen is open, so
 * a tap on an observation type takes the place at once (never waits for
 * the GPS). A fix older than two minutes is not used.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { Location } from '../../domain/fields.ts';
import { round6 } from '../place/tiles.ts';
import { useApp } from '../context.ts';

const MAX_AGE_MS = 2 * 60_000;

export function usePosition(): () => Location | null {
  const { platform, now } = useApp();
  const latest = useRef<{ location: Location; at: number } | null>(null);
  const geolocation = platform.document.defaultView?.navigator.geolocation;
  useEffect(() => {
    if (!geolocation) return;
    const id = geolocation.watchPosition(
      (position) => {
        latest.current = {
          location: {
            lat: round6(position.coords.latitude),
            lon: round6(position.coords.longitude),
            accuracyM: Math.max(0, Math.round(position.coords.accuracy)),
            source: 'gps',
          },
          at: now(),
        };
      },
      () => {},
      { enableHighAccuracy: true, maximumAge: 30_000 },
    );
    return () => geolocation.clearWatch(id);
  }, [geolocation, now]);
  return () => (latest.current && now() - latest.current.at <= MAX_AGE_MS ? latest.current.location : null);
}
