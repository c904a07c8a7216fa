/**
 * Wipe this device (revoked, or its person signed out): every answer of the
 * API kept in Cache Storage, then the store's wipeLocalData — records,
 * photos, outbox, session, settings, a new device id — the thumbnails kept
 * in memory, and the unsaved form drafts this app keeps in localStorage.
 */
import { wipeLocalData } from '../../store/wipe.ts';
import { forgetPhotosInMemory } from '../photos/use-photo-url.ts';

const LOCAL_PREFIX = 'buurtlog:';
const API_PATH = '/api/';

export async function wipeDevice({
  store,
  storage,
  caches = globalThis.caches,
}: {
  store: { destroy(): Promise<void> };
  storage: Storage | undefined;
  /** Cache Storage (the window's unless given). */
  caches?: CacheStorage | undefined;
}): Promise<string> {
  // Before the session goes (wipeLocalData ends with it): interrupted, the wipe runs again at the next start.
  await forgetCachedApi(caches);
  const deviceId = await wipeLocalData({ store });
  forgetPhotosInMemory();
  forgetLocal(storage);
  return deviceId;
}

/**
 * Every API answer (a photo, a pull page) in any cache of Cache Storage goes,
 * whatever put it there: the revocation answer's `Clear-Site-Data: "cache"`
 * clears the browser's HTTP cache, not Cache Storage (tests/e2e/revoked-wipe.test.ts).
 * The shell's precache holds no /api/ entry and stays, so the app still opens
 * offline to sign in again.
 */
async function forgetCachedApi(caches: CacheStorage | undefined): Promise<void> {
  try {
    if (!caches) return;
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      const answers = (await cache.keys()).filter((request) => new URL(request.url).pathname.startsWith(API_PATH));
      await Promise.all(answers.map((request) => cache.delete(request)));
    }
  } catch {
    // Cache Storage unavailable (not a secure context) or blocked: it holds nothing of ours.
  }
}

export function forgetLocal(storage: Storage | undefined): void {
  try {
    if (!storage) return;
    const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((key): key is string => key?.startsWith(LOCAL_PREFIX) === true);
    for (const key of keys) storage.removeItem(key);
  } catch {
    // Blocked storage holds nothing of ours.
  }
}
