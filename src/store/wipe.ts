/**
 * Wiping a device: after it was revoked (a lost phone) or when its person
 * signs out. Everything Buurtlog keeps goes — records, outbox, session,
 * settings — and the device starts over with a new device id.
 */
import type { UseStore } from 'idb-keyval';
import { resetSettingsAndRotateDeviceId } from './settings.ts';

const DATABASE_PREFIX = 'buurtlog-';

export type WipeOptions = {
  /** The open store, if any: closed and deleted first. */
  store?: { destroy(): Promise<void> } | null;
  /** Where the record databases live (tests pass fake-indexeddb's); the global one otherwise. */
  indexedDB?: IDBFactory;
  kv?: UseStore;
  now?: () => number;
};

/**
 * Order matters: the records go first, the session last. Interrupted in
 * between, the device still holds its token, meets 'device-revoked' (or
 * signs out) again at next start, and the wipe runs again; never the other
 * way round, which would leave data on the phone with no one signed in.
 *
 * The device id is ROTATED: a wiped device counts with a fresh id, since the
 * server keeps the old id's running totals and a restart from zero under
 * the same id would be swallowed by the per-device maximum. Resolves to the
 * new device id.
 */
export async function wipeLocalData(options: WipeOptions = {}): Promise<string> {
  await options.store?.destroy();
  const factory = options.indexedDB ?? globalThis.indexedDB;
  // Databases of other tenants this phone was once signed in to go as well.
  const databases = typeof factory?.databases === 'function' ? await factory.databases().catch(() => []) : [];
  for (const { name } of databases) {
    if (name?.startsWith(DATABASE_PREFIX)) await deleteDatabase(factory, name);
  }
  return resetSettingsAndRotateDeviceId(options.kv, options.now);
}

function deleteDatabase(factory: IDBFactory, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = factory.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`could not delete ${name}`));
    // Blocked: another tab still has it open; it closes on 'versionchange'
    // (Dexie does so by itself) and the delete then goes through.
  });
}
