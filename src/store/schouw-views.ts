/**
 * What the schouw screens read: a round's settings and participants, its
 * findings and their follow-up history, as plain views with their sync
 * state. Loaded with the first schouw screen.
 */
import { Dexie, type Collection } from 'dexie';
import { FINDING_STATUSES, type Finding, type FindingStatus, type FindingStatusChange } from '../domain/finding.ts';
import { counterValue } from '../domain/merge.ts';
import { findingOf, findingStatusChangeOf, schouwOf, schouwParticipants } from '../domain/records.ts';
import { SchouwSchema, schouwIdFor } from '../domain/schouw.ts';
import type { BuurtlogDatabase, StoredRecord } from './database.ts';
import type { FindingFilter, FindingHistoryEntry, FindingView, OpenFindingPage, OpenFindingQuery, SchouwView } from './schouw-store.ts';
import { stateOf, syncStatesOf } from './sync-state.ts';

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
  if ('buurtId' in filter) return inBuurt(db, filter.buurtId).toArray();
  return db.records.where('type').equals('finding').toArray();
}

/** A buurt's live findings, or those in one status. */
function inBuurt(db: BuurtlogDatabase, buurtId: string, status?: string): Collection<StoredRecord, string> {
  const index = '[type+listKeys.buurt+listKeys.status]';
  return status === undefined
    ? db.records.where(index).between(['finding', buurtId, Dexie.minKey], ['finding', buurtId, Dexie.maxKey], true, true)
    : db.records.where(index).equals(['finding', buurtId, status]);
}

/** Indexes of open findings only (list-keys.ts), each oldest first: a buurt's, of one status, of one partner. */
const OPEN = '[type+listKeys.buurt+listKeys.openSince]';
const OPEN_BY_STATUS = '[type+listKeys.buurt+listKeys.status+listKeys.openSince]';
const OPEN_BY_PARTNER = '[type+listKeys.buurt+listKeys.openPartner+listKeys.openSince]';

function startingWith(db: BuurtlogDatabase, index: string, prefix: readonly unknown[]): Collection<StoredRecord, string> {
  return db.records.where(index).between([...prefix], [...prefix, Dexie.maxKey], true, true);
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

/**
 * A page of a buurt's open-findings list: longest waiting first, filtered by
 * status and responsible partner. The page, the number that match and the
 * partners named come from the open-findings indexes (list-keys.ts); only the
 * page's findings are read, never the closed ones.
 */
export async function readOpenFindingPage(db: BuurtlogDatabase, buurtId: string, query: OpenFindingQuery): Promise<OpenFindingPage> {
  const [counts, partners, { records, total }] = await Promise.all([countFindings(db, buurtId), openPartners(db, buurtId), openPage(db, buurtId, query)]);
  const rows = await findingViews(db, records, { buurtId });
  return { rows, total, partners, counts };
}

async function openPage(
  db: BuurtlogDatabase,
  buurtId: string,
  { status, partner, limit }: OpenFindingQuery,
): Promise<{ records: StoredRecord[]; total: number }> {
  const partnerKey = partner.kind === 'any' ? null : partner.kind === 'none' ? '' : partner.partnerId;
  if (partnerKey !== null && status !== null) {
    // Both filters: one partner's open findings in the buurt (a few), their status checked here.
    const matching = (await startingWith(db, OPEN_BY_PARTNER, ['finding', buurtId, partnerKey]).toArray()).filter((r) => r.listKeys?.status === status);
    return { records: matching.slice(0, limit), total: matching.length };
  }
  const range = () =>
    partnerKey !== null
      ? startingWith(db, OPEN_BY_PARTNER, ['finding', buurtId, partnerKey])
      : status !== null
        ? startingWith(db, OPEN_BY_STATUS, ['finding', buurtId, status])
        : startingWith(db, OPEN, ['finding', buurtId]);
  const [ids, total] = await Promise.all([range().limit(limit).primaryKeys(), range().count()]);
  const records = await db.records.bulkGet(ids);
  return { records: records.filter((record) => record !== undefined), total };
}

/** The partners a buurt's open findings name, by id: one step through the partner index per partner, skipping its findings. */
async function openPartners(db: BuurtlogDatabase, buurtId: string): Promise<string[]> {
  const partners: string[] = [];
  let from: unknown[] = ['finding', buurtId];
  for (;;) {
    const [key] = await db.records.where(OPEN_BY_PARTNER).between(from, ['finding', buurtId, Dexie.maxKey], false, true).limit(1).keys();
    if (!Array.isArray(key) || typeof key[2] !== 'string') return partners;
    if (key[2] !== '') partners.push(key[2]);
    from = ['finding', buurtId, key[2], Dexie.maxKey];
  }
}

/** How many live findings a buurt has in each status: index counts, no record read. */
export async function countFindings(db: BuurtlogDatabase, buurtId: string): Promise<Record<FindingStatus, number>> {
  const counts = await Promise.all(FINDING_STATUSES.map((status) => inBuurt(db, buurtId, status).count()));
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
