/**
 * The monitoring dashboard's query (src/server/monitoring/compute.ts) for
 * one tenant with 100,000 activities (each with its attendance), 100,000
 * schouw findings and their follow-up history, on a fresh SQLite file and a
 * fresh PostgreSQL schema: the quarter view (median and p95 over several
 * runs) against one `COUNT(*)` over the same rows in the same run.
 *
 * The rows are written straight into the facts tables (db/facts.ts) in bulk,
 * as `saveFacts` would write them for such records, and the rollup is filled
 * from them as migration 0012 fills it for a database that holds facts
 * (db/rollups.ts; timed apart): the dashboard reads only those tables, and
 * seeding 450,000 records through the push API would take minutes without
 * changing what is measured.
 * Used by `npm run bench` (tests/bench/run.ts); runs on its own too:
 * `node tests/bench/monitoring.ts [sqlite|postgres]`.
 */
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { ACTIVITY_TYPES } from '../../src/domain/activity.ts';
import { ASPECT_TAG, DEFAULT_TARGET_RANK, ELEMENT_TAG, levelRank } from '../../src/domain/indicators-schouw.ts';
import { ORGANISATION_TAG, PC4_TAG } from '../../src/domain/indicators-activities.ts';
import { BUURT_TAG, THEME_TAG, amsterdamDay, periodRange, quarterOf, quartersEndingAt, quarterRange } from '../../src/domain/indicators.ts';
import { FINDING_LEVELS } from '../../src/domain/schouw.ts';
import type { Database } from '../../src/server/db/database.ts';
import { rebuildRollups } from '../../src/server/db/rollups.ts';
import { computeMonitoring } from '../../src/server/monitoring/compute.ts';
import { NOW, TENANT } from '../fixtures/fixed.ts';
import { freshDatabase } from './push.ts';

export const MONITORING_ACTIVITIES = 100_000;
export const MONITORING_FINDINGS = 100_000;
/** The quarters the records are spread over, ending with the quarter of NOW. */
const QUARTERS = 12;
const BUURTEN = 20;
const RUNS = 9;
const DAY_MS = 86_400_000;

export type MonitoringFigures = {
  readonly facts: number;
  readonly tags: number;
  readonly seedMs: number;
  /** Filling the rollup from every fact (migration 0012's backfill). */
  readonly rollupMs: number;
  readonly rollupRows: number;
  readonly quarter: { median: number; p95: number };
  readonly professional: { median: number; p95: number };
  readonly count: { median: number; p95: number };
};

/** A small deterministic generator (mulberry32): the same data on every run and both databases. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type FactRow = {
  tenant_id: string;
  record_id: string;
  source: string;
  parent_id: string | null;
  buurt_id: string | null;
  project_id: string | null;
  day: string | null;
  quarter: string | null;
  category: string | null;
  status: string | null;
  at: number | null;
  amount: number;
  extra: number;
  flag: number;
};
type TagRow = { tenant_id: string; record_id: string; kind: string; value: string; amount: number };

function fact(partial: Partial<FactRow> & Pick<FactRow, 'record_id' | 'source'>): FactRow {
  return {
    tenant_id: TENANT,
    parent_id: null,
    buurt_id: null,
    project_id: null,
    day: null,
    quarter: null,
    category: null,
    status: null,
    at: null,
    amount: 0,
    extra: 0,
    flag: 0,
    ...partial,
  };
}

/** The data set: activities with attendance, schouw rounds, findings with 0–3 status changes. */
function* dataSet(): Generator<{ facts: FactRow[]; tags: TagRow[] }> {
  const rnd = random(0x12b);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const quarters = quartersEndingAt(amsterdamDay(NOW), QUARTERS);
  // Noon UTC of the first and last day: a day string alone parses as its midnight UTC.
  const noon = (day: string) => new Date(day).getTime() + DAY_MS / 2;
  const first = noon(quarterRange(quarters[0] as string).from);
  const last = noon(quarterRange(quarters.at(-1) as string).to);
  const span = (last - first) / DAY_MS;
  const buurten = Array.from({ length: BUURTEN }, (_, i) => `buurt-${String(i).padStart(2, '0')}`);
  const themes = ['veiligheid', 'schoon', 'ontmoeting', 'jeugd', 'groen'];
  const projects = ['project-a', 'project-b', 'project-c', null];
  const statuses = ['held', 'held', 'held', 'held', 'planned', 'cancelled', 'moved'];
  const elements = ['verharding', 'groen', 'meubilair', 'verlichting', 'afval', 'speelvoorziening'];
  const aspects = ['onkruid', 'schade', 'zwerfafval', 'graffiti', 'beplanting'];
  const pc4s = Array.from({ length: 30 }, (_, i) => String(2950 + i));
  const batch = () => ({ facts: [] as FactRow[], tags: [] as TagRow[] });
  let out = batch();
  const flush = function* () {
    if (out.facts.length >= 2_000) {
      yield out;
      out = batch();
    }
  };
  const id = (prefix: string, n: number) => `${prefix}-${String(n).padStart(7, '0')}`;
  const schouws: Array<{ activity: string; schouw: string; buurt: string }> = [];
  for (let n = 0; n < MONITORING_ACTIVITIES; n += 1) {
    const at = first + Math.floor(rnd() * span) * DAY_MS;
    const day = amsterdamDay(at);
    const buurt = pick(buurten);
    const activity = id('act', n);
    out.facts.push(
      fact({
        record_id: activity,
        source: 'activity',
        buurt_id: buurt,
        project_id: pick(projects),
        day,
        quarter: quarterOf(day),
        category: pick(ACTIVITY_TYPES),
        status: pick(statuses),
      }),
    );
    out.tags.push({ tenant_id: TENANT, record_id: activity, kind: BUURT_TAG, value: buurt, amount: 0 });
    for (const theme of new Set([pick(themes), pick(themes)]))
      out.tags.push({ tenant_id: TENANT, record_id: activity, kind: THEME_TAG, value: theme, amount: 0 });
    out.tags.push({ tenant_id: TENANT, record_id: activity, kind: ORGANISATION_TAG, value: `p:partner-${Math.floor(rnd() * 400)}`, amount: 0 });
    const attendance = id('att', n);
    const people = Math.floor(rnd() * 40);
    out.facts.push(fact({ record_id: attendance, source: 'attendance', parent_id: activity, amount: people, extra: Math.floor(people * rnd() * 0.3) }));
    const postcodes = new Set([pick(pc4s), pick(pc4s), pick(pc4s)]);
    for (const pc4 of postcodes)
      out.tags.push({ tenant_id: TENANT, record_id: attendance, kind: PC4_TAG, value: pc4, amount: Math.ceil(people / postcodes.size) });
    if (n % 10 === 0) {
      const schouw = id('sch', n);
      out.facts.push(fact({ record_id: schouw, source: 'schouw', parent_id: activity, amount: pick([DEFAULT_TARGET_RANK, 1, 3]) }));
      schouws.push({ activity, schouw, buurt });
    }
    yield* flush();
  }
  let changes = 0;
  for (let n = 0; n < MONITORING_FINDINGS; n += 1) {
    const round = pick(schouws);
    const at = first + Math.floor(rnd() * span * DAY_MS);
    const day = amsterdamDay(at);
    const level = rnd() < 0.1 ? null : pick(FINDING_LEVELS);
    const steps = Math.floor(rnd() * 4);
    const path = ['reported', 'inProgress', rnd() < 0.85 ? 'resolved' : 'wontFix'].slice(0, steps);
    const finding = id('fnd', n);
    out.facts.push(
      fact({
        record_id: finding,
        source: 'finding',
        parent_id: round.activity,
        buurt_id: round.buurt,
        day,
        quarter: quarterOf(day),
        at,
        category: level,
        status: path.at(-1) ?? 'new',
        amount: level === null ? 0 : 1,
        extra: level === null ? 0 : levelRank(level),
        flag: rnd() < 0.3 ? 1 : 0,
      }),
    );
    out.tags.push(
      { tenant_id: TENANT, record_id: finding, kind: BUURT_TAG, value: round.buurt, amount: 0 },
      { tenant_id: TENANT, record_id: finding, kind: ELEMENT_TAG, value: pick(elements), amount: 0 },
      { tenant_id: TENANT, record_id: finding, kind: ASPECT_TAG, value: pick(aspects), amount: 0 },
    );
    let when = at;
    for (const to of path) {
      when += Math.floor(rnd() * 20 * DAY_MS);
      out.facts.push(fact({ record_id: id('chg', changes++), source: 'findingStatusChange', parent_id: finding, category: to, at: when }));
    }
    yield* flush();
  }
  if (out.facts.length > 0) yield out;
}

export async function seedFacts(database: Database): Promise<{ facts: number; tags: number }> {
  let facts = 0;
  let tags = 0;
  await database.db.transaction().execute(async (trx) => {
    // 14 columns × 500 rows stays under SQLite's 32,766 parameters.
    const insert = async (table: 'indicator_facts' | 'indicator_fact_tags', list: ReadonlyArray<FactRow | TagRow>) => {
      for (let start = 0; start < list.length; start += 500)
        await trx
          .insertInto(table)
          .values(list.slice(start, start + 500) as never)
          .execute();
    };
    for (const chunk of dataSet()) {
      await insert('indicator_facts', chunk.facts);
      await insert('indicator_fact_tags', chunk.tags);
      facts += chunk.facts.length;
      tags += chunk.tags.length;
    }
  });
  // Fresh statistics for the planners, and on PostgreSQL the visibility map that index-only scans need:
  // what autovacuum gives a database that has lived a while.
  await sql`${sql.raw(database.dialect === 'postgres' ? 'vacuum analyze' : 'analyze')}`.execute(database.db);
  return { facts, tags };
}

function stats(values: readonly number[]): { median: number; p95: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
  return { median: at(0.5), p95: at(0.95) };
}

async function timed(runs: number, run: () => Promise<unknown>): Promise<{ median: number; p95: number }> {
  await run(); // warm-up: caches and prepared plans, as a server that has answered before
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return stats(times);
}

export async function benchMonitoring(dialect: 'sqlite' | 'postgres'): Promise<MonitoringFigures> {
  const fresh = await freshDatabase(dialect);
  try {
    const started = performance.now();
    const { facts, tags } = await seedFacts(fresh.database);
    const seedMs = performance.now() - started;
    const db = fresh.database.db;
    const rollupStarted = performance.now();
    await rebuildRollups(db);
    await sql`${sql.raw(fresh.database.dialect === 'postgres' ? 'vacuum analyze indicator_rollups' : 'analyze')}`.execute(db);
    const rollupMs = performance.now() - rollupStarted;
    const rollupRows = Number((await sql<{ n: unknown }>`select count(*) as n from indicator_rollups`.execute(db)).rows[0]?.n);
    const range = periodRange('quarter', amsterdamDay(NOW));
    const base = {
      db,
      tenantId: TENANT,
      themeId: null,
      projectId: null,
      residents: [{ buurtId: 'buurt-00', year: Number(range.from.slice(0, 4)), count: 2_400 }],
    };
    const quarter = await timed(RUNS, () => computeMonitoring({ ...base, buurtIds: null }, { kind: 'quarter', range }, NOW));
    const professional = await timed(RUNS, () => computeMonitoring({ ...base, buurtIds: ['buurt-00', 'buurt-01'] }, { kind: 'quarter', range }, NOW));
    const count = await timed(RUNS, () => sql`select count(*) as n from indicator_facts where tenant_id = ${TENANT}`.execute(db));
    return { facts, tags, seedMs, rollupMs, rollupRows, quarter, professional, count };
  } finally {
    await fresh.cleanup();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dialects = process.argv[2] ? [process.argv[2] as 'sqlite' | 'postgres'] : (['sqlite', 'postgres'] as const);
  for (const dialect of dialects) {
    const f = await benchMonitoring(dialect);
    console.log(
      `monitoring ${dialect.padEnd(8)} ${f.facts} facts, ${f.tags} tags seeded in ${Math.round(f.seedMs)} ms; ${f.rollupRows} rollup rows filled in ${Math.round(f.rollupMs)} ms; quarter view median ${f.quarter.median.toFixed(1)} ms, p95 ${f.quarter.p95.toFixed(1)} ms; professional (2 buurten) median ${f.professional.median.toFixed(1)} ms; COUNT(*) median ${f.count.median.toFixed(2)} ms; ratio ${(f.quarter.median / f.count.median).toFixed(1)}×`,
    );
  }
}
