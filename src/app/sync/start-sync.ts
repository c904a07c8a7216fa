/**
 * The sync engine and its triggers, wired to this page. main.tsx imports this
 * module right after the first render: the engine, the HTTP layer and the
 * protocol's response schemas are not part of the first download.
 */
import type { Store } from '../../store/store.ts';
import { createSyncEngine } from '../../sync/engine.ts';
import { startSyncTriggers, type TriggerOptions } from '../../sync/triggers.ts';
import type { StartedSync } from './sync-slot.ts';

export type StartSyncOptions = {
  store: Store;
  deviceId: string;
  tenantId: string;
  baseUrl: string;
  window: Window;
};

export function startSync({ store, deviceId, tenantId, baseUrl, window: win }: StartSyncOptions): StartedSync {
  const engine = createSyncEngine({
    store,
    fetch: win.fetch.bind(win),
    baseUrl,
    now: Date.now,
    headers: () => ({ 'X-Device-Id': deviceId, 'X-Tenant-Id': tenantId }),
  });
  // The cast: triggers type Background Sync's `registration.sync`, which
  // TypeScript's DOM lib does not know yet.
  const triggers = startSyncTriggers(engine, {
    window: win,
    document: win.document,
    navigator: win.navigator as unknown as TriggerOptions['navigator'],
  });
  return { engine, triggers };
}
