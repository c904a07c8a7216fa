/**
 * What the schouw screens read: a round's settings and participants, its
 * findings and their follow-up history, as plain views with their sync
 * state. Loaded with the first schouw screen.
 */
import type { Finding, FindingStatusChange } from '../domain/finding.ts';
import { counterValue } from '../domain/merge.ts';
import { findingOf, findingStatusChangeOf, schouwOf, schouwParticipants, type SchouwParticipants } from '../domain/records.ts';
import { SchouwSchema, schouwIdFor, type Schouw } from '../domain/schouw.ts';
import type { BuurtlogDatabase, PhotoState, StoredRecord } from './database.ts';
import { stateOf, syncStates, type SyncState } from './views.ts';

export type SchouwView = Omit<Schouw, 'deleted'> & {
  /** The schouw record's id (derived from the activity's). */
  id: string;
  participants: SchouwParticipants;
  /** This device's own net count per key, so the UI can tell what this phone counted. */
  ownCounts: Record<string, number>;
  syncState: SyncState;
};
export type FindingView = Finding & { id: string; syncState: SyncState };
export type FindingHistoryEntry = FindingStatusChange & { id: string; syncState: SyncState };
/** Which findings: one round's, a buurt's (every round there), or every finding on this device. */
export type FindingFilter = { readonly schouwId: string } | { readonly buurtId: string } | { readonly all: true };

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

export async function readFindings(db: BuurtlogDatabase, filter: FindingFilter): Promise<FindingView[]> {
  const [records, entries] = await Promise.all([db.records.where('type').equals('finding').toArray(), db.outbox.toArray()]);
  const states = syncStates(entries);
  const list: FindingView[] = [];
  for (const record of records) {
    const finding = findingOf(record);
    if (!finding || finding.deleted || !matches(finding, filter)) continue;
    list.push({ ...finding, syncState: states.get(record.id) ?? (record.onServer ? 'sent' : 'local') });
  }
  return list.sort(byPointThenTime);
}

export async function readFinding(db: BuurtlogDatabase, id: string): Promise<FindingView | null> {
  const [record, entries] = await Promise.all([db.records.get(id), db.outbox.where('recordId').equals(id).toArray()]);
  if (record?.type !== 'finding') return null;
  const finding = findingOf(record);
  return finding && !finding.deleted ? { ...finding, syncState: stateOf(record, entries) } : null;
}

/** A finding's follow-up, oldest first. */
export async function readFindingHistory(db: BuurtlogDatabase, findingId: string): Promise<FindingHistoryEntry[]> {
  const [records, entries] = await Promise.all([
    db.records.where('type').equals('findingStatusChange').toArray(),
    db.outbox.toArray(),
  ]);
  const states = syncStates(entries);
  const list: FindingHistoryEntry[] = [];
  for (const record of records as StoredRecord[]) {
    const change = findingStatusChangeOf(record);
    if (!change || change.findingId !== findingId) continue;
    list.push({ ...change, syncState: states.get(record.id) ?? (record.onServer ? 'sent' : 'local') });
  }
  return list.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
}

/** Each photo's upload state on this device; null for a photo this device does not hold (taken on another phone). */
export async function readPhotoStates(db: BuurtlogDatabase, hashes: readonly string[]): Promise<Record<string, PhotoState | null>> {
  const unique = [...new Set(hashes)];
  const rows = await db.photos.bulkGet(unique);
  return Object.fromEntries(unique.map((hash, i) => [hash, rows[i]?.state ?? null]));
}

