// @vitest-environment happy-dom
import { fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { MapView } from '../../src/app/place/MapView.tsx';
import { cleanupApps, openApp } from '../fixtures/render-app.tsx';

const POINTS = [
  { id: 'f1', lat: 51.86563, lon: 4.65919, label: '1' },
  { id: 'f2', lat: 51.8661, lon: 4.6601, label: '2' },
  { id: 'f3', lat: 51.8649, lon: 4.6579, label: 'Afvalbak vol bij de Cortgene' },
];

afterEach(cleanupApps);

async function map(props: Parameters<typeof MapView>[0]) {
  const app = await openApp();
  const { container } = app.render(<MapView {...props} />);
  return {
    /** The PDOK tiles: SVG <image>s, which have no role. */
    tiles: () => [...container.querySelectorAll('image')],
    markers: () => [...container.querySelectorAll('g.place-map-marker')],
  };
}

const translateOf = (el: Element) =>
  (el.getAttribute('transform') ?? '')
    .match(/translate\(([-\d.]+) ([-\d.]+)\)/)
    ?.slice(1)
    .map(Number) ?? [];
const PICK_LABEL = /^Kaart om de plek aan te wijzen/;

describe('the map of findings', () => {
  it('draws the points without a network, on a plain background with a note', async () => {
    const { tiles, markers } = await map({ points: POINTS, online: false });
    expect(tiles()).toHaveLength(0);
    expect(markers().map((m) => m.textContent)).toEqual(['11', '22', 'Afvalbak vol bij de Cortgene3']);
    // Each marker's full label is its tooltip.
    expect(markers().map((m) => m.querySelector('title')?.textContent)).toEqual(['1', '2', 'Afvalbak vol bij de Cortgene']);
    expect(screen.getByRole('note').textContent).toMatch(/niet beschikbaar zonder internet/);
    expect(screen.getByRole('img', { name: 'Kaart met 3 bevindingen' }).localName).toBe('svg');
    // In the right places relative to each other: f2 lies north-east of f1, f3 south-west.
    const [one, two, three] = markers().map(translateOf);
    expect(two?.[0]).toBeGreaterThan(one?.[0] ?? 0);
    expect(two?.[1]).toBeLessThan(one?.[1] ?? 0);
    expect(three?.[0]).toBeLessThan(one?.[0] ?? 0);
    expect(three?.[1]).toBeGreaterThan(one?.[1] ?? 0);
  });

  it('lays PDOK BRT-Achtergrondkaart tiles under the points when online, with the attribution', async () => {
    const { tiles } = await map({ points: POINTS, online: true });
    const hrefs = tiles().map((img) => img.getAttribute('href') ?? '');
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs)
      expect(href).toMatch(/^https:\/\/service\.pdok\.nl\/brt\/achtergrondkaart\/wmts\/v2_0\/standaard\/EPSG:3857\/\d+\/\d+\/\d+\.png$/);
    expect(screen.getByText('Kaart: © Kadaster (PDOK BRT-Achtergrondkaart)').localName).toBe('p');
    expect(screen.queryByText(/zonder internet/)).toBeNull();
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('says so when tiles fail to load, and keeps the points', async () => {
    const { tiles, markers } = await map({ points: POINTS, online: true });
    fireEvent.error(tiles()[0] as Element);
    expect(screen.getByRole('note').textContent).toMatch(/niet beschikbaar zonder internet/);
    expect(markers()).toHaveLength(3);
  });

  it('is a static picture without onPick: no controls, not focusable', async () => {
    await map({ points: POINTS, online: false });
    expect(screen.queryAllByRole('button')).toHaveLength(0);
    expect(screen.queryByRole('application')).toBeNull();
    const svg = screen.getByRole('img', { name: 'Kaart met 3 bevindingen' });
    expect(svg.hasAttribute('tabindex')).toBe(false);
    expect(svg.hasAttribute('tabIndex')).toBe(false);
  });

  it('in pick mode zooms with labelled buttons and picks the centre', async () => {
    const picks: Array<{ lat: number; lon: number }> = [];
    const { tiles } = await map({ points: [], picked: { lat: 51.86563, lon: 4.65919 }, onPick: (p) => picks.push(p), online: true });
    const zoomOf = () =>
      Number(
        tiles()[0]
          ?.getAttribute('href')
          ?.match(/EPSG:3857\/(\d+)\//)?.[1],
      );
    expect(zoomOf()).toBe(17);
    fireEvent.click(screen.getByRole('button', { name: 'Inzoomen' }));
    expect(zoomOf()).toBe(18);
    fireEvent.click(screen.getByRole('button', { name: 'Uitzoomen' }));
    expect(zoomOf()).toBe(17);
    fireEvent.click(screen.getByRole('button', { name: 'Midden van de kaart kiezen' }));
    expect(picks).toHaveLength(1);
    expect(picks[0]?.lat).toBeCloseTo(51.86563, 5);
    expect(picks[0]?.lon).toBeCloseTo(4.65919, 5);
    expect(screen.getByRole('application', { name: PICK_LABEL }).localName).toBe('svg');
  });

  it('pans with the arrow keys and picks with Enter', async () => {
    const picks: Array<{ lat: number; lon: number }> = [];
    await map({ points: [], picked: { lat: 51.86563, lon: 4.65919 }, onPick: (p) => picks.push(p), online: false });
    const svg = screen.getByRole('application', { name: PICK_LABEL });
    fireEvent.keyDown(svg, { key: 'ArrowRight' });
    fireEvent.keyDown(svg, { key: 'Enter' });
    expect(picks[0]?.lon).toBeGreaterThan(4.65919);
    expect(picks[0]?.lat).toBeCloseTo(51.86563, 5);
  });

  it('can be reached with the keyboard in pick mode', async () => {
    await map({ points: [], picked: { lat: 51.86563, lon: 4.65919 }, onPick: () => {}, online: false });
    const svg = screen.getByRole('application', { name: PICK_LABEL });
    // SVG attributes are case-sensitive: only `tabindex` makes an <svg> focusable.
    expect(svg.getAttribute('tabindex')).toBe('0');
    svg.focus();
    expect(document.activeElement).toBe(svg);
  });
});

describe('circles on the map (reach per PC4)', () => {
  const CIRCLES = [
    { id: '2951', lat: 51.8612, lon: 4.6597, radius: 12, text: '2951', label: '2951: 4 deelnemers' },
    { id: '2952', lat: 51.87, lon: 4.68, radius: 32, text: '2952', label: '2952: 16 deelnemers' },
  ];

  it('draws each circle at its radius with its text and tooltip, the largest first, and opens no closer than asked', async () => {
    const app = await openApp();
    const { container } = app.render(<MapView points={[]} circles={CIRCLES} online={true} maxZoom={14} label="Bereik" />);
    const circles = [...container.querySelectorAll('g.place-map-circle')];
    // The largest under the smallest, so the small one stays visible.
    expect(circles.map((g) => g.querySelector('title')?.textContent)).toEqual(['2952: 16 deelnemers', '2951: 4 deelnemers']);
    expect(circles.map((g) => g.querySelector('circle')?.getAttribute('r'))).toEqual(['32.0', '12.0']);
    expect(circles.map((g) => g.querySelector('text')?.textContent)).toEqual(['2952', '2951']);
    expect(screen.getByRole('img', { name: 'Bereik' }).localName).toBe('svg');
    // Two points 1.5 km apart would fit at zoom 15 or 16; the map stops at 14.
    const zooms = [...container.querySelectorAll('image')].map((img) => Number((img.getAttribute('href') ?? '').split('/').at(-3)));
    expect(new Set(zooms)).toEqual(new Set([14]));
  });
});
