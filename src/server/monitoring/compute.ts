/**
 * The monitoring answer (`GET /api/v1/monitoring`): every indicator of the
 * registry over the period and per quarter of the trend, computed in the
 * database by each record type's module, limited to the buurten counted.
 * Only aggregates: no record, no id, no name leaves here.
 */
import { TREND_QUARTERS, quartersEndingAt, quarterRange, type DayRange, type MonitoringAnswer, type PeriodKind } from '../../domain/indicators.ts';
import { activityComputer } from './activities.ts';
import { meldingenComputer } from './meldingen.ts';
import { patrolComputer } from './patrol.ts';
import { ALL, type IndicatorComputer, type MonitoringContext } from './query.ts';
import { schouwComputer } from './schouw.ts';

/** One computer per record type's module, in the registry's order (indicators-registry.ts). */
const COMPUTERS: readonly IndicatorComputer[] = [activityComputer, schouwComputer, patrolComputer, meldingenComputer];

export async function computeMonitoring(ctx: MonitoringContext, period: { kind: PeriodKind; range: DayRange }, now: number): Promise<MonitoringAnswer> {
  const quarters = quartersEndingAt(period.range.to, TREND_QUARTERS);
  const trendRange: DayRange = { from: quarterRange(quarters[0] as string).from, to: quarterRange(quarters.at(-1) as string).to };
  const lastRange = quarterRange(quarters.at(-1) as string);
  const filtered = ctx.themeId !== null || ctx.projectId !== null;
  const indicators: MonitoringAnswer['indicators'] = [];
  for (const computer of COMPUTERS) {
    const applies = computer.indicators.map((indicator) => !filtered || indicator.byThemeAndProject);
    if (!applies.some(Boolean)) {
      for (const indicator of computer.indicators) indicators.push({ key: indicator.key, applies: false, value: null, breakdowns: {}, trend: [] });
      continue;
    }
    const trend = await computer.values(ctx, { range: trendRange, byQuarter: true });
    // A quarter view is the trend's last quarter: the same rows, so the same values, unless that quarter
    // lacks some of the computer's keys (an empty part: the period's own query says what empty means).
    const last = trend.get(quarters.at(-1) as string);
    const sameRows = period.range.from === lastRange.from && period.range.to === lastRange.to;
    const current =
      sameRows && last !== undefined && computer.indicators.every((indicator) => indicator.key in last)
        ? last
        : ((await computer.values(ctx, { range: period.range, byQuarter: false })).get(ALL) ?? {});
    const breakdowns = await computer.breakdowns(ctx, period.range);
    computer.indicators.forEach((indicator, index) => {
      if (!applies[index]) {
        indicators.push({ key: indicator.key, applies: false, value: null, breakdowns: {}, trend: [] });
        return;
      }
      const zero = indicator.unit === 'count' ? 0 : null;
      indicators.push({
        key: indicator.key,
        applies: true,
        value: current[indicator.key] ?? zero,
        breakdowns: breakdowns[indicator.key] ?? {},
        trend: quarters.map((quarter) => trend.get(quarter)?.[indicator.key] ?? zero),
      });
    });
  }
  return {
    period: { kind: period.kind, from: period.range.from, to: period.range.to },
    filters: { buurtId: null, themeId: ctx.themeId, projectId: ctx.projectId },
    buurtIds: ctx.buurtIds === null ? null : [...ctx.buurtIds],
    computedAt: now,
    quarters,
    indicators,
  };
}
