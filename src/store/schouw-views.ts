/**
 * What the schouw screens read: a round's settings and participants, its
 * findings and their follow-up history, as plain views with their sync
 * state. Loaded with the first schouw screen.
 */
import { Dexie, type Collection } from 'dexie';
import { FINDING_STATUSES, isOpenStatus, type Finding, type FindingStatus, type FindingStatusChange } from '../domain/finding.ts';
import { counterValue } from '../domain/merge.ts';
import { findingOf, findingStatusChangeOf, schouwOf, schouwParticipants } from '../domain/records.ts';
import { SchouwSchema, schouwIdFor } from '../domain/schouw.ts';
import type { BuurtlogDatabase, StoredRecord } from './database.ts';
import type { FindingFilter, FindingHistoryEntry, FindingView, SchouwView } from './schouw-store.ts';
import { stateOf, syncStatesOf } from './sync-state.ts';

const OPEN_STATUSES = FINDING_STATUSES.filter(isOpenStatus);

export async function readSchouw(db: BuurtlogDatabase, deviceId: string, activityId: string): Promise<SchouwView> {
  const id = schouwIdFor(activityId);
  const [record, entries] = await Promise.all([db.records.get(id), db.outbox.where('recordId').equals(id).toArray()]);
  // Before anyone changed a setting the round has its defaults.
  const settings = (record && schouwOf(record)) ?? SchouwSchema.parse({ activityId });
  const ownCounts: Record<string, number> = {};
  for (const [key, counter] of Object.entries(record?.counters ?? {})) {
    const own = counter[deviceId];
    if (own) ownCounts[key] = counterValue({ [deviceId]: own });
  }
  const { deleted: _deleted, ...rest } = settings;
  return { ...rest, activityId, id, participants: schouwParticipants(record), ownCounts, syncState: stateOf(record, entries) };
}

function matches(finding: Finding, filter: FindingFilter): boolean {
  if ('schouwId' in filter) return finding.schouwId === filter.schouwId;
  if ('buurtId' in filter) return finding.buurtId === filter.buurtId;
  return true;
}

/** Findings in the order they were made (point numbers first when the round numbers them). */
export function byPointThenTime(a: FindingView, b: FindingView): number {
  if (a.pointNo !== null && b.pointNo !== null && a.pointNo !== b.pointNo) return a.pointNo - b.pointNo;
  return a.createdAt - b.createdAt || a.id.localeCompare(b.id);
}

/**
 * A round's or a buurt's findings come by index (database.ts version 4: live
 * findings only), every finding by type.
 */
function findingRecords(db: BuurtlogDatabase, filter: FindingFilter): Promise<StoredRecord[]> {
  if ('schouwId' in filter) return db.records.where('[type+listKeys.round]').equals(['finding', filter.schouwId]).toArray();
  if ('buurtId' in filter) return byBuurtAndStatus(db, filter.buurtId, Dexie.minKey, Dexie.maxKey).toArray();
  return db.records.where('type').equals('finding').toArray();
}

function byBuurtAndStatus(db: BuurtlogDatabase, buurtId: string, from: unknown, to: unknown): Collection<StoredRecord, string> {
  return db.records.where('[type+listKeys.buurt+listKeys.status]').between(['finding', buurtId, from], ['finding', buurtId, to], true, true);
}

/**
 * Findings with their sync state, in byPointThenTime's order. That order is
 * not total when a round mixes numbered and unnumbered points, so the records
 * go in by id, as a read by type gives them: every index gives the same list.
 */
async function findingViews(db: BuurtlogDatabase, records: readonly StoredRecord[], filter: FindingFilter): Promise<FindingView[]> {
  const matching: Array<{ record: StoredRecord; finding: Finding & { id: string } }> = [];
  for (const record of [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const finding = findingOf(record);
    if (finding && !finding.deleted && matches(finding, filter)) matching.push({ record, finding });
  }
  const stateOfRecord = await syncStatesOf(
    db,
    matching.map(({ record }) => record),
  );
  return matching.map(({ record, finding }) => ({ ...finding, syncState: stateOfRecord(record) })).sort(byPointThenTime);
}

export async function readFindings(db: BuurtlogDatabase, filter: FindingFilter): Promise<FindingView[]> {
  return findingViews(db, await findingRecords(db, filter), filter);
}

/** A buurt's open findings, by the buurt-and-status index: the closed ones (most, after a year) are not read. */
export async function readOpenFindings(db: BuurtlogDatabase, buurtId: string): Promise<FindingView[]> {
  const records = await db.records
    .where('[type+listKeys.buurt+listKeys.status]')
    .anyOf(OPEN_STATUSES.map((status) => ['finding', buurtId, status]))
    .toArray();
  return findingViews(db, records, { buurtId });
}

/** How many live findings a buurt has in each status: index counts, no record read. */
export async function countFindings(db: BuurtlogDatabase, buurtId: string): Promise<Record<FindingStatus, number>> {
  const counts = await Promise.all(FINDING_STATUSES.map((status) => byBuurtAndStatus(db, buurtId, status, status).count()));
  return Object.fromEntries(FINDING_STATUSES.map((status, i) => [status, counts[i] ?? 0])) as Record<FindingStatus, number>;
}

export async function readFinding(db: BuurtlogDatabase, id: string): Promise<FindingView | null> {
  const [record, entries] = await Promise.all([db.records.get(id), db.outbox.where('recordId').equals(id).toArray()]);
  if (record?.type !== 'finding') return null;
  const finding = findingOf(record);
  return finding && !finding.deleted ? { ...finding, syncState: stateOf(record, entries) } : null;
}

/** The follow-up of each of these findings, oldest first (every finding asked for has a list, maybe empty); one read for all. */
export async function readFindingHistories(db: BuurtlogDatabase, findingIds: readonly string[]): Promise<Record<string, FindingHistoryEntry[]>> {
  const histories: Record<string, FindingHistoryEntry[]> = Object.fromEntries(findingIds.map((id) => [id, []]));
  const matching: Array<{ record: StoredRecord; change: FindingStatusChange & { id: string } }> = [];
  for (const record of await db.records.where('type').equals('findingStatusChange').toArray()) {
    const change = findingStatusChangeOf(record);
    if (change && Object.hasOwn(histories, change.findingId)) matching.push({ record, change });
  }
  const stateOfRecord = await syncStatesOf(
    db,
    matching.map(({ record }) => record),
  );
  for (const { record, change } of matching) histories[change.findingId]?.push({ ...change, syncState: stateOfRecord(record) });
  for (const list of Object.values(histories)) list.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
  return histories;
}
