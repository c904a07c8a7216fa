/** Activities and attendance on the server (domain: indicators-activities.ts). */
import { sql } from 'kysely';
import { ACTIVITY_INDICATORS, ORGANISATION_TAG, PC4_TAG } from '../../domain/indicators-activities.ts';
import { medianOf, quarterRange, roundTo, type DayRange } from '../../domain/indicators.ts';
import {
  ALL,
  breakdownOf,
  factOf,
  groupBy,
  groupKey,
  inScope,
  middleValues,
  num,
  put,
  rows,
  themeAndProject,
  type IndicatorComputer,
  type MonitoringContext,
  type Span,
  type Values,
} from './query.ts';

/** Held activities in the period, in scope, filtered by theme and project (alias a). */
function held(ctx: MonitoringContext, range: DayRange) {
  return sql`${factOf('a', ctx, ['activity'], range)} and a.status = 'held' and ${inScope('a', ctx)} and ${themeAndProject('a', ctx)}`;
}

const withAttendance = sql`join indicator_facts n on n.tenant_id = a.tenant_id and n.parent_id = a.record_id and n.source = 'attendance'`;

async function values(ctx: MonitoringContext, span: Span): Promise<Values> {
  const out: Values = new Map();
  const where = held(ctx, span.range);
  const counts = await rows(
    ctx,
    sql<{ q: string; n: unknown }>`select ${groupKey('a', span)} as q, count(*) as n from indicator_facts a where ${where} ${groupBy('a', span)}`,
  );
  const people = await rows(
    ctx,
    sql<{ q: string; b: string | null; total: unknown; first: unknown; counted: unknown }>`
      select ${groupKey('a', span)} as q, a.buurt_id as b, sum(n.amount) as total, sum(n.extra) as first, sum(case when n.amount > 0 then 1 else 0 end) as counted
      from indicator_facts a ${withAttendance} where ${where}
      group by ${span.byQuarter ? sql`a.quarter, ` : sql``}a.buurt_id`,
  );
  const organisations = await rows(
    ctx,
    sql<{ q: string; n: unknown }>`
      select ${groupKey('a', span)} as q, count(distinct t.value) as n
      from indicator_facts a join indicator_fact_tags t on t.tenant_id = a.tenant_id and t.record_id = a.record_id and t.kind = ${ORGANISATION_TAG}
      where ${where} ${groupBy('a', span)}`,
  );
  const reach = await rows(
    ctx,
    sql<{ q: string; n: unknown }>`
      select ${groupKey('a', span)} as q, count(distinct t.value) as n
      from indicator_facts a ${withAttendance}
      join indicator_fact_tags t on t.tenant_id = n.tenant_id and t.record_id = n.record_id and t.kind = ${PC4_TAG} and t.amount > 0
      where ${where} ${groupBy('a', span)}`,
  );
  const groups = span.byQuarter ? new Set([...counts, ...people, ...organisations, ...reach].map((row) => row.q)) : new Set([ALL]);
  const middles = await middleValues(
    ctx,
    sql<{ q: string; v: unknown }>`select ${groupKey('a', span)} as q, n.amount as v from indicator_facts a ${withAttendance} where ${where} and n.amount > 0`,
  );
  for (const group of groups) {
    const own = people.filter((row) => row.q === group);
    const total = own.reduce((sum, row) => sum + num(row.total), 0);
    const counted = own.reduce((sum, row) => sum + num(row.counted), 0);
    const range = group === ALL ? span.range : quarterRange(group);
    const median = medianOf(middles.get(group) ?? []);
    put(out, group, {
      'activities-held': num(counts.find((row) => row.q === group)?.n),
      participants: total,
      'participants-mean': counted === 0 ? null : roundTo(total / counted, 1),
      'participants-median': median,
      'participants-per-100': perHundred(ctx, own, Number(range.from.slice(0, 4))),
      'first-timers': own.reduce((sum, row) => sum + num(row.first), 0),
      organisations: num(organisations.find((row) => row.q === group)?.n),
      'reach-pc4': num(reach.find((row) => row.q === group)?.n),
    });
  }
  return out;
}

/**
 * Participants per 100 residents: the participants of the buurten whose
 * resident count for the year is known, against those counts; null when no
 * buurt counted has one.
 */
function perHundred(ctx: MonitoringContext, perBuurt: ReadonlyArray<{ b: string | null; total: unknown }>, year: number): number | null {
  const counts = new Map(ctx.residents.filter((r) => r.year === year && r.count > 0).map((r) => [r.buurtId, r.count]));
  const known = [...counts.keys()].filter((buurtId) => ctx.buurtIds === null || ctx.buurtIds.includes(buurtId));
  if (known.length === 0) return null;
  const residents = known.reduce((sum, buurtId) => sum + (counts.get(buurtId) as number), 0);
  const participants = perBuurt.filter((row) => row.b !== null && counts.has(row.b)).reduce((sum, row) => sum + num(row.total), 0);
  return roundTo((100 * participants) / residents, 1);
}

async function breakdowns(ctx: MonitoringContext, range: DayRange) {
  const where = held(ctx, range);
  const byType = await rows(
    ctx,
    sql<{ k: string; v: unknown }>`select a.category as k, count(*) as v from indicator_facts a where ${where} group by a.category`,
  );
  const byPc4 = await rows(
    ctx,
    sql<{ k: string; v: unknown }>`
      select t.value as k, sum(t.amount) as v from indicator_facts a ${withAttendance}
      join indicator_fact_tags t on t.tenant_id = n.tenant_id and t.record_id = n.record_id and t.kind = ${PC4_TAG} and t.amount > 0
      where ${where} group by t.value`,
  );
  return { 'activities-held': { type: breakdownOf(byType) }, 'reach-pc4': { pc4: breakdownOf(byPc4) } };
}

export const activityComputer: IndicatorComputer = { indicators: ACTIVITY_INDICATORS, values, breakdowns };
