/**
 * What the schouw screens read: a round's settings and participants, its
 * findings and their follow-up history, as plain views with their sync
 * state. Loaded with the first schouw screen.
 */
import type { Finding, FindingStatusChange } from '../domain/finding.ts';
import { counterValue } from '../domain/merge.ts';
import { findingOf, findingStatusChangeOf, schouwOf, schouwParticipants } from '../domain/records.ts';
import { SchouwSchema, schouwIdFor } from '../domain/schouw.ts';
import type { BuurtlogDatabase, StoredRecord } from './database.ts';
import type { FindingFilter, FindingHistoryEntry, FindingView, SchouwView } from './schouw-store.ts';
import { stateOf, syncStates, type SyncState } from './sync-state.ts';

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
 * The sync state of each of these records, from their own outbox entries only
 * (by the recordId index): a list of findings never reads the whole outbox.
 */
async function syncStatesOf(db: BuurtlogDatabase, records: readonly StoredRecord[]): Promise<(record: StoredRecord) => SyncState> {
  const states = syncStates(
    await db.outbox
      .where('recordId')
      .anyOf(records.map((record) => record.id))
      .toArray(),
  );
  return (record) => states.get(record.id) ?? (record.onServer ? 'sent' : 'local');
}

export async function readFindings(db: BuurtlogDatabase, filter: FindingFilter): Promise<FindingView[]> {
  const matching: Array<{ record: StoredRecord; finding: Finding & { id: string } }> = [];
  for (const record of await db.records.where('type').equals('finding').toArray()) {
    const finding = findingOf(record);
    if (finding && !finding.deleted && matches(finding, filter)) matching.push({ record, finding });
  }
  const stateOfRecord = await syncStatesOf(
    db,
    matching.map(({ record }) => record),
  );
  return matching.map(({ record, finding }) => ({ ...finding, syncState: stateOfRecord(record) })).sort(byPointThenTime);
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
