/**
 * The device store: records and their outbox in IndexedDB (Dexie). The UI
 * writes here and is done; the sync engine takes it from the outbox.
 *
 * Opening it gives two sides: `ui` for the screens (ui-store.ts, one part per
 * feature) and, on request, the engine's (sync-store.ts), plus the store's
 * own lifecycle. Every part loads its code on first use (lazy.ts); the
 * engine's side loads with the engine, not with the first screen.
 *
 * @example
 * const store = await openStore({ deviceId, tenantId: 'alblasserdam' });
 * const id = await store.ui.activities.create(input);
 * await store.ui.attendance.bump(id, 'residents', 1);
 * createSyncEngine({ store: await store.loadSync(), ... });
 */
import { createCore } from './core.ts';
import { createDatabase, type BuurtlogDatabase, type DatabaseOptions } from './database.ts';
import type { SyncStore } from './sync-store.ts';
import { uiStore, type UiStore } from './ui-store.ts';

export type DeviceStore = {
  readonly deviceId: string;
  readonly tenantId: string;
  /** What the screens call. */
  readonly ui: UiStore;
  /** What the sync engine calls; its code loads now. */
  loadSync(): Promise<SyncStore>;
  close(): void;
  /** Close and delete this device's database (wipeLocalData). */
  destroy(): Promise<void>;
};

export type OpenStoreOptions = DatabaseOptions & {
  deviceId: string;
  tenantId: string;
  /** The tenant's display name (from the session), for the configuration. */
  tenantName?: string;
  now?: () => number;
  /** IndexedDB database name; one per tenant by default. */
  name?: string;
  /** An already created database (tests use it to pull the connection away). */
  database?: BuurtlogDatabase;
};

export async function openStore(opts: OpenStoreOptions): Promise<DeviceStore> {
  const { deviceId, tenantId } = opts;
  const db = opts.database ?? createDatabase(opts.name ?? `buurtlog-${tenantId}`, opts);
  const core = createCore({ db, deviceId, tenantId, now: opts.now ?? Date.now });
  // The parts start loading their code while the database opens.
  const ui = uiStore(core, opts.tenantName ?? tenantId);
  const syncSide = core.lazy(() => import('./sync-store.ts'));
  await core.run(() => db.open());
  return {
    deviceId,
    tenantId,
    ui,
    loadSync: () => syncSide(async (side) => side.syncStore(core)),
    close() {
      db.close();
    },
    async destroy() {
      core.markDestroyed();
      // Dexie's delete() closes this connection first; other tabs close
      // theirs on the 'versionchange' it causes, so the delete is not blocked.
      await db.delete({ disableAutoOpen: true });
    },
  };
}
