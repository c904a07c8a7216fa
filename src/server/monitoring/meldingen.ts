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
  rollupOf,
  rollupQuarters,
  rows,
  type IndicatorComputer,
  type MonitoringContext,
  type Span,
  type Values,
} from './query.ts';
import { ROLLUP } from '../db/rollups.ts';

const SOURCES = ['finding', 'safetyObservation', 'publicSpaceObservation'];
/** The findings' meldingen come from the rollup (db/rollups.ts) for whole quarters; the observations' always from the facts. */
const OBSERVATIONS = SOURCES.filter((source) => source !== 'finding');

function where(ctx: MonitoringContext, range: DayRange, sources: readonly string[]) {
  return sql`${factOf('m', ctx, sources, range)} and m.flag = 1 and ${inScope('m', ctx)}`;
}

async function values(ctx: MonitoringContext, span: Span): Promise<Values> {
  const out: Values = new Map();
  const quarters = rollupQuarters(ctx, span.range);
  const fromFacts = (sources: readonly string[]) =>
    rows(
      ctx,
      sql<{
        q: string;
        n: unknown;
      }>`select ${groupKey('m', span)} as q, count(*) as n from indicator_facts m where ${where(ctx, span.range, sources)} ${groupBy('m', span)}`,
    );
  const counts =
    quarters === null
      ? await fromFacts(SOURCES)
      : [
          ...(await rows(
            ctx,
            sql<{ q: string; n: unknown }>`select ${groupKey('r', span)} as q, sum(r.n) as n from indicator_rollups r
              where ${rollupOf(ctx, [ROLLUP.findingMelding], quarters)} ${groupBy('r', span)}`,
          )),
          ...(await fromFacts(OBSERVATIONS)),
        ];
  for (const row of counts) put(out, row.q, { meldingen: (out.get(row.q)?.['meldingen'] ?? 0) + num(row.n) });
  return out;
}

async function breakdowns(ctx: MonitoringContext, range: DayRange) {
  const quarters = rollupQuarters(ctx, range);
  const fromFacts = (sources: readonly string[]) =>
    rows(ctx, sql<{ k: string; v: unknown }>`select m.source as k, count(*) as v from indicator_facts m where ${where(ctx, range, sources)} group by m.source`);
  const bySource =
    quarters === null
      ? await fromFacts(SOURCES)
      : [
          ...(await rows(
            ctx,
            sql<{ k: string; v: unknown }>`select 'finding' as k, sum(r.n) as v from indicator_rollups r
              where ${rollupOf(ctx, [ROLLUP.findingMelding], quarters)} group by r.kind`,
          )),
          ...(await fromFacts(OBSERVATIONS)),
        ];
  return { meldingen: { source: breakdownOf(bySource) } };
}

export const meldingenComputer: IndicatorComputer = { indicators: MELDINGEN_INDICATORS, values, breakdowns };
