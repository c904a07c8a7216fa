/**
 * The one path by which a local change reaches the device store.
 */
import { tick } from '../domain/hlc.ts';
import { uuidv7 } from '../domain/ids.ts';
import { bumpCounter, mergeRecord, type Counter, type FieldMap, type FieldValue, type Mergeable } from '../domain/merge.ts';
import type { Mutation } from '../domain/protocol.ts';
import { RECORD_DEFINITIONS, type RecordType } from '../domain/records.ts';
import { SCHEMA_VERSION } from '../domain/schema-version.ts';
import type { BuurtlogDatabase, OutboxEntry, StoredRecord } from './database.ts';
import { readClock, writeClock } from './clock.ts';

export type StoreContext = {
  readonly db: BuurtlogDatabase;
  readonly deviceId: string;
  readonly tenantId: string;
  readonly now: () => number;
};

export type LocalChange = {
  /** New plain values; every field of one change gets the HLC of this write. */
  readonly fields?: Readonly<Record<string, unknown>>;
  /** Per counter key, the step (+1 / -1) on this device's own running totals. */
  readonly counterDeltas?: Readonly<Record<string, number>>;
};

export type RecordRef = { readonly id: string; readonly type: RecordType };

/**
 * Apply a local change: tick the clock, merge the change into the record and
 * write or replace the record's pending outbox entry — **all in one
 * transaction** over records + outbox + meta.
 *
 * Why this is crucial: the outbox is the only memory of what the server has
 * not seen yet. If the record were written without its outbox entry (a crash,
 * iOS killing the tab, a quota error between two transactions) the edit would
 * show on this phone and never be sent; written the other way round, the
 * server would get a change the phone does not show. Committing the clock in
 * the same transaction means no two writes, even from two tabs, can get the
 * same HLC. Nothing counts as saved before this transaction commits, and
 * nothing is lost after.
 *
 * `decide` sees the current record inside the transaction (so concurrent
 * writes serialise instead of overwriting each other) and returns null for
 * "nothing to change". Resolves to whether anything was written.
 */
export function writeLocal(ctx: StoreContext, target: RecordRef, decide: (current: StoredRecord | undefined) => LocalChange | null): Promise<boolean> {
  const { db } = ctx;
  return db.transaction('rw', [db.records, db.outbox, db.meta], async () => {
    const [current, pending] = await Promise.all([db.records.get(target.id), pendingEntryOf(db, target.id)]);
    const change = decide(current);
    const fieldNames = Object.keys(change?.fields ?? {});
    const deltas = Object.entries(change?.counterDeltas ?? {}).filter(([, step]) => step !== 0);
    if (!change || (fieldNames.length === 0 && deltas.length === 0)) return false;

    const writes: Promise<unknown>[] = [];
    const fields: Record<string, FieldValue> = {};
    if (fieldNames.length > 0) {
      // Counters carry no HLC, so a pure tap leaves the clock alone.
      const { clock, offset } = await readClock(db, ctx.deviceId);
      const stamped = tick(clock, ctx.now() + offset);
      for (const name of fieldNames) fields[name] = { v: change.fields?.[name], t: stamped.hlc };
      writes.push(writeClock(db, stamped.clock));
    }
    const counters: Record<string, Counter> = {};
    for (const [key, step] of deltas) {
      // The mutation carries this device's running totals, never a delta: a
      // retried or duplicated push then changes nothing.
      const own = bumpCounter(current?.counters[key], ctx.deviceId, step)[ctx.deviceId];
      if (own) counters[key] = { [ctx.deviceId]: own };
    }
    const delta: Mergeable = { fields, counters };

    const base: StoredRecord = current ?? { id: target.id, type: target.type, tenantId: ctx.tenantId, fields: {}, counters: {} };
    const entry = replacementEntry(ctx, target, mergeRecord(pendingBase(current, pending), delta), pending);
    writes.push(db.records.put(mergeRecord(base, delta)), db.outbox.put(entry));
    await Promise.all(writes);
    return true;
  });
}

/**
 * Create a record that cannot exist yet (its id was just made from the
 * clock: uuidv7), in the same one transaction as writeLocal, with fewer
 * round trips: no read of the record or of its pending entry, and `prepare`
 * (the caller's own reads, such as the parent it copies its scope from)
 * runs beside the clock's read. The one-tap paths at night use it
 * (an observation: bench "observation tap → durable"). `prepare` returns
 * the fields, or throws to write nothing.
 */
export function createLocal(ctx: StoreContext, target: RecordRef, prepare: () => Promise<Readonly<Record<string, unknown>>>): Promise<void> {
  const { db } = ctx;
  return db.transaction('rw', [db.records, db.outbox, db.meta], async () => {
    const [given, { clock, offset }] = await Promise.all([prepare(), readClock(db, ctx.deviceId)]);
    const stamped = tick(clock, ctx.now() + offset);
    const fields: Record<string, FieldValue> = {};
    for (const [name, value] of Object.entries(given)) fields[name] = { v: value, t: stamped.hlc };
    const delta: Mergeable = { fields, counters: {} };
    const record = mergeRecord({ id: target.id, type: target.type, tenantId: ctx.tenantId, fields: {}, counters: {} }, delta);
    const entry = replacementEntry(ctx, target, delta, undefined);
    await Promise.all([writeClock(db, stamped.clock), db.records.add(record), db.outbox.put(entry)]);
  });
}

/**
 * The record's one pending outbox entry, if any. There is **at most one**: a
 * new change replaces it (see replacementEntry).
 */
export function pendingEntryOf(db: BuurtlogDatabase, recordId: string): Promise<OutboxEntry | undefined> {
  return db.outbox.where('[recordId+state]').equals([recordId, 'pending']).first();
}

/**
 * What a new pending entry starts from: the old pending entry's content, or,
 * for a record the server is not known to have (say its creating write was
 * rejected), the record's required fields with their original HLCs — so the
 * next change can still create it. Re-sending a field with its old HLC is
 * harmless: merging is idempotent.
 */
function pendingBase(current: StoredRecord | undefined, pending: OutboxEntry | undefined): Mergeable {
  if (pending) return { fields: pending.mutation.fields, counters: pending.mutation.counters };
  if (!current || current.onServer) return { fields: {}, counters: {} };
  const fields: Record<string, FieldValue> = {};
  for (const name of RECORD_DEFINITIONS[current.type].required) {
    const field = current.fields[name];
    if (field) fields[name] = field;
  }
  return { fields, counters: {} };
}

/**
 * A pending entry with a fresh mutation id, in the old pending entry's place
 * in the queue. Replacing instead of appending keeps a tap storm to one
 * mutation; an old entry already in flight that gets acknowledged later only
 * deletes itself by its own mutation id, and this one still carries all of
 * its content.
 */
export function replacementEntry(ctx: StoreContext, target: RecordRef, content: Mergeable, replaced: OutboxEntry | undefined): OutboxEntry {
  const now = ctx.now();
  const mutation: Mutation = {
    mutationId: uuidv7(now),
    schemaVersion: SCHEMA_VERSION,
    recordType: target.type,
    recordId: target.id,
    tenantId: ctx.tenantId,
    fields: content.fields as FieldMap,
    counters: content.counters,
  };
  return {
    ...(replaced?.seq === undefined ? {} : { seq: replaced.seq }),
    mutationId: mutation.mutationId,
    recordId: target.id,
    recordType: target.type,
    mutation,
    state: 'pending',
    createdAt: replaced?.createdAt ?? now,
  };
}
