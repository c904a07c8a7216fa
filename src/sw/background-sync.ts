/**
 * Background Sync (Chromium only): the browser wakes the service worker when
 * the device is back online after a local change was made offline. It is an
 * extra trigger of the same flush the page runs, never the only one.
 *
 * With a Buurtlog tab open, that tab flushes (it holds the sync engine and its
 * status). With none open, the worker flushes itself with the same store and
 * engine — the one-tab lock keeps the two from ever running at once.
 */
import { getSession, isSessionExpired } from '../store/session.ts';
import { getOrCreateDeviceId } from '../store/settings.ts';
import { openStore } from '../store/store.ts';
import { createSyncEngine } from '../sync/engine.ts';
import { BACKGROUND_SYNC_TAG, SYNC_LOCK } from '../sync/triggers.ts';
import { FLUSH } from './messages.ts';

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
    const engine = createSyncEngine({
      store: await store.loadSync(),
      fetch: scope.fetch.bind(scope),
      baseUrl: scope.location.origin,
      // Read for every call: a sign-in in a tab meanwhile gives a new token.
      headers: async () => ({ authorization: `Bearer ${(await getSession())?.token ?? ''}` }),
    });
    const result = await scope.navigator.locks.request(SYNC_LOCK, { ifAvailable: true }, (lock) =>
      lock ? engine.sync('background-sync') : null,
    );
    // Rejecting tells the browser to try this sync event again later.
    if (result && !result.ok && (result.reason === 'network' || result.reason === 'server-unavailable')) {
      throw new Error(`background sync failed: ${result.reason}`);
    }
  } finally {
    store.close();
  }
}
