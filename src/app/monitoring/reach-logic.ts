/**
 * The reach map's circles (issue 12 item 1): one per PC4 counted, at the
 * middle of the places the device knows with that postcode
 * (pc4-places.ts), its area in proportion to the participants; PC4s
 * without a known place are listed instead. Pure: tested in
 * tests/unit/monitoring-cbs.test.ts.
 */
import type { Pc4Centre } from '../../domain/pc4-places.ts';
import type { MapCircle } from '../place/MapView.tsx';

/** Radius in screen pixels of the smallest and the largest circle. */
export const REACH_RADIUS = { min: 10, max: 32 } as const;

export type ReachMap = {
  readonly circles: readonly MapCircle[];
  /** PC4s counted without a known place, most participants first. */
  readonly offMap: ReadonlyArray<{ readonly pc4: string; readonly count: number }>;
};

export function reachMap(
  entries: ReadonlyArray<{ readonly key: string; readonly value: number }>,
  centres: ReadonlyMap<string, Pc4Centre>,
  label: (pc4: string, count: number) => string,
): ReachMap {
  const counted = entries.filter((entry) => entry.value > 0);
  const max = Math.max(1, ...counted.map((entry) => entry.value));
  const circles: MapCircle[] = [];
  const offMap: Array<{ pc4: string; count: number }> = [];
  for (const { key: pc4, value: count } of counted) {
    const centre = centres.get(pc4);
    if (!centre) {
      offMap.push({ pc4, count });
      continue;
    }
    // Area, not radius, in proportion to the count: the eye compares areas.
    const radius = REACH_RADIUS.min + (REACH_RADIUS.max - REACH_RADIUS.min) * Math.sqrt(count / max);
    circles.push({ id: pc4, lat: centre.lat, lon: centre.lon, radius: Math.round(radius * 10) / 10, text: pc4, label: label(pc4, count) });
  }
  offMap.sort((a, b) => b.count - a.count || a.pc4.localeCompare(b.pc4));
  return { circles, offMap };
}
