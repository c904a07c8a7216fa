/** Meldingen contributed on the server (domain: indicators-meldingen.ts): findings and observations with a melding number. */
import { sql } from 'kysely';
import { MELDINGEN_INDICATORS } from '../../domain/indicators-meldingen.ts';
import type { DayRange } from '../../domain/indicators.ts';
import {
  breakdownOf,
  factOf,
  groupBy,
  groupKey,
  inScope,
  num,
  put,
  rows,
  type IndicatorComputer,
  type MonitoringContext,
  type Span,
  type Values,
} from './query.ts';

const SOURCES = ['finding', 'safetyObservation', 'publicSpaceObservation'];

function where(ctx: MonitoringContext, range: DayRange) {
  return sql`${factOf('m', ctx, SOURCES, range)} and m.flag = 1 and ${inScope('m', ctx)}`;
}

async function values(ctx: MonitoringContext, span: Span): Promise<Values> {
  const out: Values = new Map();
  const counts = await rows(
    ctx,
    sql<{
      q: string;
      n: unknown;
    }>`select ${groupKey('m', span)} as q, count(*) as n from indicator_facts m where ${where(ctx, span.range)} ${groupBy('m', span)}`,
  );
  for (const row of counts) put(out, row.q, { meldingen: num(row.n) });
  return out;
}

async function breakdowns(ctx: MonitoringContext, range: DayRange) {
  const bySource = await rows(
    ctx,
    sql<{ k: string; v: unknown }>`select m.source as k, count(*) as v from indicator_facts m where ${where(ctx, range)} group by m.source`,
  );
  return { meldingen: { source: breakdownOf(bySource) } };
}

export const meldingenComputer: IndicatorComputer = { indicators: MELDINGEN_INDICATORS, values, breakdowns };
