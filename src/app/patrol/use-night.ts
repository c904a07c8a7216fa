/**
 * Night mode on the round screen: after sunset at the tenant's place (patrol
 * settings lat/lon; Alblasserdam when not set), by the app's clock, checked
 * once a minute. While a patrol screen shows it in the dark, the page behind
 * it is dark too (`data-patrol-night` on <html>), so nothing flashes white.
 */
import { useEffect, useState } from 'preact/hooks';
import { isAfterSunset } from '../../domain/sun.ts';
import { useApp } from '../context.ts';
import { useLive } from '../hooks.ts';

/** Alblasserdam. */
export const DEFAULT_PLACE = { lat: 51.8656, lon: 4.6592 } as const;

export function useNight(): boolean {
  const { now, platform } = useApp();
  const settings = useLive((store) => store.patrol.settings(), []);
  const [, setMinute] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setMinute((n) => n + 1), 60_000);
    return () => clearInterval(timer);
  }, []);
  const lat = settings?.lat ?? DEFAULT_PLACE.lat;
  const lon = settings?.lon ?? DEFAULT_PLACE.lon;
  const isNight = isAfterSunset(lat, lon, now());
  const root = platform.document.documentElement;
  useEffect(() => {
    if (isNight) root.dataset['patrolNight'] = '';
    else delete root.dataset['patrolNight'];
    return () => {
      delete root.dataset['patrolNight'];
    };
  }, [isNight, root]);
  return isNight;
}
