/**
 * The outbox as the person sees it: how much is not sent yet, what the server
 * refused (kept until dismissed, never dropped silently), and the export of
 * everything unsent. Taking batches and applying answers is the engine's
 * (sync-store.ts).
 */
import type { Reason } from '../domain/errors.ts';
import type { SyncRecord } from '../domain/records.ts';
import type { StoreCore } from './core.ts';
import type { OutboxEntry } from './database.ts';
import { META_KEYS, readMeta } from './meta.ts';

export type RejectedChange = { mutationId: string; recordId: string; recordType: string; reason: Reason; message?: string; createdAt: number };
/**
 * `pendingPhotos`: photos the server has not confirmed yet (waiting or backing
 * off; refused ones not counted). The store always fills it in; it is optional
 * here only so summaries built by hand (UI tests) stay valid.
 */
export type SyncSummary = { pending: number; rejected: RejectedChange[]; lastSyncAt: number | null; pendingPhotos?: number };
export type UnsentChange = Omit<OutboxEntry, 'seq'>;
export type UnsentExport = { exportedAt: string; deviceId: string; tenantId: string; changes: UnsentChange[]; records: SyncRecord[] };

export type OutboxStore = {
  summary(): Promise<SyncSummary & { pendingPhotos: number }>;
  exportUnsent(): Promise<UnsentExport>;
  dismissRejected(mutationId: string): Promise<void>;
};

export function outboxStore(core: StoreCore): OutboxStore {
  const { db } = core;
  // Export is rare (a tap in the header or Settings): its code loads then.
  const unsent = core.lazy(() => import('./unsent.ts'));
  // So is dismissing a refusal; it may drop a record that left scope with its photos.
  const leftScope = core.lazy(() => import('./left-scope.ts'));
  return {
    summary: () =>
      core.run(() =>
        db.transaction('r', [db.outbox, db.meta, db.photos], async () => {
          const [pending, rejected, lastSyncAt, pendingPhotos] = await Promise.all([
            db.outbox.where('state').equals('pending').count(),
            db.outbox.where('state').equals('rejected').toArray(),
            readMeta<number>(db, META_KEYS.lastSyncAt),
            // Inline rather than from photos.ts, which loads with the first sync, not the first screen.
            db.photos.where('state').equals('pending').count(),
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
            pendingPhotos,
          };
        }),
      ),
    exportUnsent: () => unsent((u) => db.transaction('r', [db.records, db.outbox], () => u.exportUnsent(core))),
    dismissRejected: (mutationId) =>
      leftScope((left) =>
        db.transaction('rw', [db.outbox, db.records, db.photos], async () => {
          const dismissed = await db.outbox
            .where('mutationId')
            .equals(mutationId)
            .and((entry) => entry.state === 'rejected')
            .toArray();
          await db.outbox.bulkDelete(dismissed.map((entry) => entry.seq as number));
          // A record that left this person's scope goes with its last entry (src/sync/README.md "Leaving scope").
          await left.dropIfLeft(
            db,
            dismissed.map((entry) => entry.recordId),
          );
        }),
      ),
  };
}
