/**
 * The dashboard's store code (monitoring-store.ts): the coordinator's
 * settings written like every other local change (record and outbox entry
 * in one transaction, checked with the domain's field schemas), and the last
 * figures in idb-keyval beside the device settings — a wipe clears them with
 * the rest.
 */
import { get, set } from 'idb-keyval';
import * as z from 'zod/mini';
import type { Issue } from '../domain/errors.ts';
import { toIssues } from '../domain/issues.ts';
import type { MonitoringAnswer } from '../domain/indicators.ts';
import { stableStringify } from '../domain/merge.ts';
import {
  MONITORING_RECORD_TYPES,
  indicatorTargetIdFor,
  indicatorTargetsOf,
  residentCountIdFor,
  residentCountsOf,
  type MonitoringRecordType,
} from '../domain/monitoring-settings.ts';
import { RECORD_DEFINITIONS } from '../domain/records.ts';
import { cbsFiguresIdFor, cbsFiguresOf } from '../domain/cbs-figures.ts';
import { LOCATED_ADDRESS_TYPES, locatedPostcodeOf, pc4Centres, type Pc4Centre } from '../domain/pc4-places.ts';
import type { StoreCore } from './core.ts';
import { InvalidInputError } from './invalid-input.ts';
import { writeLocal } from './local-write.ts';
import type { CachedFigures, CbsFiguresInput, MonitoringSettings, TargetInput } from './monitoring-store.ts';

/** How many queries' figures a device keeps. */
const KEPT = 12;

export async function readSettings(core: StoreCore): Promise<MonitoringSettings> {
  const records = await core.db.records.where('type').anyOf(MONITORING_RECORD_TYPES).toArray();
  return { residents: residentCountsOf(records), targets: indicatorTargetsOf(records), cbs: cbsFiguresOf(records) };
}

/** Where each PC4 lies, from the located records with an address on this device (pc4-places.ts). */
export async function pc4Places(core: StoreCore): Promise<Map<string, Pc4Centre>> {
  const records = await core.db.records.where('type').anyOf(LOCATED_ADDRESS_TYPES).toArray();
  return pc4Centres(records.flatMap((record) => locatedPostcodeOf(record) ?? []));
}

/** One buurt's CBS figures of a CBS year (an import writes one per buurt found in the file). */
export function saveCbsFigures(core: StoreCore, input: CbsFiguresInput): Promise<void> {
  return saveSetting(core, 'cbsFigures', cbsFiguresIdFor(input.buurtId, input.year), { ...input, deleted: false });
}

export function saveResidentCount(core: StoreCore, buurtId: string, year: number, count: number): Promise<void> {
  return saveSetting(core, 'residentCount', residentCountIdFor(buurtId, year), { buurtId, year, count, deleted: false });
}

export function saveTarget(core: StoreCore, indicator: string, input: TargetInput): Promise<void> {
  return saveSetting(core, 'indicatorTarget', indicatorTargetIdFor(indicator), { indicator, ...input, deleted: false });
}

async function saveSetting(core: StoreCore, type: MonitoringRecordType, id: string, values: Readonly<Record<string, unknown>>): Promise<void> {
  const schemas = RECORD_DEFINITIONS[type].fields;
  const fields: Record<string, unknown> = {};
  const issues: Issue[] = [];
  for (const [name, value] of Object.entries(values)) {
    const parsed = z.safeParse(schemas[name] as z.ZodMiniType, value);
    if (parsed.success) fields[name] = parsed.data;
    else issues.push(...toIssues(parsed.error, name));
  }
  if (issues.length > 0) throw new InvalidInputError(issues);
  await writeLocal(core, { id, type }, (current) => {
    // Only changed fields get a new HLC: an untouched one must not overwrite another coordinator's edit.
    const changed = Object.entries(fields).filter(([name, value]) => stableStringify(current?.fields[name]?.v) !== stableStringify(value));
    return { fields: Object.fromEntries(changed) };
  });
}

type Kept = { last: Record<string, string> | null; entries: Record<string, CachedFigures & { usedAt: number }> };

const keyOf = (core: StoreCore) => `buurtlog:monitoring:${core.tenantId}`;

async function kept(core: StoreCore): Promise<Kept> {
  return ((await get(keyOf(core))) as Kept | undefined) ?? { last: null, entries: {} };
}

export async function cachedFigures(core: StoreCore, key: string): Promise<CachedFigures | null> {
  const entry = (await kept(core)).entries[key];
  return entry ? { answer: entry.answer, savedAt: entry.savedAt } : null;
}

export async function cacheFigures(core: StoreCore, key: string, answer: MonitoringAnswer): Promise<void> {
  const current = await kept(core);
  const now = core.now();
  const entries = Object.entries({ ...current.entries, [key]: { answer, savedAt: now, usedAt: now } })
    .sort(([, a], [, b]) => b.usedAt - a.usedAt)
    .slice(0, KEPT);
  await set(keyOf(core), { last: Object.fromEntries(new URLSearchParams(key)), entries: Object.fromEntries(entries) } satisfies Kept);
}

export async function lastQuery(core: StoreCore): Promise<Record<string, string> | null> {
  return (await kept(core)).last;
}
