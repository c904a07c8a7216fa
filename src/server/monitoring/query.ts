/**
 * Shared pieces of the monitoring queries (monitoring/*.ts): the filters
 * every aggregate applies, written once as SQL fragments that read the same
 * on SQLite and PostgreSQL (only COUNT, SUM, MIN/MAX, CASE, EXISTS, LIMIT
 * and OFFSET — no dialect's JSON or date functions: days are stored as
 * Amsterdam days, indicators.ts).
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { BUURT_TAG, THEME_TAG, quarterOf, quarterRange, quartersEndingAt, type DayRange, type IndicatorDefinition } from '../../domain/indicators.ts';
import type { ResidentCount } from '../../domain/monitoring-settings.ts';
import type { Schema } from '../db/schema.ts';

export type MonitoringContext = {
  readonly db: Kysely<Schema>;
  readonly tenantId: string;
  /** The buurten counted (the person's, narrowed by the filter); null: all of the tenant. */
  readonly buurtIds: readonly string[] | null;
  readonly themeId: string | null;
  readonly projectId: string | null;
  readonly residents: readonly ResidentCount[];
};

/** One aggregate run: over the period (one group, 'all'), or over the trend's quarters (a group per quarter). */
export type Span = { readonly range: DayRange; readonly byQuarter: boolean };

/** Per group ('all' or a quarter), per indicator key, a value. */
export type Values = Map<string, Record<string, number | null>>;
export type Breakdowns = Record<string, Record<string, Array<{ key: string; value: number }>>>;

/** What a record type's indicators compute on the server (one module per record type, like the domain's registry). */
export type IndicatorComputer = {
  readonly indicators: readonly IndicatorDefinition[];
  values(ctx: MonitoringContext, span: Span): Promise<Values>;
  breakdowns(ctx: MonitoringContext, range: DayRange): Promise<Breakdowns>;
};

export const ALL = 'all';

/** A column of a table alias. */
export function col(alias: string, column: string): RawBuilder<unknown> {
  return sql.ref(`${alias}.${column}`);
}

/** The group key: the fact's quarter, or 'all'. */
export function groupKey(alias: string, span: Span): RawBuilder<unknown> {
  return span.byQuarter ? col(alias, 'quarter') : sql.lit(ALL);
}

export function groupBy(alias: string, span: Span): RawBuilder<unknown> {
  return span.byQuarter ? sql`group by ${col(alias, 'quarter')}` : sql``;
}

/** The tenant, the source(s) and the period of a fact. */
export function factOf(alias: string, ctx: MonitoringContext, sources: readonly string[], range: DayRange): RawBuilder<unknown> {
  return sql`${col(alias, 'tenant_id')} = ${ctx.tenantId} and ${col(alias, 'source')} in (${sql.join([...sources])}) and ${col(alias, 'day')} >= ${range.from} and ${col(alias, 'day')} <= ${range.to}`;
}

/** Only facts about the buurten counted (by their buurt tags: a round has several). */
export function inScope(alias: string, ctx: MonitoringContext): RawBuilder<unknown> {
  if (ctx.buurtIds === null) return sql`1 = 1`;
  if (ctx.buurtIds.length === 0) return sql`1 = 0`;
  return sql`exists (select 1 from indicator_fact_tags bt where bt.tenant_id = ${col(alias, 'tenant_id')} and bt.record_id = ${col(alias, 'record_id')} and bt.kind = ${BUURT_TAG} and bt.value in (${sql.join([...ctx.buurtIds])}))`;
}

/** The theme and project filters, on an activity's fact. */
export function themeAndProject(alias: string, ctx: MonitoringContext): RawBuilder<unknown> {
  const theme =
    ctx.themeId === null
      ? sql`1 = 1`
      : sql`exists (select 1 from indicator_fact_tags tt where tt.tenant_id = ${col(alias, 'tenant_id')} and tt.record_id = ${col(alias, 'record_id')} and tt.kind = ${THEME_TAG} and tt.value = ${ctx.themeId})`;
  const project = ctx.projectId === null ? sql`1 = 1` : sql`${col(alias, 'project_id')} = ${ctx.projectId}`;
  return sql`${theme} and ${project}`;
}

/** A number from the database: PostgreSQL answers SUM over bigint as numeric (a string), SQLite as a number. */
export function num(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}

export async function rows<R>(ctx: MonitoringContext, query: RawBuilder<R>): Promise<R[]> {
  return (await query.execute(ctx.db)).rows;
}

/**
 * The one or two middle values of each group's ordered values, for a median,
 * in one pass: `values` yields a group `q` and a value `v` per row (null
 * values do not count); the database numbers each group's values in order
 * (a window function, standard SQL on both databases) and only the middle
 * ones come back — the ((n + 1) / 2)th and ((n + 2) / 2)th of n, one value
 * when n is odd.
 */
export async function middleValues(ctx: MonitoringContext, values: RawBuilder<{ q: string; v: unknown }>): Promise<Map<string, number[]>> {
  return middlesByGroup(
    await rows(
      ctx,
      sql<{ q: string; v: unknown }>`
      select w.q as q, w.v as v from (
        select m.q as q, m.v as v, row_number() over (partition by m.q order by m.v) as i, count(*) over (partition by m.q) as n
        from (${values}) m where m.v is not null
      ) w where w.i = (w.n + 1) / 2 or w.i = (w.n + 2) / 2
      order by w.q, w.i`,
    ),
  );
}

/**
 * The same middle values from a histogram: `counts` yields a group `q`, a value `v` and how often it
 * occurs `c` (rows of the rollup, db/rollups.ts; a value may come in several rows, one per buurt). The
 * database orders the rows; the middle positions are found here in one pass over them (a window
 * function, or summing nearly unique values first, costs the databases more than reading them). A run
 * of rows that holds both middle positions gives its value once or twice: the median is the same.
 */
export async function middleValuesOfCounts(ctx: MonitoringContext, counts: RawBuilder<{ q: string; v: unknown; c: unknown }>): Promise<Map<string, number[]>> {
  const list = await rows(ctx, sql<{ q: string; v: unknown; c: unknown }>`select h.q as q, h.v as v, h.c as c from (${counts}) h order by h.q, h.v`);
  const middle: Array<{ q: string; v: unknown }> = [];
  for (let start = 0; start < list.length; ) {
    const group = (list[start] as { q: string }).q;
    let end = start;
    let n = 0;
    for (; end < list.length && (list[end] as { q: string }).q === group; end += 1) n += num((list[end] as { c: unknown }).c);
    const positions = [Math.floor((n + 1) / 2), Math.floor((n + 2) / 2)];
    let upto = 0;
    for (const row of list.slice(start, end)) {
      const c = num(row.c);
      if (positions.some((position) => upto < position && position <= upto + c)) middle.push(row);
      upto += c;
    }
    start = end;
  }
  return middlesByGroup(middle);
}

function middlesByGroup(middle: ReadonlyArray<{ q: string; v: unknown }>): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const row of middle) out.set(row.q, [...(out.get(row.q) ?? []), num(row.v)]);
  return out;
}

/**
 * The quarters of a range when the rollup (db/rollups.ts) can answer it: no theme or project filter
 * and whole quarters (a quarter, a year, the trend); null otherwise — the facts answer then.
 */
export function rollupQuarters(ctx: MonitoringContext, range: DayRange): string[] | null {
  if (ctx.themeId !== null || ctx.projectId !== null) return null;
  const first = quarterOf(range.from);
  const last = quarterOf(range.to);
  if (quarterRange(first).from !== range.from || quarterRange(last).to !== range.to || first > last) return null;
  const index = (quarter: string) => Number(quarter.slice(0, 4)) * 4 + Number(quarter.slice(6));
  return quartersEndingAt(range.to, index(last) - index(first) + 1);
}

/** Rollup rows (alias r) of these kinds, a tenant, these quarters and the buurten counted. */
export function rollupOf(ctx: MonitoringContext, kinds: readonly string[], quarters: readonly string[]): RawBuilder<unknown> {
  const scope = ctx.buurtIds === null ? sql`1 = 1` : ctx.buurtIds.length === 0 ? sql`1 = 0` : sql`r.buurt_id in (${sql.join([...ctx.buurtIds])})`;
  return sql`r.tenant_id = ${ctx.tenantId} and r.kind in (${sql.join([...kinds])}) and r.quarter in (${sql.join([...quarters])}) and ${scope}`;
}

/** Sets `values[group][key]`. */
export function put(values: Values, group: string, entries: Record<string, number | null>): void {
  values.set(group, { ...(values.get(group) ?? {}), ...entries });
}

/** The groups of a span: 'all', or the quarters that had rows. */
export function breakdownOf(list: ReadonlyArray<{ k: unknown; v: unknown }>): Array<{ key: string; value: number }> {
  return list.map((row) => ({ key: String(row.k), value: num(row.v) })).sort((a, b) => b.value - a.value || a.key.localeCompare(b.key));
}
