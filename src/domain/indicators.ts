/**
 * Monitoring for the regiegroep (issue 12; DOMAIN.md "Indicators"): the
 * programme's indicators, their periods, baselines (0-meting) and targets.
 *
 * The indicator set is a registry (indicators-registry.ts): each record type
 * contributes its indicators and the facts they are computed from in its own
 * module (indicators-activities.ts, -schouw.ts, -patrol.ts, -meldingen.ts),
 * so a new record type adds its indicators without touching the others.
 *
 * Periods are calendar periods in Europe/Amsterdam: an activity on 31 March
 * 23:30 local time counts in Q1, whichever side of a DST change it is on.
 * Every time stored in Unix ms is turned into its Amsterdam day once
 * (`amsterdamDay`), and periods compare days (YYYY-MM-DD), never instants.
 */
import * as z from 'zod/mini';
import { ConfigIdSchema, DateSchema } from './fields.ts';

export const TIME_ZONE = 'Europe/Amsterdam';

// ---------------------------------------------------------------- periods

export const PERIOD_KINDS = ['month', 'quarter', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** A closed range of Amsterdam days, `from` ≤ `to`, both YYYY-MM-DD. */
export type DayRange = { readonly from: string; readonly to: string };

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The calendar day in Amsterdam of an instant (Unix ms).
 *
 * @example
 * amsterdamDay(Date.UTC(2026, 2, 31, 21, 30)) // '2026-03-31' (23:30 CEST)
 * amsterdamDay(Date.UTC(2026, 2, 31, 22, 30)) // '2026-04-01' (00:30 CEST)
 */
export function amsterdamDay(ms: number): string {
  const parts = dayFormat.formatToParts(new Date(ms));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** A quarter's key: '2026-Q1'. */
export type QuarterKey = string;

/** The quarter a day falls in. */
export function quarterOf(day: string): QuarterKey {
  const month = Number(day.slice(5, 7));
  return `${day.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** The first and last day of a quarter. */
export function quarterRange(quarter: QuarterKey): DayRange {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  const firstMonth = (q - 1) * 3 + 1;
  return { from: isoDay(year, firstMonth, 1), to: isoDay(year, firstMonth + 2, daysInMonth(year, firstMonth + 2)) };
}

/** `count` quarters ending with the quarter of `day`, oldest first. */
export function quartersEndingAt(day: string, count: number): QuarterKey[] {
  const year = Number(day.slice(0, 4));
  const q = Math.floor((Number(day.slice(5, 7)) - 1) / 3);
  const out: QuarterKey[] = [];
  for (let i = count - 1; i >= 0; i -= 1) {
    const index = year * 4 + q - i;
    out.push(`${Math.floor(index / 4)}-Q${(index % 4) + 1}`);
  }
  return out;
}

/**
 * The period of a kind that holds `day` (month, quarter, year); `custom`
 * takes `from` and `to` as given.
 *
 * @example
 * periodRange('quarter', '2026-03-31') // { from: '2026-01-01', to: '2026-03-31' }
 */
export function periodRange(kind: Exclude<PeriodKind, 'custom'>, day: string): DayRange {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  switch (kind) {
    case 'month':
      return { from: isoDay(year, month, 1), to: isoDay(year, month, daysInMonth(year, month)) };
    case 'quarter':
      return quarterRange(quarterOf(day));
    case 'year':
      return { from: isoDay(year, 1, 1), to: isoDay(year, 12, 31) };
  }
}

/** Whether an Amsterdam day lies in a range (both ends included). */
export function inRange(day: string, range: DayRange): boolean {
  return day >= range.from && day <= range.to;
}

function isoDay(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// ---------------------------------------------------------------- indicators

export const INDICATOR_GROUPS = ['activities', 'schouw', 'patrol', 'meldingen'] as const;
export type IndicatorGroup = (typeof INDICATOR_GROUPS)[number];

/**
 * What a value is: a count (a relative target, ×1.10 by default), a
 * percentage (a target in percentage points), a number such as a mean (a
 * relative target), or days (a relative target, fewer is better).
 */
export const INDICATOR_UNITS = ['count', 'percent', 'number', 'days'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];

export type IndicatorDefinition = {
  /** Stable key, also part of the target record's id: lowercase and dashes. */
  readonly key: string;
  readonly group: IndicatorGroup;
  readonly unit: IndicatorUnit;
  /** Which way is progress. */
  readonly better: 'higher' | 'lower';
  /** Whether the theme and project filters apply (records without themes, such as patrol rounds, have none). */
  readonly byThemeAndProject: boolean;
  /** The breakdowns the answer carries (by type, by level …), each a list of key and value. */
  readonly breakdowns: readonly string[];
};

/** An indicator key: lowercase words and dashes. */
export const IndicatorKeySchema = z.string().check(z.regex(/^[a-z][a-z0-9-]{0,40}$/, 'must be an indicator key'));

// ---------------------------------------------------------------- targets

/** Counts and numbers: +10 % a year, as the programmes promise. */
export const DEFAULT_TARGET_FACTOR = 1.1;
/** Percentages: +5 percentage points (a +10 % target on 82.5 % would be meaningless). */
export const DEFAULT_TARGET_POINTS = 5;

export type TargetSetting = {
  readonly baseline: number;
  /** Counts, numbers and days: the target as a multiple of the baseline; null: the default (×1.10, or ×0.90 where fewer is better). */
  readonly targetFactor: number | null;
  /** Percentages: the target as percentage points above (or below, where lower is better) the baseline; null: the default. */
  readonly targetPoints: number | null;
};

/**
 * The target of an indicator from its 0-meting: relative for counts,
 * numbers and days, in percentage points for percentages (never past 0 or
 * 100 %).
 *
 * @example
 * targetFor({ unit: 'count', better: 'higher' }, { baseline: 200, targetFactor: null, targetPoints: null }) // 220
 * targetFor({ unit: 'percent', better: 'higher' }, { baseline: 82.5, targetFactor: null, targetPoints: null }) // 87.5
 */
export function targetFor(indicator: Pick<IndicatorDefinition, 'unit' | 'better'>, setting: TargetSetting): number {
  if (indicator.unit === 'percent') {
    const points = setting.targetPoints ?? DEFAULT_TARGET_POINTS;
    const target = indicator.better === 'higher' ? setting.baseline + points : setting.baseline - points;
    return roundTo(Math.min(100, Math.max(0, target)), 2);
  }
  const factor = setting.targetFactor ?? (indicator.better === 'higher' ? DEFAULT_TARGET_FACTOR : 2 - DEFAULT_TARGET_FACTOR);
  return roundTo(setting.baseline * factor, 2);
}

/** Whether a value reaches its target (null when there is no value). */
export function isOnTrack(indicator: Pick<IndicatorDefinition, 'better'>, value: number | null, target: number): boolean | null {
  if (value === null) return null;
  return indicator.better === 'higher' ? value >= target : value <= target;
}

export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** A share as a percentage with one decimal, or null when there is nothing to share. */
export function percentOf(part: number, whole: number): number | null {
  return whole === 0 ? null : roundTo((100 * part) / whole, 1);
}

/** The median of sorted middle values (one or two), as the database answers them. */
export function medianOf(middle: readonly number[]): number | null {
  if (middle.length === 0) return null;
  return middle.length === 1 ? (middle[0] as number) : ((middle[0] as number) + (middle[1] as number)) / 2;
}

// ---------------------------------------------------------------- facts

/**
 * A fact: the few values of one record that indicators count, kept by the
 * server in its own indexed table beside the record (server/db/facts.ts) so
 * aggregates are plain SQL over columns on SQLite and PostgreSQL alike.
 * Each record type's module says what its columns mean.
 */
export type Fact = {
  readonly parentId: string | null;
  /** The record's buurt (a round's: none, its area is in `tags`). */
  readonly buurtId: string | null;
  readonly projectId: string | null;
  /** The Amsterdam day the record counts on (its date, or the day of its time). */
  readonly day: string | null;
  readonly category: string | null;
  readonly status: string | null;
  /** A time in Unix ms. */
  readonly at: number | null;
  readonly amount: number;
  readonly extra: number;
  readonly flag: boolean;
  /** Multi-valued properties: buurten (filtering), themes, organisations, PC4 counts, element, aspect. */
  readonly tags: ReadonlyArray<{ readonly kind: string; readonly value: string; readonly amount: number }>;
};

export const EMPTY_FACT: Fact = {
  parentId: null,
  buurtId: null,
  projectId: null,
  day: null,
  category: null,
  status: null,
  at: null,
  amount: 0,
  extra: 0,
  flag: false,
  tags: [],
};

/** The tag of a record's buurt, on every fact that has one: the scope and the buurt filter read these. */
export const BUURT_TAG = 'buurt';
export const THEME_TAG = 'theme';

// ---------------------------------------------------------------- API

export const MonitoringQuerySchema = z.object({
  period: z._default(z.enum(PERIOD_KINDS), 'quarter'),
  /** The period's first day; with `month`, `quarter` or `year` any day in it. Default: today in Amsterdam. */
  from: z.optional(DateSchema),
  /** The last day of a custom period. */
  to: z.optional(DateSchema),
  buurtId: z.optional(ConfigIdSchema),
  themeId: z.optional(ConfigIdSchema),
  projectId: z.optional(z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a project id'))),
});
export type MonitoringQuery = z.infer<typeof MonitoringQuerySchema>;

export const BreakdownSchema = z.array(z.object({ key: z.string(), value: z.number() }));

export const IndicatorValueSchema = z.object({
  key: IndicatorKeySchema,
  /** False when the filters do not apply to it (a theme filter on patrol rounds): no value. */
  applies: z.boolean(),
  value: z.nullable(z.number()),
  breakdowns: z.record(z.string(), BreakdownSchema),
  /** One value per quarter of `quarters`. */
  trend: z.array(z.nullable(z.number())),
});
export type IndicatorValue = z.infer<typeof IndicatorValueSchema>;

/** `GET /api/v1/monitoring`: aggregates only, never a record. */
export const MonitoringAnswerSchema = z.object({
  period: z.object({ kind: z.enum(PERIOD_KINDS), from: DateSchema, to: DateSchema }),
  filters: z.object({ buurtId: z.nullable(z.string()), themeId: z.nullable(z.string()), projectId: z.nullable(z.string()) }),
  /** The buurten counted: null for all of the tenant. */
  buurtIds: z.nullable(z.array(z.string())),
  /** When the server computed it (Unix ms): the device shows the figures' age from it. */
  computedAt: z.int(),
  /** The quarters of the trend, oldest first ('2026-Q1'). */
  quarters: z.array(z.string()),
  indicators: z.array(IndicatorValueSchema),
});
export type MonitoringAnswer = z.infer<typeof MonitoringAnswerSchema>;

/** How many quarters the trend shows, ending with the period's last quarter. */
export const TREND_QUARTERS = 8;

/**
 * The period a query asks for, as a range of days (`today`: the Amsterdam
 * day now, for a query without `from`). A custom period needs both ends and
 * at most ten years; null with the reason otherwise.
 */
export function resolvePeriod(query: Pick<MonitoringQuery, 'period' | 'from' | 'to'>, today: string): DayRange | { readonly problem: string } {
  if (query.period !== 'custom') return periodRange(query.period, query.from ?? today);
  if (query.from === undefined || query.to === undefined) return { problem: 'A custom period needs both from and to (YYYY-MM-DD).' };
  if (query.from > query.to) return { problem: 'from must not be after to.' };
  if (Number(query.to.slice(0, 4)) - Number(query.from.slice(0, 4)) > 10) return { problem: 'A custom period spans at most ten years.' };
  return { from: query.from, to: query.to };
}
