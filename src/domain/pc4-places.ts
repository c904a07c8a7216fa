/**
 * Where a PC4 lies, as far as the device knows (issue 12 item 1, reach on
 * the buurt map): there are no postcode polygons offline, so a PC4's place
 * is the middle of the located records the person may read whose address
 * carries that postcode (findings and patrol observations get theirs from
 * PDOK Locatieserver). A middle of known places, not a boundary: the map
 * says so, and a PC4 without a known place is listed beside the map.
 */
import { RECORD_DEFINITIONS, RECORD_TYPES, fieldValues, isDeleted, type RecordType } from './records.ts';
import type { Mergeable } from './merge.ts';

/** The record types that carry both a location and an address (with a postcode). */
export const LOCATED_ADDRESS_TYPES: readonly RecordType[] = RECORD_TYPES.filter(
  (type) => 'location' in RECORD_DEFINITIONS[type].fields && 'address' in RECORD_DEFINITIONS[type].fields,
);

export type LocatedPostcode = { readonly pc4: string; readonly lat: number; readonly lon: number };

/** A record's PC4 and point, when it has both. */
export function locatedPostcodeOf(record: Mergeable): LocatedPostcode | null {
  if (isDeleted(record)) return null;
  const { location, address } = fieldValues(record) as { location?: { lat?: unknown; lon?: unknown } | null; address?: { postcode?: unknown } | null };
  const postcode = typeof address?.postcode === 'string' ? address.postcode : null;
  const pc4 = postcode?.match(/^([1-9]\d{3})/)?.[1];
  if (!pc4 || typeof location?.lat !== 'number' || typeof location.lon !== 'number') return null;
  return { pc4, lat: location.lat, lon: location.lon };
}

export type Pc4Centre = { readonly lat: number; readonly lon: number; readonly places: number };

/** Per PC4, the middle (mean) of its known places and how many there were. */
export function pc4Centres(places: readonly LocatedPostcode[]): Map<string, Pc4Centre> {
  const sums = new Map<string, { lat: number; lon: number; places: number }>();
  for (const place of places) {
    const sum = sums.get(place.pc4) ?? { lat: 0, lon: 0, places: 0 };
    sums.set(place.pc4, { lat: sum.lat + place.lat, lon: sum.lon + place.lon, places: sum.places + 1 });
  }
  return new Map([...sums].map(([pc4, sum]) => [pc4, { lat: sum.lat / sum.places, lon: sum.lon / sum.places, places: sum.places }]));
}
