/**
 * The coordinator's monitoring settings, as synced records (coordinator
 * writes, professional reads; permissions.ts):
 *
 * - `residentCount`: the residents of a buurt in a year, for "participants
 *   per 100 residents". One record per buurt and year: its id is derived
 *   (`residentCountIdFor`), so two coordinators typing the same count
 *   offline write one record.
 * - `indicatorTarget`: the 0-meting of an indicator and its target rule
 *   (indicators.ts `targetFor`). One per indicator, id `target-<key>`.
 * - `cbsFigures`: CBS "Kerncijfers wijken en buurten" context of a buurt in a
 *   CBS year (cbs-figures.ts).
 */
import * as z from 'zod/mini';
import { ConfigIdSchema, DateSchema } from './fields.ts';
import type { Mergeable } from './merge.ts';

/** `cbsFigures`: CBS context per buurt and year (cbs-figures.ts). */
export const MONITORING_RECORD_TYPES = ['residentCount', 'indicatorTarget', 'cbsFigures'] as const;
export type MonitoringRecordType = (typeof MONITORING_RECORD_TYPES)[number];

const YearSchema = z.int().check(z.gte(2000, 'must be 2000 or later'), z.lte(2100, 'must be 2100 or earlier'));

export const ResidentCountFieldSchemas = {
  buurtId: ConfigIdSchema,
  year: YearSchema,
  count: z.int().check(z.gte(0, 'must be 0 or more'), z.lte(10_000_000, 'must be at most 10,000,000')),
  deleted: z.boolean(),
};
export const RESIDENT_COUNT_REQUIRED = ['buurtId', 'year', 'count'] as const;

/**
 * The id of a buurt's resident count in a year ('r2026-oranjebuurt'; at
 * most 64 characters, so a very long buurt id is cut — two buurt ids that
 * share their first 58 characters would share a count).
 */
export function residentCountIdFor(buurtId: string, year: number): string {
  return `r${year}-${buurtId}`.slice(0, 64);
}

const IndicatorKeyField = z.string().check(z.regex(/^[a-z][a-z0-9-]{0,40}$/, 'must be an indicator key'));

export const IndicatorTargetFieldSchemas = {
  indicator: IndicatorKeyField,
  /** The 0-meting, in the indicator's unit (a percentage as 0–100). */
  baseline: z.number().check(z.gte(0, 'must be 0 or more'), z.lte(100_000_000, 'must be at most 100,000,000')),
  /** When the baseline was computed from a period: that period (null when typed in). */
  baselineFrom: z.nullable(DateSchema),
  baselineTo: z.nullable(DateSchema),
  /** Counts, numbers, days: the target as a multiple of the baseline (null: the default). */
  targetFactor: z.nullable(z.number().check(z.gte(0, 'must be 0 or more'), z.lte(10, 'must be at most 10'))),
  /** Percentages: percentage points from the baseline (null: the default). */
  targetPoints: z.nullable(z.number().check(z.gte(0, 'must be 0 or more'), z.lte(100, 'must be at most 100'))),
  deleted: z.boolean(),
};
export const INDICATOR_TARGET_REQUIRED = ['indicator', 'baseline'] as const;

export function indicatorTargetIdFor(indicator: string): string {
  return `target-${indicator}`;
}

export type ResidentCount = { readonly buurtId: string; readonly year: number; readonly count: number };
export type IndicatorTarget = {
  readonly indicator: string;
  readonly baseline: number;
  readonly baselineFrom: string | null;
  readonly baselineTo: string | null;
  readonly targetFactor: number | null;
  readonly targetPoints: number | null;
};

type SettingsRecord = { readonly id: string; readonly type: string } & Mergeable;

const ResidentCountSchema = z.object({ buurtId: ConfigIdSchema, year: YearSchema, count: ResidentCountFieldSchemas.count });
const IndicatorTargetSchema = z.object({
  indicator: IndicatorKeyField,
  baseline: IndicatorTargetFieldSchemas.baseline,
  baselineFrom: z._default(IndicatorTargetFieldSchemas.baselineFrom, null),
  baselineTo: z._default(IndicatorTargetFieldSchemas.baselineTo, null),
  targetFactor: z._default(IndicatorTargetFieldSchemas.targetFactor, null),
  targetPoints: z._default(IndicatorTargetFieldSchemas.targetPoints, null),
});

function valuesOf(record: SettingsRecord): Record<string, unknown> | null {
  if (record.fields['deleted']?.v === true) return null;
  return Object.fromEntries(Object.entries(record.fields).map(([name, field]) => [name, field.v]));
}

/** The resident counts among the records (not deleted, complete). */
export function residentCountsOf(records: readonly SettingsRecord[]): ResidentCount[] {
  return records.flatMap((record) => {
    const values = record.type === 'residentCount' ? valuesOf(record) : null;
    const parsed = values ? z.safeParse(ResidentCountSchema, values) : null;
    return parsed?.success ? [parsed.data] : [];
  });
}

/** The targets among the records, by indicator key. */
export function indicatorTargetsOf(records: readonly SettingsRecord[]): Map<string, IndicatorTarget> {
  const out = new Map<string, IndicatorTarget>();
  for (const record of records) {
    const values = record.type === 'indicatorTarget' ? valuesOf(record) : null;
    const parsed = values ? z.safeParse(IndicatorTargetSchema, values) : null;
    if (parsed?.success) out.set(parsed.data.indicator, parsed.data);
  }
  return out;
}
