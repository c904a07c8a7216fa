/** The monitoring report's words and the indicator table's CSV file (Excel-NL), from an answer whose numbers are typed here. */
import { describe, expect, it } from 'vitest';
import { core } from '../../src/app/i18n/core.ts';
import { createT } from '../../src/app/i18n/translate.ts';
import { indicatorRows } from '../../src/app/monitoring/logic.ts';
import { monitoringPack } from '../../src/app/monitoring/pack.ts';
import { indicatorCsv, indicatorCsvName, indicatorSummary } from '../../src/app/monitoring/report-logic.ts';
import { monitoringHref, parseMonitoringRoute } from '../../src/app/monitoring/routes.ts';
import { hrefOf, parseRoute } from '../../src/app/router.ts';
import type { IndicatorValue, MonitoringAnswer } from '../../src/domain/indicators.ts';

const t = createT('nl', core, monitoringPack);
const value = (key: string, v: number | null, trend: Array<number | null>, applies = true): IndicatorValue => ({
  key,
  applies,
  value: v,
  breakdowns: {},
  trend,
});

const answer: MonitoringAnswer = {
  period: { kind: 'quarter', from: '2026-01-01', to: '2026-03-31' },
  filters: { buurtId: 'oranjebuurt', themeId: null, projectId: null },
  buurtIds: null,
  computedAt: 0,
  quarters: ['2025-Q4', '2026-Q1'],
  indicators: [
    value('participants', 20, [12, 20]),
    value('participants-mean', 12.66, [null, 12.66]),
    value('resolved-within-14', 80, [90, 80]),
    value('resolve-days-median', null, [null, null]),
    value('patrol-rounds', null, [], false),
  ],
};
const setting = (baseline: number) => ({ baseline, targetFactor: null, targetPoints: null });
const targets = new Map([
  ['participants', setting(15)],
  ['resolved-within-14', setting(82.5)],
  ['resolve-days-median', setting(20)],
]);
const rows = indicatorRows(answer, targets);
const row = (key: string) => rows.find((r) => r.indicator.key === key) ?? expect.unreachable(key);

describe('the report text of an indicator', () => {
  it('says the value, the 0-meting, the target and whether it is on track', () => {
    // 15 × 1,10 = 16,5; 20 ≥ 16,5.
    expect(indicatorSummary(t, 'nl', row('participants'))).toBe('20 in deze periode. 0-meting 15, doel 16,5: op koers.');
    // A percentage's target is in points: 82,5 + 5 = 87,5; 80 < 87,5.
    expect(indicatorSummary(t, 'nl', row('resolved-within-14'))).toBe('80,0 % in deze periode. 0-meting 82,5 %, doel 87,5 %: nog niet op koers.');
  });

  it('says so when there is no 0-meting, no value, or the filters do not apply', () => {
    expect(indicatorSummary(t, 'nl', row('participants-mean'))).toBe('12,7 in deze periode. Nog geen 0-meting, dus nog geen doel.');
    // Fewer days is better: 20 × 0,90 = 18; no value, so neither on nor off track.
    expect(indicatorSummary(t, 'nl', row('resolve-days-median'))).toBe('Geen waarde in deze periode. 0-meting 20 dagen, doel 18 dagen.');
    expect(indicatorSummary(t, 'nl', row('patrol-rounds'))).toBe('Telt niet per thema of project.');
  });
});

describe('the indicator table as CSV', () => {
  it('is Excel-NL: BOM, `;`, CRLF, plain numbers with a decimal comma, empty where there is no value', () => {
    const csv = indicatorCsv(t, answer, rows);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Cijfer;Groep;Eenheid;Waarde;0-meting;Doel;Op koers;2025 K4;2026 K1',
      'Deelnemers;Activiteiten en deelname;aantal;20;15;16,5;ja;12;20',
      'Deelnemers per activiteit (gemiddeld);Activiteiten en deelname;getal;12,66;;;;;12,66',
      'Dagen tot opgelost (mediaan);Schouw;dagen;;20;18;;;',
      'Opgelost binnen 14 dagen;Schouw;procent;80;82,5;87,5;nee;90;80',
      'Rondes gelopen;Buurtpreventie;aantal;;;;;;',
      '',
    ]);
  });

  it('is named after its period and buurt', () => {
    expect(indicatorCsvName(answer, 'Oranjebuurt (Noord)')).toBe('monitoring-2026-01-01-2026-03-31-oranjebuurt-noord.csv');
    expect(indicatorCsvName(answer, null)).toBe('monitoring-2026-01-01-2026-03-31.csv');
  });
});

describe('the report route', () => {
  it('carries the filters in its query, through the app router and the feature router', () => {
    const route = parseRoute('#/monitoring/rapport?period=quarter&from=2026-02-03&buurtId=oranjebuurt');
    expect(route).toEqual({ name: 'monitoring', path: '/monitoring/rapport', query: 'period=quarter&from=2026-02-03&buurtId=oranjebuurt' });
    expect(hrefOf(route)).toBe('#/monitoring/rapport?period=quarter&from=2026-02-03&buurtId=oranjebuurt');
    expect(parseMonitoringRoute('/monitoring/rapport', 'period=year&from=2026-02-03')).toEqual({ name: 'report', query: 'period=year&from=2026-02-03' });
    expect(monitoringHref({ name: 'report', query: 'period=year&from=2026-02-03' })).toBe('#/monitoring/rapport?period=year&from=2026-02-03');
    expect(parseRoute('#/monitoring')).toEqual({ name: 'monitoring', path: '/monitoring' });
  });
});
