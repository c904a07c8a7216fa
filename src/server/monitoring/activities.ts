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
  middleValuesOfCounts,
  num,
  put,
  rollupOf,
  rollupQuarters,
  rows,
  themeAndProject,
  type IndicatorComputer,
  type MonitoringContext,
  type Span,
  type Values,
} from './query.ts';
import { ROLLUP } from '../db/rollups.ts';

/** Held activities in the period, in scope, filtered by theme and project (alias a). */
function held(ctx: MonitoringContext, range: DayRange) {
  return sql`${factOf('a', ctx, ['activity'], range)} and a.status = 'held' and ${inScope('a', ctx)} and ${themeAndProject('a', ctx)}`;
}

const withAttendance = sql`join indicator_facts n on n.tenant_id = a.tenant_id and n.parent_id = a.record_id and n.source = 'attendance'`;

type People = { q: string; b: string | null; total: unknown; first: unknown; counted: unknown };
type Counted = { q: string; n: unknown };
type Parts = { counts: Counted[]; people: People[]; organisations: Counted[]; reach: Counted[]; middles: Map<string, number[]> };

/** The parts of the values from the facts: any period, any filter. */
async function partsFromFacts(ctx: MonitoringContext, span: Span): Promise<Parts> {
  const where = held(ctx, span.range);
  const counts = await rows(ctx, sql<Counted>`select ${groupKey('a', span)} as q, count(*) as n from indicator_facts a where ${where} ${groupBy('a', span)}`);
  const people = await rows(
    ctx,
    sql<People>`
      select ${groupKey('a', span)} as q, a.buurt_id as b, sum(n.amount) as total, sum(n.extra) as first, sum(case when n.amount > 0 then 1 else 0 end) as counted
      from indicator_facts a ${withAttendance} where ${where}
      group by ${span.byQuarter ? sql`a.quarter, ` : sql``}a.buurt_id`,
  );
  const organisations = await rows(
    ctx,
    sql<Counted>`
      select ${groupKey('a', span)} as q, count(distinct t.value) as n
      from indicator_facts a join indicator_fact_tags t on t.tenant_id = a.tenant_id and t.record_id = a.record_id and t.kind = ${ORGANISATION_TAG}
      where ${where} ${groupBy('a', span)}`,
  );
  const reach = await rows(
    ctx,
    sql<Counted>`
      select ${groupKey('a', span)} as q, count(distinct t.value) as n
      from indicator_facts a ${withAttendance}
      join indicator_fact_tags t on t.tenant_id = n.tenant_id and t.record_id = n.record_id and t.kind = ${PC4_TAG} and t.amount > 0
      where ${where} ${groupBy('a', span)}`,
  );
  const middles = await middleValues(
    ctx,
    sql<{ q: string; v: unknown }>`select ${groupKey('a', span)} as q, n.amount as v from indicator_facts a ${withAttendance} where ${where} and n.amount > 0`,
  );
  return { counts, people, organisations, reach, middles };
}

/** The same parts from the rollup (db/rollups.ts): whole quarters, no theme or project filter. */
async function partsFromRollup(ctx: MonitoringContext, span: Span, quarters: readonly string[]): Promise<Parts> {
  const of = (kind: string) => rollupOf(ctx, [kind], quarters);
  const counts = await rows(
    ctx,
    sql<Counted>`select ${groupKey('r', span)} as q, sum(r.n) as n from indicator_rollups r where ${of(ROLLUP.held)} ${groupBy('r', span)}`,
  );
  const people = await rows(
    ctx,
    sql<People>`
      select ${groupKey('r', span)} as q, r.buurt_id as b, sum(r.amount) as total, sum(r.extra) as first, sum(r.n) as counted
      from indicator_rollups r where ${of(ROLLUP.attendance)}
      group by ${span.byQuarter ? sql`r.quarter, ` : sql``}r.buurt_id`,
  );
  // The distinct values of each group first, then their number: PostgreSQL hashes the first step (count(distinct) sorts).
  const distinct = (kind: string) =>
    rows(
      ctx,
      sql<Counted>`select d.q as q, count(*) as n from (select distinct ${groupKey('r', span)} as q, r.value as v from indicator_rollups r where ${of(kind)}) d group by d.q`,
    );
  const middles = await middleValuesOfCounts(
    ctx,
    sql<{ q: string; v: unknown; c: unknown }>`
      select ${groupKey('r', span)} as q, r.amount as v, sum(r.n) as c from indicator_rollups r where ${of(ROLLUP.people)}
      group by ${span.byQuarter ? sql`r.quarter, ` : sql``}r.amount`,
  );
  return { counts, people, organisations: await distinct(ROLLUP.organisation), reach: await distinct(ROLLUP.pc4), middles };
}

async function values(ctx: MonitoringContext, span: Span): Promise<Values> {
  const out: Values = new Map();
  const quarters = rollupQuarters(ctx, span.range);
  const { counts, people, organisations, reach, middles } = quarters === null ? await partsFromFacts(ctx, span) : await partsFromRollup(ctx, span, quarters);
  const groups = span.byQuarter ? new Set([...counts, ...people, ...organisations, ...reach].map((row) => row.q)) : new Set([ALL]);
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
  const quarters = rollupQuarters(ctx, range);
  if (quarters !== null) {
    const byKind = (kind: string, sum: string) =>
      rows(
        ctx,
        sql<{
          k: string;
          v: unknown;
        }>`select r.value as k, sum(${sql.ref(`r.${sum}`)}) as v from indicator_rollups r where ${rollupOf(ctx, [kind], quarters)} group by r.value`,
      );
    return { 'activities-held': { type: breakdownOf(await byKind(ROLLUP.held, 'n')) }, 'reach-pc4': { pc4: breakdownOf(await byKind(ROLLUP.pc4, 'amount')) } };
  }
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
