/**
 * Merging a page of pulled records into the device store.
 */
import { photoHashesOf } from '../domain/photos.ts';
import { receive, type Hlc } from '../domain/hlc.ts';
import { changesRecord, mergeCounters, mergeField, mergeFields, mergeRecord, type Counter, type FieldValue } from '../domain/merge.ts';
import type { SyncRecord } from '../domain/records.ts';
import type { OutboxEntry, StoredRecord } from './database.ts';
import { replacementEntry, type StoreContext } from './local-write.ts';
import { readClock, writeClock } from './clock.ts';
import { dropGone } from './left-scope.ts';
import { META_KEYS, writeMeta } from './meta.ts';

/**
 * Merge a pulled page and store its cursor, **in one transaction**: a page is
 * either wholly applied with its cursor, or not at all and pulled again.
 *
 * Fields merge by the domain rule, except that a field with a pending local
 * edit keeps its local value and HLC: the user sees what they typed until the
 * server has it. A remote write that would have won is kept aside in `held`
 * and merged in once the record has no pending entry left (outbox.ts), so the
 * device converges even if the server never sends this record again.
 * Counters always merge: a per-device maximum cannot undo a local tap.
 *
 * Every remote HLC is folded into the clock, so a later local edit is
 * ordered after everything this device has seen.
 *
 * `reset` (the first page of a pull the server restarted from zero, because
 * what this person may see changed): first drop every record that has no
 * pending or refused outbox entry, in the same transaction, so records the
 * person may no longer see leave the device and the pull rebuilds the rest.
 * **Local work is never dropped**: a record with an entry stays; the server
 * answers its push, and refuses it visibly if it is no longer theirs.
 *
 * `gone` (records that left what this person may read) drops those records
 * the same way, in the same transaction: a record with an entry stays, marked,
 * until its last entry is acknowledged or dismissed (left-scope.ts).
 */
export function applyPullPage(ctx: StoreContext, pulled: readonly SyncRecord[], cursor: string, options: PullPageOptions = {}): Promise<number> {
  const { db } = ctx;
  return db.transaction('rw', [db.records, db.outbox, db.meta, db.photos], async () => {
    if (options.restored) await requeueOwnChanges(ctx);
    if (options.reset) await dropSyncedRecords(ctx);
    if (options.purged && options.purged.length > 0) await dropPurged(ctx, options.purged);
    if (options.gone && options.gone.length > 0)
      await dropGone(
        db,
        options.gone.map((record) => record.id),
      );
    const incoming = new Map<string, SyncRecord>();
    for (const record of pulled) {
      if (record.tenantId !== ctx.tenantId) continue;
      const seen = incoming.get(record.id);
      incoming.set(
        record.id,
        seen ? { ...seen, fields: mergeFields(seen.fields, record.fields), counters: mergeCounters(seen.counters, record.counters) } : record,
      );
    }
    const ids = [...incoming.keys()];
    const [found, pending, { clock, offset }] = await Promise.all([
      // One key-ordered cursor walk that skips ahead to each wanted id, rather
      // than a get per id: on a fresh device (the 10,000-record first pull)
      // it finds nothing and costs next to nothing.
      db.records.where(':id').anyOf(ids).toArray(),
      db.outbox.where('state').equals('pending').toArray(),
      readClock(db, ctx.deviceId),
    ]);
    const locals = new Map(found.map((record) => [record.id, record]));
    const protectedFields = new Map<string, Set<string>>();
    for (const entry of pending) protectedFields.set(entry.recordId, new Set(Object.keys(entry.mutation.fields)));

    let latest: Hlc | null = null;
    const writes: StoredRecord[] = [];
    for (const [id, remote] of incoming) {
      for (const field of Object.values(remote.fields)) if (latest === null || field.t > latest) latest = field.t;
      const local = locals.get(id);
      if (!local) {
        writes.push({ id, type: remote.type, tenantId: remote.tenantId, fields: remote.fields, counters: remote.counters, onServer: true });
        continue;
      }
      const merged = mergeInto(local, remote, protectedFields.get(id));
      if (merged) writes.push(merged);
    }
    const work: Promise<unknown>[] = [writeMeta(db, META_KEYS.pullCursor, cursor)];
    if (writes.length > 0) work.push(db.records.bulkPut(writes));
    if (latest !== null) work.push(writeClock(db, receive(clock, latest, ctx.now() + offset)));
    await Promise.all(work);
    return writes.length;
  });
}

export type PullPageOptions = {
  reset?: boolean;
  /** The server was restored from a backup: put this device's own changes back in the outbox first (src/sync/README.md "Restore"). */
  restored?: boolean;
  /** Records the server removed after their retention period (src/sync/README.md "Purge", P2). */
  purged?: ReadonlyArray<{ readonly id: string; readonly type: string }>;
  /** Records that left what this person may read (src/sync/README.md "Leaving scope"): dropped, or kept while they have outbox entries. */
  gone?: ReadonlyArray<{ readonly id: string; readonly type: string }>;
};

/** Record types that name photos in a `photos` field. */
const PHOTO_HOLDERS = ['finding', 'publicSpaceObservation'] as const;

/** A record's photos and their thumbnails (src/domain/photos.ts). */
function photosOf(record: StoredRecord | undefined): string[] {
  return record ? photoHashesOf(record) : [];
}

/**
 * P2: drop each purged record (unknown ids are ignored), its pending or
 * refused outbox entries (held writes live on the record and go with it),
 * and its photos that no remaining record names. Unlike a reset this drops
 * local work: the server refuses it anyway (P3). Every child has its own
 * marker, so there is no cascade here.
 */
async function dropPurged({ db }: StoreContext, purged: ReadonlyArray<{ readonly id: string }>): Promise<void> {
  const ids = [...new Set(purged.map((marker) => marker.id))];
  const [records, entries] = await Promise.all([db.records.where(':id').anyOf(ids).toArray(), db.outbox.where('recordId').anyOf(ids).primaryKeys()]);
  const photos = new Set(records.flatMap(photosOf));
  await Promise.all([db.records.bulkDelete(ids), db.outbox.bulkDelete(entries)]);
  if (photos.size === 0) return;
  for (const record of await db.records.where('type').anyOf(PHOTO_HOLDERS).toArray()) for (const hash of photosOf(record)) photos.delete(hash);
  await db.photos.bulkDelete([...photos]);
}

/**
 * After a restore the server may lack changes it acknowledged: every field
 * this device wrote (its HLC names this device) and this device's own
 * counter entries go back in the outbox, merged into a pending entry where
 * there is one. Sending them again is harmless — merging is idempotent and
 * a counter entry is a running total — so nothing is applied twice, and the
 * reset that follows keeps these records, since they now have an entry.
 */
async function requeueOwnChanges(ctx: StoreContext): Promise<void> {
  const { db, deviceId } = ctx;
  const own = `.${deviceId}`;
  const [records, pending] = await Promise.all([db.records.toArray(), db.outbox.where('state').equals('pending').toArray()]);
  const pendingOf = new Map(pending.map((entry) => [entry.recordId, entry]));
  const entries: OutboxEntry[] = [];
  for (const record of records) {
    const fields: Record<string, FieldValue> = {};
    for (const [name, field] of Object.entries(record.fields)) if (field.t.endsWith(own)) fields[name] = field;
    const counters: Record<string, Counter> = {};
    for (const [key, counter] of Object.entries(record.counters)) {
      const entry = counter[deviceId];
      if (entry) counters[key] = { [deviceId]: entry };
    }
    if (Object.keys(fields).length === 0 && Object.keys(counters).length === 0) continue;
    const replaced = pendingOf.get(record.id);
    const content = mergeRecord({ fields: replaced?.mutation.fields ?? {}, counters: replaced?.mutation.counters ?? {} }, { fields, counters });
    entries.push(replacementEntry(ctx, record, content, replaced));
  }
  await db.outbox.bulkPut(entries);
}

async function dropSyncedRecords({ db }: StoreContext): Promise<void> {
  const [ids, entries] = await Promise.all([db.records.toCollection().primaryKeys(), db.outbox.toArray()]);
  // The outbox holds only 'pending' and 'rejected' entries: both are local work.
  const keep = new Set(entries.map((entry) => entry.recordId));
  await db.records.bulkDelete(ids.filter((id) => !keep.has(id)));
}

/** The local record with the remote merged in, or null when nothing changes. */
function mergeInto(local: StoredRecord, remote: SyncRecord, pendingFields: ReadonlySet<string> | undefined): StoredRecord | null {
  if (local.type !== remote.type) return null;
  let changed = local.onServer !== true;
  let fields: Record<string, FieldValue> | null = null;
  let held: Record<string, FieldValue> | null = null;
  for (const [name, incoming] of Object.entries(remote.fields)) {
    const current = local.fields[name];
    const winner = current ? mergeField(current, incoming) : incoming;
    if (winner === current) continue;
    if (pendingFields?.has(name) && current) {
      held ??= { ...local.held };
      const before = held[name];
      held[name] = before ? mergeField(before, incoming) : incoming;
      changed ||= held[name] !== before;
      continue;
    }
    fields ??= { ...local.fields };
    fields[name] = winner;
    changed = true;
  }
  const counters = mergeCounters(local.counters, remote.counters);
  // Pulled again: it is back in what this person may read.
  const { leftScope, ...kept } = local;
  changed ||= leftScope === true;
  if (!changed && !changesRecord({ fields: {}, counters: local.counters }, { fields: {}, counters: remote.counters })) return null;
  return {
    ...kept,
    fields: fields ?? local.fields,
    counters,
    ...(held ? { held } : {}),
    onServer: true,
  };
}
