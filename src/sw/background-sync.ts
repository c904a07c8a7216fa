/**
 * Background Sync (Chromium only): the browser wakes the service worker when
 * the device is back online after a local change was made offline. It is an
 * extra trigger of the same flush the page runs, never the only one.
 *
 * With a Buurtlog tab open, that tab flushes (its sync controller listens for
 * FLUSH and holds the status). With none open, the worker flushes itself with
 * the same store and engine, through a controller of its own that is never
 * started (no timers, no listeners): its tab lock keeps the two from ever
 * running at once.
 */
import { getSession, isSessionExpired } from '../store/session.ts';
import { getOrCreateDeviceId } from '../store/settings.ts';
import { openStore } from '../store/store.ts';
import { BACKGROUND_SYNC_TAG, createSyncController, FLUSH } from '../sync/controller.ts';
import { createSyncEngine } from '../sync/engine.ts';

type SyncEvent = Event & { tag: string; waitUntil(promise: Promise<unknown>): void };

export function handleBackgroundSync(scope: ServiceWorkerGlobalScope, event: SyncEvent): void {
  if (event.tag !== BACKGROUND_SYNC_TAG) return;
  event.waitUntil(flush(scope));
}

async function flush(scope: ServiceWorkerGlobalScope): Promise<void> {
  const windows = await scope.clients.matchAll({ type: 'window' });
  if (windows.length > 0) {
    for (const client of windows) client.postMessage({ type: FLUSH });
    return;
  }
  // Signed out, or run out: nothing is sent without a live session. The
  // page handles a refused token (sign in again, or wipe a revoked device).
  const session = await getSession();
  if (!session || isSessionExpired(session, Date.now())) return;
  const deviceId = await getOrCreateDeviceId();
  const store = await openStore({ deviceId, tenantId: session.me.tenantId, tenantName: session.me.tenantName });
  try {
    const syncStore = await store.loadSync();
    const engine = createSyncEngine({
      store: syncStore,
      fetch: scope.fetch.bind(scope),
      baseUrl: scope.location.origin,
      // Read for every call: a sign-in in a tab meanwhile gives a new token.
      headers: async () => ({ authorization: `Bearer ${(await getSession())?.token ?? ''}` }),
    });
    // Only the lock from the worker's navigator: the browser fired this event because it is online.
    const controller = createSyncController({ run: () => engine.run(), outbox: syncStore, navigator: { locks: scope.navigator.locks } });
    const result = await controller.syncNow('background-sync');
    // Rejecting tells the browser to try this sync event again later.
    if (result && !result.ok && (result.reason === 'network' || result.reason === 'server-unavailable')) {
      throw new Error(`background sync failed: ${result.reason}`);
    }
  } finally {
    store.close();
  }
}
