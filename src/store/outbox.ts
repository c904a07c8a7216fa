/**
 * The engine-facing side of the outbox: taking batches to push, and applying
 * the server's answers.
 */
import { tick, hlcWall, type ClockState, type Hlc } from '../domain/hlc.ts';
import { mergeFields, mergeRecord, type FieldValue, type Mergeable } from '../domain/merge.ts';
import type { Mutation, PushResult } from '../domain/protocol.ts';
import type { BuurtlogDatabase, OutboxEntry, StoredRecord } from './database.ts';
import { pendingEntryOf, replacementEntry, type StoreContext } from './local-write.ts';
import { readClock, writeClock } from './clock.ts';
import { dropIfLeft } from './left-scope.ts';
import type { BatchLimits } from './sync-store.ts';

const encoder = new TextEncoder();

/**
 * The oldest pending mutations, at most `maxCount` of them and at most
 * `maxBytes` serialised — but always at least one, so a single large entry
 * cannot wedge the queue.
 */
export async function takeBatch(db: BuurtlogDatabase, limits: BatchLimits): Promise<Mutation[]> {
  const entries = await db.outbox.where('state').equals('pending').limit(Math.max(1, limits.maxCount)).toArray();
  const batch: Mutation[] = [];
  let bytes = 0;
  for (const entry of entries) {
    bytes += encoder.encode(JSON.stringify(entry.mutation)).length + 1;
    if (batch.length > 0 && bytes > limits.maxBytes) break;
    batch.push(entry.mutation);
  }
  return batch;
}

/**
 * Applied or duplicate: the server has it, the entry goes. Rejected: the
 * entry stays, marked, until the user dismisses it — **never dropped
 * silently**, except a refusal `purged` (the record was removed after its
 * retention period, src/sync/README.md P3): that entry goes, not retried. Results for unknown mutation ids (an entry replaced by a newer
 * change while in flight) change nothing: the replacement carries the same
 * content and is pushed next.
 */
export function applyPushResults(db: BuurtlogDatabase, results: readonly PushResult[]): Promise<void> {
  return db.transaction('rw', [db.records, db.outbox, db.photos], async () => {
    const entries = await Promise.all(results.map((result) => db.outbox.where('mutationId').equals(result.mutationId).first()));
    const settled = new Map<string, boolean>();
    for (const [i, result] of results.entries()) {
      const entry = entries[i];
      if (!entry || entry.seq === undefined || entry.state !== 'pending') continue;
      if (result.status === 'rejected' && result.reason === 'purged') {
        // P3: the record is gone on the server after its retention period;
        // retrying cannot succeed, and the next pull's marker drops the record.
        await db.outbox.delete(entry.seq);
        continue;
      }
      if (result.status === 'rejected') {
        await db.outbox.update(entry.seq, {
          state: 'rejected',
          reason: result.reason ?? 'internal',
          ...(result.message === undefined ? {} : { message: result.message }),
          ...(result.issues === undefined ? {} : { issues: result.issues }),
        });
        settled.set(entry.recordId, settled.get(entry.recordId) ?? false);
      } else {
        await db.outbox.delete(entry.seq);
        settled.set(entry.recordId, true);
      }
    }
    await Promise.all([...settled].map(([recordId, acknowledged]) => settleRecord(db, recordId, acknowledged)));
    // A record that left this person's scope goes with its last entry (src/sync/README.md "Leaving scope").
    await dropIfLeft(
      db,
      [...settled].flatMap(([recordId, acknowledged]) => (acknowledged ? [recordId] : [])),
    );
  });
}

/**
 * After an entry left the pending state: note that the server has the record,
 * and once no pending edit is left, merge in the remote writes held back
 * while there was one.
 */
async function settleRecord(db: BuurtlogDatabase, recordId: string, acknowledged: boolean): Promise<void> {
  const [record, pending] = await Promise.all([db.records.get(recordId), pendingEntryOf(db, recordId)]);
  if (!record) return;
  const foldHeld = !pending && record.held !== undefined;
  if (!foldHeld && (!acknowledged || record.onServer)) return;
  const { held, ...rest } = record;
  const next: StoredRecord = {
    ...(foldHeld ? rest : record),
    ...(foldHeld && held ? { fields: mergeFields(record.fields, held) } : {}),
    ...(acknowledged ? { onServer: true as const } : {}),
  };
  await db.records.put(next);
}

/**
 * Answer to a 'clock-ahead' rejection: this device stamped changes in the
 * future (a wrong date on the phone). Reset the clock to the corrected time
 * (device time + the offset to the server, set by the engine first) and
 * re-stamp, as a new pending entry, the rejected change together with every
 * other unsent change that is stamped in the future — they would all be
 * refused, and a future stamp left behind on this device would beat the
 * user's next edit of the same field. Resolves to whether anything was
 * re-stamped.
 */
export function restampClockAhead(ctx: StoreContext, mutationId: string): Promise<boolean> {
  const { db } = ctx;
  return db.transaction('rw', [db.records, db.outbox, db.meta], async () => {
    const rejected = await db.outbox.where('mutationId').equals(mutationId).first();
    if (rejected?.state !== 'rejected' || rejected.reason !== 'clock-ahead') return false;
    const { clock: stored, offset } = await readClock(db, ctx.deviceId);
    const corrected = ctx.now() + offset;
    let clock: ClockState = stored.wall > corrected ? { wall: corrected, counter: 0, node: ctx.deviceId } : stored;

    const pendings = await db.outbox.where('state').equals('pending').toArray();
    const byRecord = new Map<string, OutboxEntry[]>([[rejected.recordId, [rejected]]]);
    for (const entry of pendings) {
      const inFuture = Object.values(entry.mutation.fields).some((field) => hlcWall(field.t) > corrected);
      if (entry.recordId === rejected.recordId || inFuture) byRecord.set(entry.recordId, [...(byRecord.get(entry.recordId) ?? []), entry]);
    }

    for (const entries of byRecord.values()) {
      const first = entries[0] as OutboxEntry;
      const content = entries.reduce<Mergeable>((acc, entry) => mergeRecord(acc, entry.mutation), { fields: {}, counters: {} });
      // Keep the order of the old stamps: one new HLC per old HLC, ascending.
      const renamed = new Map<Hlc, Hlc>();
      for (const old of [...new Set(Object.values(content.fields).map((field) => field.t))].sort()) {
        const stamped = tick(clock, corrected);
        clock = stamped.clock;
        renamed.set(old, stamped.hlc);
      }
      const restamp = (field: FieldValue): FieldValue => ({ v: field.v, t: renamed.get(field.t) ?? field.t });
      const fields = Object.fromEntries(Object.entries(content.fields).map(([name, field]) => [name, restamp(field)]));

      const record = await db.records.get(first.recordId);
      if (record) {
        // Only fields still holding the old write are re-stamped locally; a
        // newer value that arrived since keeps its own HLC.
        const local = { ...record.fields };
        for (const [name, field] of Object.entries(content.fields)) {
          if (local[name]?.t === field.t) local[name] = restamp(field);
        }
        await db.records.put({ ...record, fields: local });
      }
      const oldest = entries.reduce((a, b) => ((a.seq ?? 0) <= (b.seq ?? 0) ? a : b));
      const entry = replacementEntry(ctx, { id: first.recordId, type: first.recordType }, { fields, counters: content.counters }, oldest);
      await db.outbox.bulkDelete(entries.map((e) => e.seq as number));
      await db.outbox.put(entry);
    }
    await writeClock(db, clock);
    return true;
  });
}
