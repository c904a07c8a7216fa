import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { MapView } from '../../src/app/place/MapView.tsx';
import { renderInApp, type Rendered } from '../fixtures/place-app.tsx';

const POINTS = [
  { id: 'f1', lat: 51.86563, lon: 4.65919, label: '1' },
  { id: 'f2', lat: 51.8661, lon: 4.6601, label: '2' },
  { id: 'f3', lat: 51.8649, lon: 4.6579, label: 'Afvalbak vol bij de Cortgene' },
];

let view: Rendered | null = null;
afterEach(() => {
  view?.cleanup();
  view = null;
});

const translateOf = (el: { getAttribute(n: string): string | null }) => (el.getAttribute('transform') ?? '').match(/translate\(([-\d.]+) ([-\d.]+)\)/)?.slice(1).map(Number) ?? [];

describe('the map of findings', () => {
  it('draws the points without a network, on a plain background with a note', () => {
    view = renderInApp(<MapView points={POINTS} online={false} />);
    expect(view.all('image')).toHaveLength(0);
    const markers = view.all('g').filter((g) => g.getAttribute('class') === 'place-map-marker');
    expect(markers.map((m) => m.textContent)).toEqual(['11', '22', 'Afvalbak vol bij de Cortgene3']);
    expect(view.byText('p', /niet beschikbaar zonder internet/).getAttribute('role')).toBe('note');
    expect(view.all('svg')[0]?.getAttribute('aria-label')).toBe('Kaart met 3 bevindingen');
    // In the right places relative to each other: f2 lies north-east of f1, f3 south-west.
    const [one, two, three] = markers.map(translateOf);
    expect(two?.[0]).toBeGreaterThan(one?.[0] ?? 0);
    expect(two?.[1]).toBeLessThan(one?.[1] ?? 0);
    expect(three?.[0]).toBeLessThan(one?.[0] ?? 0);
    expect(three?.[1]).toBeGreaterThan(one?.[1] ?? 0);
  });

  it('lays PDOK BRT-Achtergrondkaart tiles under the points when online, with the attribution', () => {
    view = renderInApp(<MapView points={POINTS} online={true} />);
    const hrefs = view.all('image').map((img) => img.getAttribute('href') ?? '');
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^https:\/\/service\.pdok\.nl\/brt\/achtergrondkaart\/wmts\/v2_0\/standaard\/EPSG:3857\/\d+\/\d+\/\d+\.png$/);
    expect(view.byText('p', 'Kaart: © Kadaster (PDOK BRT-Achtergrondkaart)')).toBeTruthy();
    expect(view.all('p').some((p) => /zonder internet/.test(p.textContent))).toBe(false);
  });

  it('says so when tiles fail to load, and keeps the points', () => {
    view = renderInApp(<MapView points={POINTS} online={true} />);
    act(() => {
      view?.all('image')[0]?.dispatch('error');
    });
    expect(view.byText('p', /niet beschikbaar zonder internet/)).toBeTruthy();
    expect(view.all('g').filter((g) => g.getAttribute('class') === 'place-map-marker')).toHaveLength(3);
  });

  it('is a static picture without onPick: no controls, not focusable', () => {
    view = renderInApp(<MapView points={POINTS} online={false} />);
    expect(view.all('button')).toHaveLength(0);
    expect(view.all('svg')[0]?.getAttribute('role')).toBe('img');
    expect(view.all('svg')[0]?.hasAttribute('tabIndex')).toBe(false);
  });

  it('in pick mode zooms with labelled buttons and picks the centre', () => {
    const picks: Array<{ lat: number; lon: number }> = [];
    view = renderInApp(<MapView points={[]} picked={{ lat: 51.86563, lon: 4.65919 }} onPick={(p) => picks.push(p)} online={true} />);
    const zoomOf = () => Number(view?.all('image')[0]?.getAttribute('href')?.match(/EPSG:3857\/(\d+)\//)?.[1]);
    expect(zoomOf()).toBe(17);
    act(() => {
      view?.all('button').find((b) => b.getAttribute('aria-label') === 'Inzoomen')?.dispatch('click');
    });
    expect(zoomOf()).toBe(18);
    act(() => {
      view?.byText('button', 'Midden van de kaart kiezen').dispatch('click');
    });
    expect(picks).toHaveLength(1);
    expect(picks[0]?.lat).toBeCloseTo(51.86563, 5);
    expect(picks[0]?.lon).toBeCloseTo(4.65919, 5);
    expect(view.all('svg')[0]?.getAttribute('role')).toBe('application');
  });

  it('pans with the arrow keys and picks with Enter', () => {
    const picks: Array<{ lat: number; lon: number }> = [];
    view = renderInApp(<MapView points={[]} picked={{ lat: 51.86563, lon: 4.65919 }} onPick={(p) => picks.push(p)} online={false} />);
    const svg = view.all('svg')[0];
    act(() => {
      svg?.dispatch('keydown', { key: 'ArrowRight' });
    });
    act(() => {
      svg?.dispatch('keydown', { key: 'Enter' });
    });
    expect(picks[0]?.lon).toBeGreaterThan(4.65919);
    expect(picks[0]?.lat).toBeCloseTo(51.86563, 5);
  });
});
