/** Pure helpers of the dashboard and its report: the query a filter state asks, the indicators with their targets, numbers as people read them, a trend's bars. */
import {
  PERIOD_KINDS,
  isOnTrack,
  targetFor,
  type IndicatorDefinition,
  type IndicatorUnit,
  type IndicatorValue,
  type MonitoringAnswer,
  type PeriodKind,
  type TargetSetting,
} from '../../domain/indicators.ts';
import { INDICATORS } from '../../domain/indicators-registry.ts';
import { LOCALES, type Lang } from '../i18n/translate.ts';
import type { MonitoringT } from './pack.ts';

export type Filters = {
  readonly period: PeriodKind;
  /** A day in the period; a custom period's first day. */
  readonly from: string;
  /** A custom period's last day. */
  readonly to: string;
  readonly buurtId: string;
  readonly themeId: string;
  readonly projectId: string;
};

/** The API query of a filter state (empty filters left out), in a stable order: also the key of the cached figures. */
export function queryOf(filters: Filters): Record<string, string> {
  const query: Record<string, string> = { period: filters.period, from: filters.from };
  if (filters.period === 'custom') query['to'] = filters.to;
  if (filters.buurtId) query['buurtId'] = filters.buurtId;
  if (filters.themeId) query['themeId'] = filters.themeId;
  if (filters.projectId) query['projectId'] = filters.projectId;
  return query;
}

export function queryKey(query: Readonly<Record<string, string>>): string {
  return new URLSearchParams(query as Record<string, string>).toString();
}

/** A value in its unit, Dutch style: "38", "12,7", "50,0 %", "20 dagen"; "–" for none. */
export function formatValue(t: MonitoringT, lang: Lang, unit: IndicatorUnit, value: number | null): string {
  if (value === null) return '–';
  const decimals = unit === 'count' ? 0 : 1;
  const number = new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: unit === 'percent' ? 1 : 0, maximumFractionDigits: decimals }).format(value);
  if (unit === 'percent') return t('monitoring.percent', { value: number });
  if (unit === 'days') return t('monitoring.days', { value: number });
  return number;
}

/** A number typed with a comma or a point; null when empty, NaN when not a number. */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  return trimmed === '' ? null : Number(trimmed);
}

/** "2026 K1" for '2026-Q1'. */
export function quarterLabel(t: MonitoringT, quarter: string): string {
  return t('monitoring.quarter', { year: quarter.slice(0, 4), q: quarter.slice(6) });
}

export const CHART = { width: 160, height: 48, gap: 4 } as const;

export type Bar = { readonly x: number; readonly y: number; readonly width: number; readonly height: number; readonly isLast: boolean };

/**
 * The bars of a trend, scaled to the largest of the values, baseline and
 * target (so both lines fit); a quarter without a value has no bar. `line`
 * gives the y of a reference value.
 */
export function trendBars(values: ReadonlyArray<number | null>, references: ReadonlyArray<number | null>): { bars: Bar[]; line(value: number): number } {
  const max = Math.max(1, ...values.map((v) => v ?? 0), ...references.map((v) => v ?? 0));
  const slot = CHART.width / Math.max(1, values.length);
  const scale = (value: number) => (CHART.height - 2) * (value / max);
  const bars = values.flatMap((value, index) => {
    if (value === null) return [];
    const height = Math.max(value > 0 ? 1 : 0.5, scale(value));
    return [{ x: index * slot + CHART.gap / 2, y: CHART.height - height, width: slot - CHART.gap, height, isLast: index === values.length - 1 }];
  });
  return { bars, line: (value) => CHART.height - scale(value) };
}

/** The indicators of a group, in the registry's order. */
export function groupOf(indicators: readonly IndicatorDefinition[], group: IndicatorDefinition['group']): IndicatorDefinition[] {
  return indicators.filter((indicator) => indicator.group === group);
}

/** The filter state of a saved query or a report's URL query (unknown or missing parts: the fallback's). */
export function filtersOf(query: Readonly<Record<string, string>>, fallback: Filters): Filters {
  const period = (PERIOD_KINDS as readonly string[]).includes(query['period'] ?? '') ? (query['period'] as PeriodKind) : fallback.period;
  return {
    period,
    from: query['from'] ?? fallback.from,
    to: query['to'] ?? query['from'] ?? fallback.to,
    buurtId: query['buurtId'] ?? '',
    themeId: query['themeId'] ?? '',
    projectId: query['projectId'] ?? '',
  };
}

/** An indicator of an answer with its 0-meting, target and whether it is on track (null: no target or no value). */
export type IndicatorRow = {
  readonly indicator: IndicatorDefinition;
  readonly value: IndicatorValue;
  readonly baseline: number | null;
  readonly target: number | null;
  readonly track: boolean | null;
};

/** The answer's indicators in the registry's order, each with its 0-meting and target. */
export function indicatorRows(answer: MonitoringAnswer, targets: ReadonlyMap<string, TargetSetting>): IndicatorRow[] {
  const byKey = new Map(answer.indicators.map((value) => [value.key, value]));
  return INDICATORS.flatMap((indicator) => {
    const value = byKey.get(indicator.key);
    if (!value) return [];
    const setting = targets.get(indicator.key);
    const target = setting ? targetFor(indicator, setting) : null;
    const track = target === null || !value.applies ? null : isOnTrack(indicator, value.value, target);
    return [{ indicator, value, baseline: setting?.baseline ?? null, target, track }];
  });
}

/** A count's baseline and target may have a decimal (×1,10 of 15 is 16,5): shown as a number, not rounded to a count. */
export function referenceUnit(indicator: IndicatorDefinition): IndicatorUnit {
  return indicator.unit === 'count' ? 'number' : indicator.unit;
}
