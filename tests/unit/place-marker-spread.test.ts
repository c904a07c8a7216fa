import { describe, expect, it } from 'vitest';
import { MARKER_GAP_PX, spreadMarkers } from '../../src/app/place/marker-spread.ts';

const distance = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

describe('markers at the same place', () => {
  it('leaves markers that are apart where they are', () => {
    const spread = spreadMarkers([
      { x: 10, y: 10 },
      { x: 100, y: 10 },
    ]);
    expect(spread.map((s) => s.at)).toEqual([
      { x: 10, y: 10 },
      { x: 100, y: 10 },
    ]);
    expect(spread.every((s) => !s.isMoved)).toBe(true);
  });

  it('puts two, three or five markers at one spot on a ring, each a marker apart, all pointing at the spot', () => {
    for (const n of [2, 3, 5]) {
      const spot = { x: 200, y: 150 };
      const spread = spreadMarkers([...Array.from({ length: n }, (_, i) => ({ x: spot.x + i, y: spot.y })), { x: 20, y: 20 }]);
      const ring = spread.slice(0, n);
      for (const s of ring) expect(s).toMatchObject({ spot, isMoved: true });
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) expect(distance(ring[i]!.at, ring[j]!.at)).toBeGreaterThanOrEqual(MARKER_GAP_PX - 0.01);
      expect(spread[n]).toEqual({ at: { x: 20, y: 20 }, spot: { x: 20, y: 20 }, isMoved: false });
    }
  });
});
