/**
 * The device store: records and their outbox in IndexedDB (Dexie). The UI
 * writes here and is done; the sync engine takes it from the outbox.
 *
 * @example
 * const store = await openStore({ deviceId, tenantId: 'alblasserdam' });
 * const id = await store.createActivity(input);
 * await store.bumpCount(id, 'residents', 1);
 */
import * as z from 'zod/mini';
import { ATTENDANCE_METHODS, attendanceIdFor, isAttendanceCounterKey, type CountKey } from '../domain/attendance.ts';
import type { Reason } from '../domain/errors.ts';
import { IdSchema, uuidv7 } from '../domain/ids.ts';
import { counterValue, stableStringify } from '../domain/merge.ts';
import type { Mutation, PushResult } from '../domain/protocol.ts';
import type { SyncRecord } from '../domain/records.ts';
import { TenantConfigSchema, type TenantConfig } from '../domain/tenant-config.ts';
import { createDatabase, withReopen, type BuurtlogDatabase, type DatabaseOptions, type OutboxEntry, type StoredRecord } from './database.ts';
import { activityFields, check, InvalidInputError, type ActivityInput } from './input.ts';
import { writeLocal, type StoreContext } from './local-write.ts';
import { META_KEYS, readMeta, writeMeta } from './meta.ts';
import { observeQuery } from './observe.ts';
import type { BatchLimits } from './outbox.ts';
import { activityView, attendanceView, byDateAndStart, syncStates, type ActivityView, type AttendanceMethod, type AttendanceView, type SyncState } from './views.ts';

export { InvalidInputError };
export type { ActivityInput, ActivityView, AttendanceMethod, AttendanceView, BatchLimits, SyncState };

export type RejectedChange = { mutationId: string; recordId: string; recordType: string; reason: Reason; message?: string; createdAt: number };
export type SyncSummary = { pending: number; rejected: RejectedChange[]; lastSyncAt: number | null };
export type UnsentChange = Omit<OutboxEntry, 'seq'>;
export type UnsentExport = { exportedAt: string; deviceId: string; tenantId: string; changes: UnsentChange[]; records: SyncRecord[] };

/** The name of the performance measure from a tap to its commit (read by `npm run bench`). */
export const TAP_MEASURE = 'buurtlog:tap-durable';

export type Store = {
  readonly deviceId: string;
  readonly tenantId: string;
  // What the UI calls.
  createActivity(input: ActivityInput): Promise<string>;
  updateActivity(id: string, changes: Partial<ActivityInput>): Promise<void>;
  deleteActivity(id: string): Promise<void>;
  bumpCount(activityId: string, key: CountKey | `pc4:${string}`, delta: 1 | -1): Promise<void>;
  setAttendanceMethod(activityId: string, method: AttendanceMethod): Promise<void>;
  listActivities(): Promise<ActivityView[]>;
  getActivity(id: string): Promise<ActivityView | null>;
  getAttendance(activityId: string): Promise<AttendanceView>;
  syncSummary(): Promise<SyncSummary>;
  exportUnsent(): Promise<UnsentExport>;
  dismissRejected(mutationId: string): Promise<void>;
  getConfig(): Promise<TenantConfig | null>;
  saveConfig(config: TenantConfig): Promise<void>;
  observe<T>(query: (store: Store) => Promise<T>, onValue: (value: T) => void, onError?: (error: unknown) => void): () => void;
  close(): void;
  // What the sync engine calls.
  takeBatch(limits: BatchLimits): Promise<Mutation[]>;
  applyPushResults(results: readonly PushResult[]): Promise<void>;
  applyPullPage(records: readonly SyncRecord[], cursor: string): Promise<number>;
  restampClockAhead(mutationId: string): Promise<boolean>;
  recordSyncSuccess(at: number): Promise<void>;
  setClockOffset(ms: number): Promise<void>;
  getClockOffset(): Promise<number>;
  getCursor(): Promise<string>;
  pendingCount(): Promise<number>;
  /** Changes with every committed local write (in any tab): observe it to sync soon after a change. */
  lastLocalChange(): Promise<string | null>;
};

export type OpenStoreOptions = DatabaseOptions & {
  deviceId: string;
  tenantId: string;
  now?: () => number;
  /** IndexedDB database name; one per tenant by default. */
  name?: string;
  /** An already created database (tests use it to pull the connection away). */
  database?: BuurtlogDatabase;
};

export async function openStore(opts: OpenStoreOptions): Promise<Store> {
  const { deviceId, tenantId } = opts;
  const db = opts.database ?? createDatabase(opts.name ?? `buurtlog-${tenantId}`, opts);
  const ctx: StoreContext = { db, deviceId, tenantId, now: opts.now ?? Date.now };
  const run = <T>(operation: () => Promise<T>): Promise<T> => withReopen(db, operation);
  await run(() => db.open());

  const readOnly = <T>(operation: () => Promise<T>): Promise<T> => run(() => db.transaction('r', [db.records, db.outbox], operation));
  const stateOf = (record: StoredRecord | undefined, entries: readonly OutboxEntry[]): SyncState =>
    syncStates(entries).get(record?.id ?? '') ?? (record && !record.onServer ? 'local' : 'sent');
  const entriesOf = (recordId: string) => db.outbox.where('recordId').equals(recordId).toArray();

  const store: Store = {
    deviceId,
    tenantId,

    async createActivity(input) {
      const fields = activityFields(input, true);
      const createdAt = ctx.now();
      const id = uuidv7(createdAt);
      await run(() => writeLocal(ctx, { id, type: 'activity' }, (current) => (current ? null : { fields: { ...fields, createdAt, createdBy: deviceId } })));
      return id;
    },

    async updateActivity(id, changes) {
      const fields = activityFields(changes, false);
      await run(() =>
        writeLocal(ctx, { id, type: 'activity' }, (current) => {
          if (current?.type !== 'activity') throw new InvalidInputError([{ path: 'id', message: `no activity ${id}` }]);
          // Only changed fields get a new HLC: an untouched field must not
          // overwrite a colleague's edit of it.
          const changed = Object.entries(fields).filter(([name, value]) => stableStringify(current.fields[name]?.v) !== stableStringify(value));
          return { fields: Object.fromEntries(changed) };
        }),
      );
    },

    async deleteActivity(id) {
      await run(() => writeLocal(ctx, { id, type: 'activity' }, (current) => (current?.type !== 'activity' || current.fields['deleted']?.v === true ? null : { fields: { deleted: true } })));
    },

    async bumpCount(activityId, key, delta) {
      check(IdSchema, activityId, 'activityId');
      if (!isAttendanceCounterKey(key)) throw new InvalidInputError([{ path: 'key', message: `not a count: ${key}` }]);
      if (delta !== 1 && delta !== -1) throw new InvalidInputError([{ path: 'delta', message: 'must be 1 or -1' }]);
      const perf = globalThis.performance;
      const startedAt = typeof perf?.measure === 'function' ? perf.now() : null;
      await run(() =>
        writeLocal(ctx, { id: attendanceIdFor(activityId), type: 'attendance' }, (current) => {
          // A minus at zero would make a hidden negative that swallows the next plus.
          if (delta < 0 && counterValue(current?.counters[key]) <= 0) return null;
          return { fields: current?.fields['activityId'] ? {} : { activityId }, counterDeltas: { [key]: delta } };
        }),
      );
      if (startedAt !== null) perf.measure(TAP_MEASURE, { start: startedAt, end: perf.now() });
    },

    async setAttendanceMethod(activityId, method) {
      check(IdSchema, activityId, 'activityId');
      check(z.enum(ATTENDANCE_METHODS), method, 'method');
      await run(() =>
        writeLocal(ctx, { id: attendanceIdFor(activityId), type: 'attendance' }, (current) => ({
          fields: {
            ...(current?.fields['activityId'] ? {} : { activityId }),
            ...(current?.fields['method']?.v === method ? {} : { method }),
          },
        })),
      );
    },

    listActivities() {
      return readOnly(async () => {
        const [records, entries] = await Promise.all([db.records.where('type').equals('activity').toArray(), db.outbox.toArray()]);
        const states = syncStates(entries);
        const views: ActivityView[] = [];
        for (const record of records) {
          const view = activityView(record, states.get(record.id) ?? (record.onServer ? 'sent' : 'local'));
          if (view && !view.deleted) views.push(view);
        }
        return views.sort(byDateAndStart);
      });
    },

    getActivity(id) {
      return readOnly(async () => {
        const [record, entries] = await Promise.all([db.records.get(id), entriesOf(id)]);
        if (record?.type !== 'activity') return null;
        const view = activityView(record, stateOf(record, entries));
        return view && !view.deleted ? view : null;
      });
    },

    getAttendance(activityId) {
      const id = attendanceIdFor(activityId);
      return readOnly(async () => {
        const [record, entries] = await Promise.all([db.records.get(id), entriesOf(id)]);
        return attendanceView(activityId, record, deviceId, stateOf(record, entries));
      });
    },

    syncSummary() {
      return run(() =>
        db.transaction('r', [db.outbox, db.meta], async () => {
          const [pending, rejected, lastSyncAt] = await Promise.all([
            db.outbox.where('state').equals('pending').count(),
            db.outbox.where('state').equals('rejected').toArray(),
            readMeta<number>(db, META_KEYS.lastSyncAt),
          ]);
          return {
            pending,
            rejected: rejected.map((entry) => ({
              mutationId: entry.mutationId,
              recordId: entry.recordId,
              recordType: entry.recordType,
              reason: entry.reason ?? 'internal',
              ...(entry.message === undefined ? {} : { message: entry.message }),
              createdAt: entry.createdAt,
            })),
            lastSyncAt: lastSyncAt ?? null,
          };
        }),
      );
    },

    exportUnsent() {
      return readOnly(async () => {
        // Export is rare and must be complete, so it scans: records the server
        // never acknowledged count too, even with no outbox entry left.
        const [entries, records] = await Promise.all([db.outbox.toArray(), db.records.toArray()]);
        const withEntries = new Set(entries.map((entry) => entry.recordId));
        return {
          exportedAt: new Date(ctx.now()).toISOString(),
          deviceId,
          tenantId,
          changes: entries.map(({ seq: _seq, ...entry }) => entry),
          records: records
            .filter((record) => !record.onServer || withEntries.has(record.id))
            .map(({ id, type, tenantId: tenant, fields, counters }) => ({ id, type, tenantId: tenant, fields, counters })),
        };
      });
    },

    async dismissRejected(mutationId) {
      await run(() => db.outbox.where('mutationId').equals(mutationId).and((entry) => entry.state === 'rejected').delete());
    },

    async getConfig() {
      const parsed = z.safeParse(TenantConfigSchema, await run(() => readMeta(db, META_KEYS.config)));
      return parsed.success ? parsed.data : null;
    },

    async saveConfig(config) {
      const valid = check(TenantConfigSchema, config, 'config');
      await run(() => writeMeta(db, META_KEYS.config, valid));
    },

    observe(query, onValue, onError) {
      return observeQuery(db.name, () => query(store), onValue, onError);
    },

    close() {
      db.close();
    },

    // The sync engine's half of the store loads with its first sync, not with
    // the first screen. Imported before the transaction starts: awaiting
    // anything but Dexie inside one would commit it early.
    async takeBatch(limits) {
      const { takeBatch } = await import('./outbox.ts');
      return run(() => takeBatch(db, limits));
    },
    async applyPushResults(results) {
      const { applyPushResults } = await import('./outbox.ts');
      return run(() => applyPushResults(db, results));
    },
    async applyPullPage(records, cursor) {
      const { applyPullPage } = await import('./pull.ts');
      return run(() => applyPullPage(ctx, records, cursor));
    },
    async restampClockAhead(mutationId) {
      const { restampClockAhead } = await import('./outbox.ts');
      return run(() => restampClockAhead(ctx, mutationId));
    },

    async recordSyncSuccess(at) {
      await run(() => writeMeta(db, META_KEYS.lastSyncAt, at));
    },

    async setClockOffset(ms) {
      await run(() =>
        db.transaction('rw', db.meta, async () => {
          if ((await readMeta(db, META_KEYS.clockOffset)) !== ms) await writeMeta(db, META_KEYS.clockOffset, ms);
        }),
      );
    },

    async getClockOffset() {
      return (await run(() => readMeta<number>(db, META_KEYS.clockOffset))) ?? 0;
    },

    async getCursor() {
      return (await run(() => readMeta<string>(db, META_KEYS.pullCursor))) ?? '0';
    },

    pendingCount: () => run(() => db.outbox.where('state').equals('pending').count()),

    async lastLocalChange() {
      return (await run(() => readMeta<string>(db, META_KEYS.localChanges))) ?? null;
    },
  };
  return store;
}
