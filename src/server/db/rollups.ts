/**
 * The monitoring rollup (schema.ts `indicator_rollups`, migration 0012):
 * what the activity and schouw indicators count, summed per tenant, quarter
 * and buurt, so the dashboard's eight-quarter trend reads a few thousand
 * rows instead of joining every activity to its attendance and tags and
 * every finding to its status changes (issue 12's bench goal).
 *
 * A row is (quarter, buurt, kind, value) with a count `n` and sums `amount`
 * and `extra`; each kind says what they hold (ROLLUP). Distinct counts
 * (organisations, PC4 areas) cannot be summed across quarters or buurten,
 * so their kinds keep one row per distinct value: a count of distinct
 * values over any set of quarters and buurten is then exact. Medians keep
 * one row per distinct value with how often it occurs (a histogram), so
 * the middle values are exact too. The buurt is the fact's `buurt_id`: for
 * activities and findings their one buurt tag, which is what the facts'
 * scope filter reads (monitoring/query.ts `inScope`); records with several
 * buurten (patrol rounds) are not in the rollup.
 *
 * The rollup is never patched by deltas: the rows of a (quarter, buurt) are
 * recomputed from the facts by `refreshRollups`, with the same joins the
 * queries on the facts use (monitoring/*.ts), whenever a fact that counts
 * in it is written or deleted (db/facts.ts) — so it always equals what the
 * facts give. Only the unfiltered views read it (no theme or project
 * filter: themes are many per activity) and only for whole quarters
 * (monitoring/query.ts `rollupQuarters`); everything else reads the facts.
 */
import { sql, type QueryExecutorProvider, type RawBuilder } from 'kysely';
import { ORGANISATION_TAG, PC4_TAG } from '../../domain/indicators-activities.ts';
import { ASPECT_TAG, DEFAULT_TARGET_RANK, ELEMENT_TAG } from '../../domain/indicators-schouw.ts';

export const DAY_MS = 86_400_000;
/** The shares of findings resolved within 14 and within 30 days (monitoring/schouw.ts), in ms. */
export const WITHIN_14 = sql.lit(14 * DAY_MS);
export const WITHIN_30 = sql.lit(30 * DAY_MS);

/** A database or transaction (migration 0012's schema-less Kysely too): only raw SQL runs here. */
type Db = QueryExecutorProvider;

/** The kinds of rollup rows and what `value`, `n`, `amount` and `extra` hold in each. */
export const ROLLUP = {
  /** Held activities: value their type, n how many. */
  held: 'held',
  /** Attendance of held activities: n counted (anyone turned up), amount people, extra first-timers. */
  attendance: 'attendance',
  /** Participants per held activity, a histogram: amount the people of an activity (value the same as text), n how many such. */
  people: 'people',
  /** Organisations of held activities: value the organisation key, n how many activities. */
  organisation: 'org',
  /** PC4 areas reached by held activities: value the PC4, n how many tallies, amount the people. */
  pc4: 'pc4',
  /** Findings by status: value the status, n how many. */
  findingStatus: 'finding-status',
  /** Findings by level: value the level ('none': not rated), n how many, amount the rated ones, extra those meeting their schouw's target. */
  findingLevel: 'finding-level',
  /** Findings by element and by aspect: value the tag, n how many. */
  findingElement: 'finding-element',
  findingAspect: 'finding-aspect',
  /** Findings with a melding number: n how many (monitoring/meldingen.ts). */
  findingMelding: 'finding-melding',
  /** Resolved findings with a time to resolve: n how many, amount those within 14 days, extra within 30. */
  findingTimed: 'finding-timed',
  /** Times to resolve of resolved findings, a histogram: amount the time (ms; value the same as text), n how many. */
  resolveTime: 'resolve-time',
} as const;

/** The facts a rollup row counts: activities (with attendance and tags) or findings (with schouw and status changes). */
type Side = 'activity' | 'finding';

const KINDS: Record<Side, readonly string[]> = {
  activity: [ROLLUP.held, ROLLUP.attendance, ROLLUP.people, ROLLUP.organisation, ROLLUP.pc4],
  finding: [
    ROLLUP.findingStatus,
    ROLLUP.findingLevel,
    ROLLUP.findingElement,
    ROLLUP.findingAspect,
    ROLLUP.findingMelding,
    ROLLUP.findingTimed,
    ROLLUP.resolveTime,
  ],
};

/** A side's quarter and buurt of the rollup ('' for a fact without buurt). */
export type RollupGroup = { readonly side: Side; readonly quarter: string; readonly buurt: string };

const buurtOf = (alias: string) => sql`coalesce(${sql.ref(`${alias}.buurt_id`)}, '')`;

/**
 * The insert-selects that fill the rollup from the facts (monitoring/activities.ts
 * and schouw.ts read the facts with the same joins); `where(alias)` picks the facts.
 */
function fills(where: (alias: string) => RawBuilder<unknown>): Record<Side, RawBuilder<unknown>[]> {
  const into = sql`insert into indicator_rollups (tenant_id, quarter, buurt_id, kind, value, n, amount, extra)`;
  const held = sql`a.source = 'activity' and a.status = 'held' and a.quarter is not null and ${where('a')}`;
  const attendance = sql`join indicator_facts n on n.tenant_id = a.tenant_id and n.parent_id = a.record_id and n.source = 'attendance'`;
  const activityGroup = sql`a.tenant_id, a.quarter, ${buurtOf('a')}`;
  const tag = (owner: string, kind: string) =>
    sql`join indicator_fact_tags t on t.tenant_id = ${sql.ref(`${owner}.tenant_id`)} and t.record_id = ${sql.ref(`${owner}.record_id`)} and t.kind = ${kind}`;
  // The finding's schouw (its target level), as monitoring/schouw.ts joins it.
  const findings = sql`from indicator_facts f
    left join indicator_facts s on s.tenant_id = f.tenant_id and s.parent_id = f.parent_id and s.source = 'schouw'`;
  const finding = sql`f.source = 'finding' and f.quarter is not null and ${where('f')}`;
  const findingGroup = sql`f.tenant_id, f.quarter, ${buurtOf('f')}`;
  const resolveTimes = sql`select f.tenant_id as tenant_id, f.quarter as quarter, ${buurtOf('f')} as buurt_id, ${RESOLVE_TIME} as dur
    ${findings} where ${finding}`;
  const findingTag = (kind: string, rollupKind: string) =>
    sql`${into} select ${findingGroup}, ${rollupKind}, t.value, count(*), 0, 0
      ${findings} ${tag('f', kind)} where ${finding} group by ${findingGroup}, t.value`;
  return {
    activity: [
      sql`${into} select ${activityGroup}, ${ROLLUP.held}, coalesce(a.category, ''), count(*), 0, 0
      from indicator_facts a where ${held} group by ${activityGroup}, coalesce(a.category, '')`,
      sql`${into} select ${activityGroup}, ${ROLLUP.attendance}, '', sum(case when n.amount > 0 then 1 else 0 end), sum(n.amount), sum(n.extra)
      from indicator_facts a ${attendance} where ${held} group by ${activityGroup}`,
      sql`${into} select ${activityGroup}, ${ROLLUP.people}, cast(n.amount as text), count(*), n.amount, 0
      from indicator_facts a ${attendance} where ${held} and n.amount > 0 group by ${activityGroup}, n.amount`,
      sql`${into} select ${activityGroup}, ${ROLLUP.organisation}, t.value, count(*), 0, 0
      from indicator_facts a ${tag('a', ORGANISATION_TAG)} where ${held} group by ${activityGroup}, t.value`,
      sql`${into} select ${activityGroup}, ${ROLLUP.pc4}, t.value, count(*), sum(t.amount), 0
      from indicator_facts a ${attendance} ${tag('n', PC4_TAG)} and t.amount > 0 where ${held} group by ${activityGroup}, t.value`,
    ],
    finding: [
      sql`${into} select ${findingGroup}, ${ROLLUP.findingStatus}, coalesce(f.status, ''), count(*), 0, 0
      ${findings} where ${finding} group by ${findingGroup}, coalesce(f.status, '')`,
      sql`${into} select ${findingGroup}, ${ROLLUP.findingLevel}, coalesce(f.category, 'none'), count(*), sum(f.amount),
        sum(case when f.amount = 1 and f.extra <= coalesce(s.amount, ${sql.lit(DEFAULT_TARGET_RANK)}) then 1 else 0 end)
      ${findings} where ${finding} group by ${findingGroup}, coalesce(f.category, 'none')`,
      findingTag(ELEMENT_TAG, ROLLUP.findingElement),
      // As monitoring/meldingen.ts counts them: the finding alone, no schouw.
      sql`${into} select ${findingGroup}, ${ROLLUP.findingMelding}, '', count(*), 0, 0
        from indicator_facts f where ${finding} and f.flag = 1 group by ${findingGroup}`,
      findingTag(ASPECT_TAG, ROLLUP.findingAspect),
      sql`${into} select d.tenant_id, d.quarter, d.buurt_id, ${ROLLUP.findingTimed}, '', count(*),
          sum(case when d.dur <= ${WITHIN_14} then 1 else 0 end), sum(case when d.dur <= ${WITHIN_30} then 1 else 0 end)
        from (${resolveTimes}) d where d.dur is not null group by d.tenant_id, d.quarter, d.buurt_id`,
      sql`${into} select d.tenant_id, d.quarter, d.buurt_id, ${ROLLUP.resolveTime}, cast(d.dur as text), count(*), d.dur, 0
        from (${resolveTimes}) d where d.dur is not null group by d.tenant_id, d.quarter, d.buurt_id, d.dur`,
    ],
  };
}

/** A resolved finding's time to resolve (ms): from when it was made to its last step to resolved; null otherwise (monitoring/schouw.ts). */
export const RESOLVE_TIME = sql`case when f.status = 'resolved' then (
  select max(c.at) from indicator_facts c where c.tenant_id = f.tenant_id and c.parent_id = f.record_id and c.source = 'findingStatusChange' and c.category = 'resolved'
) - f.at end`;

/**
 * Recomputes the rollup rows of these groups of a tenant from the facts: per side and quarter, the rows of
 * the buurten given (an index on the facts' tenant, source, quarter and buurt finds their facts).
 */
export async function refreshRollups(db: Db, tenantId: string, groups: readonly RollupGroup[]): Promise<void> {
  const buurten = new Map<string, Set<string>>();
  for (const group of groups) {
    const key = `${group.side} ${group.quarter}`;
    buurten.set(key, (buurten.get(key) ?? new Set()).add(group.buurt));
  }
  for (const [key, set] of buurten) {
    const [side, quarter] = key.split(' ') as [Side, string];
    const list = sql.join([...set].map((buurt) => sql`${buurt}`));
    // A fact without buurt counts under ''; the plain column keeps the index usable otherwise.
    const inBuurten = (alias: string) => (set.has('') ? sql`${buurtOf(alias)} in (${list})` : sql`${sql.ref(`${alias}.buurt_id`)} in (${list})`);
    await sql`delete from indicator_rollups where tenant_id = ${tenantId} and kind in (${sql.join([...KINDS[side]])}) and quarter = ${quarter} and ${inBuurten('indicator_rollups')}`.execute(
      db,
    );
    const where = (alias: string) =>
      sql`${sql.ref(`${alias}.tenant_id`)} = ${tenantId} and ${sql.ref(`${alias}.quarter`)} = ${quarter} and ${inBuurten(alias)}`;
    for (const fill of fills(where)[side]) await fill.execute(db);
  }
}

/** Fills the rollup of every tenant from the facts (migration 0012, for the databases that hold facts already). */
export async function rebuildRollups(db: Db): Promise<void> {
  await sql`delete from indicator_rollups`.execute(db);
  const all = fills(() => sql`1 = 1`);
  for (const fill of [...all.activity, ...all.finding]) await fill.execute(db);
}

/** Which of `rollupGroupsOf`'s ways a record type's facts reach the rollup by; other types never do. */
const REACH: Readonly<Record<string, 'own' | 'parent' | 'schouw'>> = {
  activity: 'own',
  finding: 'own',
  attendance: 'parent',
  findingStatusChange: 'parent',
  schouw: 'schouw',
};

/**
 * The quarters and buurten whose rollup rows a change of these records' facts
 * can alter: an activity's or finding's own; an attendance's activity's; a
 * status change's finding's; a schouw's findings' (its target level). Asked
 * before and after the facts change, so a move between quarters or buurten
 * refreshes both. A record given without its type is looked up every way
 * (a purge knows only ids).
 */
export async function rollupGroupsOf(db: Db, tenantId: string, records: ReadonlyArray<{ id: string; type?: string }>): Promise<RollupGroup[]> {
  const ways = { own: [] as string[], parent: [] as string[], schouw: [] as string[] };
  for (const record of records) {
    const way = record.type === undefined ? undefined : REACH[record.type];
    if (way !== undefined) ways[way].push(record.id);
    else if (record.type === undefined) for (const list of Object.values(ways)) list.push(record.id);
  }
  const queries = {
    own: (ids: RawBuilder<unknown>) => sql<{ side: Side; q: string; b: string }>`
      select r.source as side, r.quarter as q, ${buurtOf('r')} as b from indicator_facts r
      where r.tenant_id = ${tenantId} and r.record_id in (${ids}) and r.source in ('activity', 'finding') and r.quarter is not null`,
    parent: (ids: RawBuilder<unknown>) => sql<{ side: Side; q: string; b: string }>`
      select distinct p.source as side, p.quarter as q, ${buurtOf('p')} as b from indicator_facts c
        join indicator_facts p on p.tenant_id = c.tenant_id and p.record_id = c.parent_id and p.source in ('activity', 'finding')
      where c.tenant_id = ${tenantId} and c.record_id in (${ids}) and c.source in ('attendance', 'findingStatusChange') and p.quarter is not null`,
    schouw: (ids: RawBuilder<unknown>) => sql<{ side: Side; q: string; b: string }>`
      select distinct f.source as side, f.quarter as q, ${buurtOf('f')} as b from indicator_facts s
        join indicator_facts f on f.tenant_id = s.tenant_id and f.parent_id = s.parent_id and f.source = 'finding'
      where s.tenant_id = ${tenantId} and s.record_id in (${ids}) and s.source = 'schouw' and f.quarter is not null`,
  };
  const out: RollupGroup[] = [];
  for (const way of ['own', 'parent', 'schouw'] as const) {
    const list = ways[way];
    for (let start = 0; start < list.length; start += 500) {
      const { rows } = await queries[way](sql.join(list.slice(start, start + 500).map((id) => sql`${id}`))).execute(db);
      out.push(...rows.map((row) => ({ side: row.side, quarter: row.q, buurt: row.b })));
    }
  }
  return out;
}
