/**
 * Web-mercator math for the map (EPSG:3857, 256-pixel tiles, as PDOK's
 * BRT-Achtergrondkaart WMTS serves it): where a point lands on the screen,
 * which tiles cover the view, which zoom fits a set of points. Pure, so the
 * map can be drawn — and tested — without a browser or a network.
 *
 * @example
 * const view = fitView([{ lat: 51.8655, lon: 4.6608 }], 600, 400);
 * visibleTiles(view, 600, 400)[0]?.url // 'https://service.pdok.nl/brt/achtergrondkaart/…/17/…png'
 */

export const TILE_SIZE = 256;
/** PDOK serves BRT-Achtergrondkaart in EPSG:3857 from zoom 0 to 19. */
export const MIN_ZOOM = 6;
export const MAX_ZOOM = 19;
/** One point alone: street level, house numbers readable on the tiles. */
export const SINGLE_POINT_ZOOM = 17;

export const PDOK_TILE_URL = 'https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png';

export type LatLon = { lat: number; lon: number };
/** What the map shows: its centre and an integer zoom level. */
export type MapViewState = { center: LatLon; zoom: number };
export type Tile = { key: string; url: string; x: number; y: number; size: number };

/** Mercator breaks down at the poles; the tiles stop here too. */
const MAX_LAT = 85.05112878;

const worldSize = (zoom: number) => TILE_SIZE * 2 ** zoom;
const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

export function tileUrl(z: number, x: number, y: number): string {
  return PDOK_TILE_URL.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y));
}

/** A point in world pixels at `zoom` (0,0 is the north-west corner of the world). */
export function project(point: LatLon, zoom: number): { x: number; y: number } {
  const size = worldSize(zoom);
  const lat = (clamp(point.lat, -MAX_LAT, MAX_LAT) * Math.PI) / 180;
  return {
    x: ((point.lon + 180) / 360) * size,
    y: ((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2) * size,
  };
}

export function unproject(pixel: { x: number; y: number }, zoom: number): LatLon {
  const size = worldSize(zoom);
  const n = Math.PI - (2 * Math.PI * pixel.y) / size;
  return { lat: (180 / Math.PI) * Math.atan(Math.sinh(n)), lon: (pixel.x / size) * 360 - 180 };
}

/** Where `point` lands in a `width` × `height` view. */
export function toScreen(view: MapViewState, width: number, height: number, point: LatLon): { x: number; y: number } {
  const centre = project(view.center, view.zoom);
  const p = project(point, view.zoom);
  return { x: p.x - centre.x + width / 2, y: p.y - centre.y + height / 2 };
}

/** The point under screen position (x, y) of the view; rounded to 6 decimals (≈ 0.1 m). */
export function fromScreen(view: MapViewState, width: number, height: number, screen: { x: number; y: number }): LatLon {
  const centre = project(view.center, view.zoom);
  const point = unproject({ x: centre.x - width / 2 + screen.x, y: centre.y - height / 2 + screen.y }, view.zoom);
  return { lat: round6(point.lat), lon: round6(point.lon) };
}

export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** The view moved by a drag of (dx, dy) screen pixels: the map follows the finger. */
export function panBy(view: MapViewState, dx: number, dy: number): MapViewState {
  const centre = project(view.center, view.zoom);
  const size = worldSize(view.zoom);
  const moved = unproject({ x: centre.x - dx, y: clamp(centre.y - dy, 0, size) }, view.zoom);
  return { zoom: view.zoom, center: { lat: moved.lat, lon: ((((moved.lon + 180) % 360) + 360) % 360) - 180 } };
}

export function zoomBy(view: MapViewState, delta: number): MapViewState {
  return { center: view.center, zoom: clamp(Math.round(view.zoom + delta), MIN_ZOOM, MAX_ZOOM) };
}

/**
 * The view that shows every point with `padding` pixels to spare: their
 * middle, at the closest zoom that fits (one point: street level). Without
 * points, `fallback`.
 */
export function fitView(
  points: ReadonlyArray<LatLon>,
  width: number,
  height: number,
  opts: { padding?: number; maxZoom?: number; fallback?: MapViewState } = {},
): MapViewState {
  const { padding = 32, maxZoom = 18, fallback = NETHERLANDS } = opts;
  if (points.length === 0) return fallback;
  const world = points.map((p) => project(p, 0));
  const xs = world.map((p) => p.x);
  const ys = world.map((p) => p.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const center = unproject({ x: (minX + maxX) / 2, y: (minY + maxY) / 2 }, 0);
  const spanX = maxX - minX;
  const spanY = maxY - minY;
  if (spanX === 0 && spanY === 0) return { center, zoom: Math.min(SINGLE_POINT_ZOOM, maxZoom) };
  const room = { x: Math.max(1, width - 2 * padding), y: Math.max(1, height - 2 * padding) };
  // At zoom z a span grows by 2^z; the largest z whose span still fits.
  const fits = Math.floor(Math.log2(Math.min(spanX > 0 ? room.x / spanX : Infinity, spanY > 0 ? room.y / spanY : Infinity)));
  return { center, zoom: clamp(fits, MIN_ZOOM, Math.min(maxZoom, SINGLE_POINT_ZOOM)) };
}

/** The tiles that cover a `width` × `height` view, each with its top-left corner on the screen. */
export function visibleTiles(view: MapViewState, width: number, height: number): Tile[] {
  const centre = project(view.center, view.zoom);
  const left = centre.x - width / 2;
  const top = centre.y - height / 2;
  const count = 2 ** view.zoom;
  const tiles: Tile[] = [];
  const [firstX, lastX] = [Math.floor(left / TILE_SIZE), Math.floor((left + width - 1) / TILE_SIZE)];
  const [firstY, lastY] = [Math.max(0, Math.floor(top / TILE_SIZE)), Math.min(count - 1, Math.floor((top + height - 1) / TILE_SIZE))];
  for (let ty = firstY; ty <= lastY; ty++) {
    for (let tx = firstX; tx <= lastX; tx++) {
      const wrapped = ((tx % count) + count) % count;
      tiles.push({ key: `${view.zoom}/${tx}/${ty}`, url: tileUrl(view.zoom, wrapped, ty), x: tx * TILE_SIZE - left, y: ty * TILE_SIZE - top, size: TILE_SIZE });
    }
  }
  return tiles;
}

/** The whole country, when there is nothing better to show. */
export const NETHERLANDS: MapViewState = { center: { lat: 52.15, lon: 5.3 }, zoom: 7 };

/**
 * Where the map opens to place a point when nothing is known yet: the
 * programme's own municipality (by CBS code), else the whole country.
 */
const MUNICIPALITY_CENTRES: Readonly<Record<string, LatLon>> = {
  GM0482: { lat: 51.8644, lon: 4.6615 }, // Alblasserdam
  GM0597: { lat: 51.8697, lon: 4.6055 }, // Ridderkerk
};

export function homeView(cbsCode: string | undefined): MapViewState {
  const centre = cbsCode ? MUNICIPALITY_CENTRES[cbsCode] : undefined;
  return centre ? { center: centre, zoom: 14 } : NETHERLANDS;
}
