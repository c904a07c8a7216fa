/**
 * Photos as the screens use them: keep one for upload, show it, and keep one
 * fetched from the server. The upload queue itself is the sync engine's
 * (sync-store.ts). The code (photos.ts) loads with the first photo, not with
 * the first screen.
 */
import type { PhotoState } from './database.ts';
import type { StoreCore } from './core.ts';

export type PhotoInput = { blob: Blob; sha256: string; type: string };
export type PhotoStatus = { state: PhotoState; attempts: number; nextAttemptAt: number; lastError?: string };

export type PhotoStore = {
  /** Keep a processed photo for upload; idempotent by its hash (one transaction). Resolves to true when it was new. */
  add(input: PhotoInput): Promise<boolean>;
  getBlob(sha256: string): Promise<Blob | null>;
  /** Per hash: 'pending' (nog niet verstuurd), 'sent', 'failed', or null when this device does not hold the photo. */
  states(hashes: readonly string[]): Promise<Record<string, PhotoState | null>>;
  /** Keep a photo fetched from the server (taken elsewhere), as sent; never queued. */
  cache(input: PhotoInput): Promise<void>;
};

export function photoStore(core: StoreCore): PhotoStore {
  const { db } = core;
  const photos = core.lazy(() => import('./photos.ts'));
  return {
    add: (input) => photos((p) => p.addPhoto(db, core.now(), input)),
    getBlob: (sha256) => photos((p) => p.getPhotoBlob(db, sha256)),
    states: (hashes) => photos((p) => p.photoStates(db, hashes)),
    cache: (input) => photos((p) => p.cachePhoto(db, core.now(), input)),
  };
}
