import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_ZOOM,
  MIN_ZOOM,
  NETHERLANDS,
  SINGLE_POINT_ZOOM,
  TILE_SIZE,
  fitView,
  fromScreen,
  homeView,
  panBy,
  project,
  tileUrl,
  toScreen,
  unproject,
  visibleTiles,
  zoomBy,
} from '../../src/app/place/tiles.ts';

const GEMEENTEHUIS_ALBLASSERDAM = { lat: 51.86563, lon: 4.65919 };
const GEMEENTEHUIS_RIDDERKERK = { lat: 51.87214, lon: 4.60309 };

describe('web-mercator math of the map', () => {
  it('puts the null island in the middle of the world and the date line at its edges', () => {
    expect(project({ lat: 0, lon: 0 }, 0)).toEqual({ x: 128, y: 128 });
    expect(project({ lat: 0, lon: -180 }, 1).x).toBe(0);
    expect(project({ lat: 0, lon: 180 }, 1).x).toBe(512);
  });

  it('finds the tile a known place lies on (Alblasserdam at zoom 17)', () => {
    const p = project(GEMEENTEHUIS_ALBLASSERDAM, 17);
    // Tile x = floor((lon + 180) / 360 · 2^17), y by the mercator formula.
    expect(Math.floor(p.x / TILE_SIZE)).toBe(67232);
    expect(Math.floor(p.y / TILE_SIZE)).toBe(43374);
  });

  it('brings every point back where it came from', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -85, max: 85, noNaN: true }),
        fc.double({ min: -180, max: 180, noNaN: true }),
        fc.integer({ min: 0, max: 19 }),
        (lat, lon, zoom) => {
          const back = unproject(project({ lat, lon }, zoom), zoom);
          expect(back.lat).toBeCloseTo(lat, 6);
          expect(back.lon).toBeCloseTo(lon, 6);
        },
      ),
    );
  });

  it('builds the PDOK BRT-Achtergrondkaart tile address', () => {
    expect(tileUrl(17, 67232, 43374)).toBe('https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/17/67232/43374.png');
  });
});

describe('what the map shows', () => {
  it('shows one point in the middle at street level', () => {
    const view = fitView([GEMEENTEHUIS_ALBLASSERDAM], 600, 400);
    expect(view.zoom).toBe(SINGLE_POINT_ZOOM);
    const at = toScreen(view, 600, 400, GEMEENTEHUIS_ALBLASSERDAM);
    expect(at.x).toBeCloseTo(300, 6);
    expect(at.y).toBeCloseTo(200, 6);
  });

  it('fits every point inside the padding, at the closest zoom that does', () => {
    const points = [GEMEENTEHUIS_ALBLASSERDAM, GEMEENTEHUIS_RIDDERKERK];
    const view = fitView(points, 600, 400, { padding: 32 });
    for (const point of points) {
      const at = toScreen(view, 600, 400, point);
      expect(at.x).toBeGreaterThanOrEqual(32);
      expect(at.x).toBeLessThanOrEqual(568);
      expect(at.y).toBeGreaterThanOrEqual(32);
      expect(at.y).toBeLessThanOrEqual(368);
    }
    const closer = { ...view, zoom: view.zoom + 1 };
    const outside = points.map((p) => toScreen(closer, 600, 400, p)).some((at) => at.x < 32 || at.x > 568 || at.y < 32 || at.y > 368);
    expect(outside).toBe(true);
  });

  it('keeps points of one street together at a readable zoom', () => {
    const view = fitView([GEMEENTEHUIS_ALBLASSERDAM, { lat: 51.8658, lon: 4.6598 }], 600, 400);
    expect(view.zoom).toBeGreaterThanOrEqual(15);
    expect(view.zoom).toBeLessThanOrEqual(SINGLE_POINT_ZOOM);
  });

  it('opens on the home municipality, or the whole country', () => {
    expect(fitView([], 600, 400)).toEqual(NETHERLANDS);
    expect(fitView([], 600, 400, { fallback: homeView('GM0597') })).toEqual(homeView('GM0597'));
    expect(homeView('GM0482').zoom).toBe(14);
    expect(homeView('GM9999')).toEqual(NETHERLANDS);
    expect(homeView(undefined)).toEqual(NETHERLANDS);
  });

  it('covers the whole view with tiles, each placed where it belongs', () => {
    const view = fitView([GEMEENTEHUIS_ALBLASSERDAM], 600, 400);
    const tiles = visibleTiles(view, 600, 400);
    expect(tiles.length).toBeGreaterThanOrEqual(6);
    expect(tiles.length).toBeLessThanOrEqual(12);
    expect(Math.min(...tiles.map((t) => t.x))).toBeLessThanOrEqual(0);
    expect(Math.min(...tiles.map((t) => t.y))).toBeLessThanOrEqual(0);
    expect(Math.max(...tiles.map((t) => t.x + t.size))).toBeGreaterThanOrEqual(600);
    expect(Math.max(...tiles.map((t) => t.y + t.size))).toBeGreaterThanOrEqual(400);
    // The point lies on the tile that contains it.
    const at = toScreen(view, 600, 400, GEMEENTEHUIS_ALBLASSERDAM);
    const under = tiles.find((t) => at.x >= t.x && at.x < t.x + t.size && at.y >= t.y && at.y < t.y + t.size);
    expect(under?.url).toMatch(/\/17\/67232\/43374\.png$/);
    for (const tile of tiles) expect(tile.url.startsWith('https://service.pdok.nl/')).toBe(true);
  });

  it('asks for no tiles beyond the top or bottom of the world', () => {
    const tiles = visibleTiles({ center: { lat: 85, lon: 0 }, zoom: 1 }, 600, 400);
    expect(tiles.every((t) => /\/1\/\d\/[01]\.png$/.test(t.url))).toBe(true);
  });
});

describe('moving the map', () => {
  it('picks the point under the finger', () => {
    const view = fitView([GEMEENTEHUIS_ALBLASSERDAM], 600, 400);
    const at = toScreen(view, 600, 400, GEMEENTEHUIS_RIDDERKERK);
    const picked = fromScreen({ ...view, zoom: 12 }, 600, 400, toScreen({ ...view, zoom: 12 }, 600, 400, GEMEENTEHUIS_RIDDERKERK));
    expect(picked.lat).toBeCloseTo(GEMEENTEHUIS_RIDDERKERK.lat, 5);
    expect(picked.lon).toBeCloseTo(GEMEENTEHUIS_RIDDERKERK.lon, 5);
    expect(at.x).toBeLessThan(0); // Ridderkerk is far off-screen west at street level
  });

  it('picks to six decimals, about ten centimetres', () => {
    const view = fitView([GEMEENTEHUIS_ALBLASSERDAM], 600, 400);
    const picked = fromScreen(view, 600, 400, { x: 123.4567, y: 234.5678 });
    expect(picked.lat).toBe(Number(picked.lat.toFixed(6)));
    expect(picked.lon).toBe(Number(picked.lon.toFixed(6)));
  });

  it('follows the finger: what was under it stays under it', () => {
    const view = fitView([GEMEENTEHUIS_ALBLASSERDAM], 600, 400);
    const moved = panBy(view, 100, -50);
    const at = toScreen(moved, 600, 400, GEMEENTEHUIS_ALBLASSERDAM);
    expect(at.x).toBeCloseTo(400, 6);
    expect(at.y).toBeCloseTo(150, 6);
  });

  it('zooms in whole steps within what PDOK serves', () => {
    const view = { center: GEMEENTEHUIS_ALBLASSERDAM, zoom: 17 };
    expect(zoomBy(view, 1).zoom).toBe(18);
    expect(zoomBy(zoomBy(zoomBy(view, 1), 1), 1).zoom).toBe(MAX_ZOOM);
    expect(zoomBy({ ...view, zoom: MIN_ZOOM }, -1).zoom).toBe(MIN_ZOOM);
  });
});
