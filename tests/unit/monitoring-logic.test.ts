/** The dashboard's pure helpers and the settings records' readers. */
import { describe, expect, it } from 'vitest';
import { indicatorTargetIdFor, indicatorTargetsOf, residentCountIdFor, residentCountsOf } from '../../src/domain/monitoring-settings.ts';
import { createT } from '../../src/app/i18n/translate.ts';
import { core } from '../../src/app/i18n/core.ts';
import { CHART, formatValue, queryKey, queryOf, quarterLabel, trendBars } from '../../src/app/monitoring/logic.ts';
import { monitoringPack } from '../../src/app/monitoring/pack.ts';

const t = createT('nl', core, monitoringPack);
const T = '001763802340000.00000.device-a-0000-0001';
const record = (id: string, type: string, values: Record<string, unknown>) => ({
  id,
  type,
  fields: Object.fromEntries(Object.entries(values).map(([name, v]) => [name, { v, t: T }])),
  counters: {},
});

describe('the dashboard helpers', () => {
  it('ask only the filters that are set, in one order (the cache key)', () => {
    const base = { period: 'quarter', from: '2026-05-05', to: '2026-05-05', buurtId: '', themeId: '', projectId: '' } as const;
    expect(queryOf(base)).toEqual({ period: 'quarter', from: '2026-05-05' });
    expect(queryKey(queryOf({ ...base, period: 'custom', to: '2026-06-01', buurtId: 'oranjebuurt' }))).toBe(
      'period=custom&from=2026-05-05&to=2026-06-01&buurtId=oranjebuurt',
    );
  });

  it('write values the Dutch way, in their unit', () => {
    expect(formatValue(t, 'nl', 'count', 1800)).toBe('1.800');
    expect(formatValue(t, 'nl', 'number', 12.66)).toBe('12,7');
    expect(formatValue(t, 'nl', 'percent', 50)).toBe('50,0 %');
    expect(formatValue(t, 'nl', 'days', 20)).toBe('20 dagen');
    expect(formatValue(t, 'nl', 'count', null)).toBe('–');
    expect(quarterLabel(t, '2026-Q3')).toBe('2026 K3');
  });

  it('draw a bar per quarter with a value, the tallest of values and target filling the height', () => {
    const { bars, line } = trendBars([2, null, 4], [null, 8]);
    expect(bars.map((bar) => bar.isLast)).toEqual([false, true]);
    expect(line(8)).toBeCloseTo(2);
    expect(bars[1]?.height).toBeCloseTo((CHART.height - 2) / 2);
    expect(bars.every((bar) => bar.y + bar.height === CHART.height)).toBe(true);
  });
});

describe('the settings records', () => {
  it('read resident counts and targets, leaving out deleted and incomplete ones', () => {
    const records = [
      record(residentCountIdFor('oranjebuurt', 2026), 'residentCount', { buurtId: 'oranjebuurt', year: 2026, count: 1800 }),
      record(residentCountIdFor('kinderdijk', 2026), 'residentCount', { buurtId: 'kinderdijk', year: 2026, count: 650, deleted: true }),
      record('r2026-x', 'residentCount', { buurtId: 'x', year: 2026 }),
      record(indicatorTargetIdFor('participants'), 'indicatorTarget', { indicator: 'participants', baseline: 60 }),
    ];
    expect(residentCountsOf(records)).toEqual([{ buurtId: 'oranjebuurt', year: 2026, count: 1800 }]);
    expect([...indicatorTargetsOf(records).values()]).toEqual([
      { indicator: 'participants', baseline: 60, baselineFrom: null, baselineTo: null, targetFactor: null, targetPoints: null },
    ]);
    expect(residentCountIdFor('oranjebuurt', 2026)).toBe('r2026-oranjebuurt');
  });
});
