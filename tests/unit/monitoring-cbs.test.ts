/**
 * The CBS context's words and numbers (issue 12 item 5) and the reach map's
 * circles (item 1): pure functions, numbers worked out by hand here.
 */
import { describe, expect, it } from 'vitest';
import { core } from '../../src/app/i18n/core.ts';
import { createT } from '../../src/app/i18n/translate.ts';
import { cbsProblemText, formatCbsFigure, reportContext } from '../../src/app/monitoring/cbs-logic.ts';
import { monitoringPack } from '../../src/app/monitoring/pack.ts';
import { REACH_RADIUS, reachMap } from '../../src/app/monitoring/reach-logic.ts';
import type { CbsFigures } from '../../src/domain/cbs-figures.ts';
import { LOCATED_ADDRESS_TYPES, locatedPostcodeOf, pc4Centres } from '../../src/domain/pc4-places.ts';

const t = createT('nl', core, monitoringPack);

const figures = (buurtId: string, year: number, residents: number | null): CbsFigures => ({
  buurtId,
  year,
  cbsCode: null,
  source: 'import',
  residents,
  households: null,
  averageIncome: 27_400,
  share65Plus: 25,
  averageWoz: 228_000,
});

describe('the CBS context', () => {
  it('writes figures the Dutch way: euro with a thousands point, a share with a decimal comma', () => {
    expect(formatCbsFigure(t, 'nl', 'residents', 2480)).toBe('2.480');
    expect(formatCbsFigure(t, 'nl', 'averageWoz', 228_000)).toBe('€ 228.000');
    expect(formatCbsFigure(t, 'nl', 'share65Plus', 24.5)).toBe('24,5 %');
    expect(formatCbsFigure(t, 'nl', 'households', null)).toBe('–');
  });

  it('says each import problem as a sentence naming the line, the code and the column', () => {
    expect(cbsProblemText(t, { kind: 'badNumber', line: 6, code: 'BU04820103', column: 'households', value: 'veel' })).toBe(
      'Regel 6 (BU04820103): “veel” in kolom “Huishoudens totaal” is geen getal; dat cijfer blijft leeg.',
    );
    expect(cbsProblemText(t, { kind: 'noCodeColumn', headers: ['Naam', 'Inwoners'] })).toContain('De eerste kolommen heten: “Naam”, “Inwoners”.');
    expect(cbsProblemText(t, { kind: 'missingColumn', column: 'averageWoz' })).toBe(
      'Kolom “Gemiddelde WOZ-waarde van woningen” ontbreekt; dat cijfer blijft leeg. Kies het onderwerp bij het downloaden als je het wilt.',
    );
  });

  it('takes per buurt the latest CBS year up to the period, with the typed resident count of the year beside it', () => {
    const cbs = [figures('oranjebuurt', 2022, 2400), figures('oranjebuurt', 2024, 2480), figures('oranjebuurt', 2027, 9999)];
    const residents = [
      { buurtId: 'oranjebuurt', year: 2025, count: 2000 },
      { buurtId: 'kinderdijk', year: 2026, count: 500 },
    ];
    // Kinderdijk has no CBS figures: no line; Oranjebuurt's count of 2025 is not the period's year.
    expect(reportContext(['oranjebuurt', 'kinderdijk'], 2026, cbs, residents)).toEqual([{ buurtId: 'oranjebuurt', figures: cbs[1], typed: null }]);
    expect(reportContext(['oranjebuurt'], 2025, cbs, residents)).toEqual([{ buurtId: 'oranjebuurt', figures: cbs[1], typed: residents[0] }]);
    // No CBS figures for any buurt covered: no context section.
    expect(reportContext(['kinderdijk'], 2026, cbs, residents)).toEqual([]);
  });
});

describe('the reach map', () => {
  const record = (values: Record<string, unknown>) => ({
    fields: Object.fromEntries(Object.entries(values).map(([name, v]) => [name, { v, t: 't' }])),
    counters: {},
  });

  it('places a PC4 at the middle of the located records with that postcode', () => {
    expect(LOCATED_ADDRESS_TYPES).toEqual(expect.arrayContaining(['finding', 'publicSpaceObservation']));
    expect(LOCATED_ADDRESS_TYPES).not.toContain('activity');
    const address = (postcode: string | null) => ({ street: 'Dam', number: '1', postcode, place: 'Alblasserdam' });
    const places = [
      record({ location: { lat: 51.86, lon: 4.66, source: 'gps' }, address: address('2951AB') }),
      record({ location: { lat: 51.88, lon: 4.68, source: 'map' }, address: address('2951 CD') }),
      record({ location: { lat: 51.9, lon: 4.7, source: 'gps' }, address: address('2952EF') }),
      record({ location: null, address: address('2953AA') }),
      record({ location: { lat: 51.9, lon: 4.7, source: 'gps' }, address: address(null) }),
      record({ location: { lat: 51.9, lon: 4.7, source: 'gps' }, address: address('2954AA'), deleted: true }),
    ].flatMap((r) => locatedPostcodeOf(r) ?? []);
    const centres = pc4Centres(places);
    expect([...centres.keys()]).toEqual(['2951', '2952']);
    expect(centres.get('2951')?.lat).toBeCloseTo(51.87, 10);
    expect(centres.get('2951')?.lon).toBeCloseTo(4.67, 10);
    expect(centres.get('2951')?.places).toBe(2);
  });

  it('sizes circles by area and lists the PC4s without a known place, most participants first', () => {
    const centres = new Map([
      ['2951', { lat: 51.87, lon: 4.67, places: 2 }],
      ['2952', { lat: 51.9, lon: 4.7, places: 1 }],
    ]);
    const { circles, offMap } = reachMap(
      [
        { key: '2951', value: 16 },
        { key: '2952', value: 4 },
        { key: '2960', value: 1 },
        { key: '3000', value: 3 },
        { key: '2953', value: 0 },
      ],
      centres,
      (pc4, count) => `${pc4}: ${count}`,
    );
    // 16 is the most: the largest radius; 4 is a quarter of the area: half the extra radius (sqrt(1/4)).
    expect(circles.map((c) => [c.id, c.radius, c.label])).toEqual([
      ['2951', REACH_RADIUS.max, '2951: 16'],
      ['2952', REACH_RADIUS.min + (REACH_RADIUS.max - REACH_RADIUS.min) / 2, '2952: 4'],
    ]);
    expect(offMap).toEqual([
      { pc4: '3000', count: 3 },
      { pc4: '2960', count: 1 },
    ]);
  });
});
