/**
 * A round's route track, only with the walkers' opt-in per round: sampled
 * sparingly on the device and stored compactly in the round's `track` field.
 *
 * Sampling (`keepTrackPoint`, `sampleTrack`): a fix is kept only when it is
 * at least 25 m from the last kept point or at least 30 s after it — so no
 * two kept points lie within 25 m AND 30 s of each other (at most one point
 * per 25 m or 30 s); fixes less accurate than 50 m are dropped.
 *
 * Encoding (`encodeTrack`, `decodeTrack`): Google's polyline algorithm
 * (1e-5 degrees, about 1 m) with the seconds since the previous point as a
 * third value, all as deltas: a few bytes per point, in characters that need
 * no escaping in JSON.
 *
 * Growing (`appendToTrack`): new points are added to the stored text after
 * the same filter; a track that would pass `TRACK_MAX_CHARS` (the schema's
 * limit) is thinned — every second point dropped, first and last kept —
 * until it fits, so a long round keeps its whole route at a coarser grain
 * instead of losing its end. On foot (a point per ~18 s, ~7 characters) a
 * 6-hour round stays far below the limit; by car it is thinned.
 */
export const TRACK_MIN_DISTANCE_M = 25;
export const TRACK_MIN_INTERVAL_MS = 30_000;
export const TRACK_MAX_ACCURACY_M = 50;
/** The longest encoded track a round record holds (its schema's limit). */
export const TRACK_MAX_CHARS = 20_000;

export type TrackPoint = { readonly lat: number; readonly lon: number /** Unix ms. */; readonly at: number };
export type TrackFix = TrackPoint & { readonly accuracyM?: number | undefined };

const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle distance in metres (haversine). */
export function distanceM(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Whether a new fix is worth keeping after the last kept point (null: none yet). */
export function keepTrackPoint(last: TrackPoint | null, fix: TrackFix): boolean {
  if (fix.accuracyM !== undefined && fix.accuracyM > TRACK_MAX_ACCURACY_M) return false;
  if (last === null) return true;
  if (fix.at <= last.at) return false;
  return distanceM(last, fix) >= TRACK_MIN_DISTANCE_M || fix.at - last.at >= TRACK_MIN_INTERVAL_MS;
}

/** The points of a stream of fixes (in time order) that a track keeps. */
export function sampleTrack(fixes: readonly TrackFix[]): TrackPoint[] {
  const kept: TrackPoint[] = [];
  for (const fix of fixes) {
    if (keepTrackPoint(kept.at(-1) ?? null, fix)) kept.push({ lat: fix.lat, lon: fix.lon, at: fix.at });
  }
  return kept;
}

/** Zigzag, then 5-bit groups, low first (arithmetic, not bit operators: seconds since 1970 exceed 31 bits). */
function encodeNumber(value: number): string {
  let n = value < 0 ? -2 * value - 1 : 2 * value;
  let out = '';
  while (n >= 0x20) {
    out += String.fromCharCode((0x20 | (n % 0x20)) + 63);
    n = Math.floor(n / 0x20);
  }
  return out + String.fromCharCode(n + 63);
}

/**
 * Points to text: the first point's time in whole seconds, then per point
 * lat, lon (1e-5°) and seconds, each as the difference from the previous.
 */
export function encodeTrack(points: readonly TrackPoint[]): string {
  let out = '';
  let lat = 0;
  let lon = 0;
  let seconds = 0;
  for (const point of points) {
    const pLat = Math.round(point.lat * 1e5);
    const pLon = Math.round(point.lon * 1e5);
    const pSeconds = Math.round(point.at / 1000);
    out += encodeNumber(pLat - lat) + encodeNumber(pLon - lon) + encodeNumber(pSeconds - seconds);
    lat = pLat;
    lon = pLon;
    seconds = pSeconds;
  }
  return out;
}

/** Text back to points (to 1e-5° and whole seconds); throws on text that is not an encoded track. */
export function decodeTrack(text: string): TrackPoint[] {
  const values: number[] = [];
  let index = 0;
  while (index < text.length) {
    let shift = 0;
    let result = 0;
    let byte: number;
    do {
      if (index >= text.length) throw new Error('the track ends in the middle of a number');
      byte = text.charCodeAt(index++) - 63;
      if (byte < 0 || byte > 63) throw new Error('not an encoded track');
      // Multiplication, not <<: seconds since 1970 do not fit 31 bits once shifted.
      result += (byte & 0x1f) * 2 ** shift;
      shift += 5;
    } while (byte >= 0x20);
    values.push(result % 2 === 1 ? -(result + 1) / 2 : result / 2);
  }
  if (values.length % 3 !== 0) throw new Error('not an encoded track');
  const points: TrackPoint[] = [];
  let lat = 0;
  let lon = 0;
  let seconds = 0;
  for (let i = 0; i < values.length; i += 3) {
    lat += values[i] as number;
    lon += values[i + 1] as number;
    seconds += values[i + 2] as number;
    points.push({ lat: lat / 1e5, lon: lon / 1e5, at: seconds * 1000 });
  }
  return points;
}

/**
 * A fix at the grain the encoding keeps (1e-5°, whole seconds): the
 * sampling decides on the same values the stored track will hold, so the
 * phone and the store keep the same points.
 */
export function trackGrain<T extends TrackFix>(fix: T): T {
  return { ...fix, lat: Math.round(fix.lat * 1e5) / 1e5, lon: Math.round(fix.lon * 1e5) / 1e5, at: Math.round(fix.at / 1000) * 1000 };
}

/** Every second point dropped, the first and the last kept. */
export function thinTrack(points: readonly TrackPoint[]): TrackPoint[] {
  if (points.length <= 2) return [...points];
  const kept = points.filter((_, index) => index % 2 === 0);
  const last = points.at(-1) as TrackPoint;
  if (kept.at(-1) !== last) kept.push(last);
  return kept;
}

/**
 * The stored track (null: none yet) with `points` added — only those
 * `keepTrackPoint` accepts after the last one kept — thinned while the text
 * would pass `maxChars`. Returns the text unchanged when nothing is added.
 */
export function appendToTrack(stored: string | null, points: readonly TrackFix[], maxChars = TRACK_MAX_CHARS): string | null {
  let track = stored === null || stored === '' ? [] : decodeTrack(stored);
  const before = track.length;
  for (const fix of points) {
    const point = trackGrain(fix);
    if (keepTrackPoint(track.at(-1) ?? null, point)) track.push({ lat: point.lat, lon: point.lon, at: point.at });
  }
  if (track.length === before) return stored;
  let text = encodeTrack(track);
  while (text.length > maxChars && track.length > 2) {
    track = thinTrack(track);
    text = encodeTrack(track);
  }
  return text;
}
