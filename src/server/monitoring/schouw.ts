/** Schouw findings and their follow-up on the server (domain: indicators-schouw.ts). */
import { sql } from 'kysely';
import { ASPECT_TAG, DEFAULT_TARGET_RANK, ELEMENT_TAG, OPEN_STATUSES, SCHOUW_INDICATORS } from '../../domain/indicators-schouw.ts';
import { medianOf, percentOf, roundTo, type DayRange } from '../../domain/indicators.ts';
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
import { DAY_MS, RESOLVE_TIME, ROLLUP, WITHIN_14, WITHIN_30 } from '../db/rollups.ts';

/** Findings made in the period, in scope; theme and project by their schouw's activity (alias a). */
function findings(ctx: MonitoringContext, range: DayRange) {
  const filtered = ctx.themeId === null && ctx.projectId === null ? sql`1 = 1` : themeAndProject('a', ctx);
  return sql`${factOf('f', ctx, ['finding'], range)} and ${inScope('f', ctx)} and ${filtered}`;
}

/**
 * The schouw of a finding's activity (its target level) and, only when a theme or project
 * filter needs it, the activity itself (at most one: its primary key).
 */
function joinsOf(ctx: MonitoringContext) {
  const activity =
    ctx.themeId === null && ctx.projectId === null
      ? sql``
      : sql`left join indicator_facts a on a.tenant_id = f.tenant_id and a.record_id = f.parent_id and a.source = 'activity'`;
  return sql`${activity}
  left join indicator_facts s on s.tenant_id = f.tenant_id and s.parent_id = f.parent_id and s.source = 'schouw'`;
}

type Totals = { q: string; n: unknown; rated: unknown; meeting: unknown; open: unknown; resolved: unknown; timed: unknown; w14: unknown; w30: unknown };
type Parts = { totals: Totals[]; middles: Map<string, number[]> };

const open = sql.join(OPEN_STATUSES.map((status) => sql.lit(status)));

/** The parts of the values from the facts: any period, any filter. */
async function partsFromFacts(ctx: MonitoringContext, span: Span): Promise<Parts> {
  // One pass over the findings: the counts and the times to resolve (each finding's duration computed once).
  const totals = await rows(
    ctx,
    sql<Totals>`
      select ${span.byQuarter ? sql`d.q` : sql.lit(ALL)} as q, count(*) as n, sum(d.amount) as rated,
        sum(case when d.amount = 1 and d.extra <= coalesce(d.target, ${sql.lit(DEFAULT_TARGET_RANK)}) then 1 else 0 end) as meeting,
        sum(case when d.status in (${open}) then 1 else 0 end) as open,
        sum(case when d.status = 'resolved' then 1 else 0 end) as resolved,
        count(d.dur) as timed,
        sum(case when d.dur <= ${WITHIN_14} then 1 else 0 end) as w14,
        sum(case when d.dur <= ${WITHIN_30} then 1 else 0 end) as w30
      from (
        select ${groupKey('f', span)} as q, f.amount as amount, f.extra as extra, s.amount as target, f.status as status, ${RESOLVE_TIME} as dur
        from indicator_facts f ${joinsOf(ctx)} where ${findings(ctx, span.range)}
      ) d ${span.byQuarter ? sql`group by d.q` : sql``}`,
  );
  const middles = await middleValues(
    ctx,
    sql<{
      q: string;
      v: unknown;
    }>`select ${groupKey('f', span)} as q, ${RESOLVE_TIME} as v from indicator_facts f ${joinsOf(ctx)} where ${findings(ctx, span.range)}`,
  );
  return { totals, middles };
}

/** The same parts from the rollup (db/rollups.ts): whole quarters, no theme or project filter. */
async function partsFromRollup(ctx: MonitoringContext, span: Span, quarters: readonly string[]): Promise<Parts> {
  const { findingLevel: level, findingStatus: status, findingTimed: timed } = ROLLUP;
  const totals = await rows(
    ctx,
    sql<Totals>`
      select ${groupKey('r', span)} as q,
        sum(case when r.kind = ${level} then r.n else 0 end) as n,
        sum(case when r.kind = ${level} then r.amount else 0 end) as rated,
        sum(case when r.kind = ${level} then r.extra else 0 end) as meeting,
        sum(case when r.kind = ${status} and r.value in (${open}) then r.n else 0 end) as open,
        sum(case when r.kind = ${status} and r.value = 'resolved' then r.n else 0 end) as resolved,
        sum(case when r.kind = ${timed} then r.n else 0 end) as timed,
        sum(case when r.kind = ${timed} then r.amount else 0 end) as w14,
        sum(case when r.kind = ${timed} then r.extra else 0 end) as w30
      from indicator_rollups r where ${rollupOf(ctx, [level, status, timed], quarters)} ${groupBy('r', span)}`,
  );
  const middles = await middleValuesOfCounts(
    ctx,
    sql<{ q: string; v: unknown; c: unknown }>`
      select ${groupKey('r', span)} as q, r.amount as v, r.n as c from indicator_rollups r where ${rollupOf(ctx, [ROLLUP.resolveTime], quarters)}`,
  );
  return { totals, middles };
}

async function values(ctx: MonitoringContext, span: Span): Promise<Values> {
  const out: Values = new Map();
  const quarters = rollupQuarters(ctx, span.range);
  const { totals, middles } = quarters === null ? await partsFromFacts(ctx, span) : await partsFromRollup(ctx, span, quarters);
  for (const row of totals) {
    const group = row.q;
    const median = medianOf(middles.get(group) ?? []);
    const n = num(row.n);
    put(out, group, {
      findings: n,
      'findings-meeting-target': percentOf(num(row.meeting), num(row.rated)),
      'findings-open': num(row.open),
      'findings-resolved': num(row.resolved),
      'resolve-days-median': median === null ? null : roundTo(median / DAY_MS, 1),
      'resolved-within-14': percentOf(num(row.w14), n),
      'resolved-within-30': percentOf(num(row.w30), n),
    });
  }
  return out;
}

async function breakdowns(ctx: MonitoringContext, range: DayRange) {
  const quarters = rollupQuarters(ctx, range);
  if (quarters !== null) {
    const byValue = (kind: string) =>
      rows(
        ctx,
        sql<{ k: string; v: unknown }>`select r.value as k, sum(r.n) as v from indicator_rollups r where ${rollupOf(ctx, [kind], quarters)} group by r.value`,
      );
    return {
      findings: {
        level: breakdownOf(await byValue(ROLLUP.findingLevel)),
        element: breakdownOf(await byValue(ROLLUP.findingElement)),
        aspect: breakdownOf(await byValue(ROLLUP.findingAspect)),
      },
      'findings-open': { status: breakdownOf(await byValue(ROLLUP.findingStatus)) },
    };
  }
  const where = findings(ctx, range);
  const byLevel = await rows(
    ctx,
    sql<{
      k: string;
      v: unknown;
    }>`select coalesce(f.category, 'none') as k, count(*) as v from indicator_facts f ${joinsOf(ctx)} where ${where} group by coalesce(f.category, 'none')`,
  );
  const byTag = (kind: string) =>
    rows(
      ctx,
      sql<{ k: string; v: unknown }>`select t.value as k, count(*) as v from indicator_facts f ${joinsOf(ctx)}
        join indicator_fact_tags t on t.tenant_id = f.tenant_id and t.record_id = f.record_id and t.kind = ${kind} where ${where} group by t.value`,
    );
  const byStatus = await rows(
    ctx,
    sql<{ k: string; v: unknown }>`select f.status as k, count(*) as v from indicator_facts f ${joinsOf(ctx)} where ${where} group by f.status`,
  );
  return {
    findings: { level: breakdownOf(byLevel), element: breakdownOf(await byTag(ELEMENT_TAG)), aspect: breakdownOf(await byTag(ASPECT_TAG)) },
    'findings-open': { status: breakdownOf(byStatus) },
  };
}

export const schouwComputer: IndicatorComputer = { indicators: SCHOUW_INDICATORS, values, breakdowns };
