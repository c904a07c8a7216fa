/**
 * Whether this phone's changes to a record have reached the server, as every
 * view shows it (the badge beside an activity or a finding).
 */
import type { BuurtlogDatabase, OutboxEntry, StoredRecord } from './database.ts';

/** 'local' = alleen op dit toestel; 'sent' = the server acknowledged it; 'rejected' = the server refused a change. */
export type SyncState = 'local' | 'sent' | 'rejected';

/**
 * A refused change outweighs an unsent one: the user has to act on it. (A
 * record with both shows 'rejected'; its pending change is in the summary.)
 */
export function syncStates(entries: readonly Pick<OutboxEntry, 'recordId' | 'state'>[]): Map<string, SyncState> {
  const states = new Map<string, SyncState>();
  for (const entry of entries) {
    if (entry.state === 'rejected') states.set(entry.recordId, 'rejected');
    else if (!states.has(entry.recordId)) states.set(entry.recordId, 'local');
  }
  return states;
}

/** A record's state: its entries decide; without any, whether the server is known to have it. */
export function stateOf(record: StoredRecord | undefined, entries: readonly OutboxEntry[]): SyncState {
  return syncStates(entries).get(record?.id ?? '') ?? (record && !record.onServer ? 'local' : 'sent');
}

/**
 * The sync state of each of these records, from their own outbox entries only
 * (by the recordId index): a list never reads the whole outbox.
 */
export async function syncStatesOf(db: BuurtlogDatabase, records: readonly StoredRecord[]): Promise<(record: StoredRecord) => SyncState> {
  const states = syncStates(
    await db.outbox
      .where('recordId')
      .anyOf(records.map((record) => record.id))
      .toArray(),
  );
  return (record) => states.get(record.id) ?? (record.onServer ? 'sent' : 'local');
}
