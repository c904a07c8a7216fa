/** Buurtpreventie rounds and observations on the server (domain: indicators-patrol.ts). */
import { sql } from 'kysely';
import { MIN_WALKERS, PATROL_INDICATORS } from '../../domain/indicators-patrol.ts';
import { percentOf, roundTo, type DayRange } from '../../domain/indicators.ts';
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

const OBSERVATIONS = ['safetyObservation', 'publicSpaceObservation'];

async function values(ctx: MonitoringContext, span: Span): Promise<Values> {
  const out: Values = new Map();
  const rounds = await rows(
    ctx,
    sql<{ q: string; n: unknown; ms: unknown; pairs: unknown }>`
      select ${groupKey('r', span)} as q, count(*) as n, sum(r.amount) as ms, sum(case when r.extra >= ${sql.lit(MIN_WALKERS)} then 1 else 0 end) as pairs
      from indicator_facts r where ${factOf('r', ctx, ['patrolRound'], span.range)} and ${inScope('r', ctx)} ${groupBy('r', span)}`,
  );
  const observations = await rows(
    ctx,
    sql<{ q: string; n: unknown; ps: unknown; melding: unknown }>`
      select ${groupKey('o', span)} as q, count(*) as n, sum(case when o.status = 'publicSpace' then 1 else 0 end) as ps,
        sum(case when o.status = 'publicSpace' and o.flag = 1 then 1 else 0 end) as melding
      from indicator_facts o where ${factOf('o', ctx, OBSERVATIONS, span.range)} and ${inScope('o', ctx)} ${groupBy('o', span)}`,
  );
  for (const row of rounds) {
    put(out, row.q, {
      'patrol-rounds': num(row.n),
      'patrol-hours': roundTo(num(row.ms) / 3_600_000, 1),
      'patrol-two-walkers': percentOf(num(row.pairs), num(row.n)),
    });
  }
  for (const row of observations) put(out, row.q, { observations: num(row.n), 'public-space-with-melding': percentOf(num(row.melding), num(row.ps)) });
  return out;
}

async function breakdowns(ctx: MonitoringContext, range: DayRange) {
  const where = sql`${factOf('o', ctx, OBSERVATIONS, range)} and ${inScope('o', ctx)}`;
  const byKind = await rows(ctx, sql<{ k: string; v: unknown }>`select o.status as k, count(*) as v from indicator_facts o where ${where} group by o.status`);
  const byType = await rows(
    ctx,
    sql<{ k: string; v: unknown }>`select o.category as k, count(*) as v from indicator_facts o where ${where} group by o.category`,
  );
  return { observations: { kind: breakdownOf(byKind), observationType: breakdownOf(byType) } };
}

export const patrolComputer: IndicatorComputer = { indicators: PATROL_INDICATORS, values, breakdowns };
