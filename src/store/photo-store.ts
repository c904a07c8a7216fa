/**
 * Photos as the screens use them: keep one for upload, show it, and keep one
 * fetched from the server. The upload queue itself is the sync engine's
 * (sync-store.ts). The code (photos.ts) loads with the first photo, not with
 * the first screen.
 */
import type { PhotoState } from './database.ts';
import type { StoreCore } from './core.ts';

export type PhotoInput = { blob: Blob; sha256: string; type: string };
/** A photo taken on this phone, with the thumbnail made of it there (src/domain/photos.ts). */
export type OwnPhotoInput = PhotoInput & { thumbnail?: PhotoInput };
/** Photos and thumbnails on this phone: others' (the cache, within the budget) and its own (never evicted). */
export type PhotoUsage = { others: { count: number; bytes: number }; own: { count: number; bytes: number } };
export type PhotoStatus = { state: PhotoState; attempts: number; nextAttemptAt: number; lastError?: string };

export type PhotoStore = {
  /** Keep a processed photo and its thumbnail for upload; idempotent by hash (one transaction). Resolves to true when the photo was new. */
  add(input: OwnPhotoInput): Promise<boolean>;
  getBlob(sha256: string): Promise<Blob | null>;
  /** Per hash: 'pending' (nog niet verstuurd), 'sent', 'failed', or null when this device does not hold the photo. */
  states(hashes: readonly string[]): Promise<Record<string, PhotoState | null>>;
  /** Keep a photo fetched from the server (taken elsewhere), as sent, never queued; then keep others' photos within `budget` bytes. */
  cache(input: PhotoInput, budget: number): Promise<void>;
  /** These were shown now: last out of the cache. */
  markUsed(hashes: readonly string[]): Promise<void>;
  usage(): Promise<PhotoUsage>;
  /** Bring others' photos within `budget` bytes now (after the budget was lowered). Resolves to how many went. */
  evict(budget: number): Promise<number>;
  /** Delete every photo of others; this phone's own stay. Resolves to how many went. */
  clearOthers(): Promise<number>;
};

export function photoStore(core: StoreCore): PhotoStore {
  const { db } = core;
  const photos = core.lazy(() => import('./photos.ts'));
  return {
    add: (input) => photos((p) => p.addPhoto(db, core.now(), input)),
    getBlob: (sha256) => photos((p) => p.getPhotoBlob(db, sha256)),
    states: (hashes) => photos((p) => p.photoStates(db, hashes)),
    cache: (input, budget) => photos((p) => p.cachePhoto(db, core.now(), input, budget)),
    markUsed: (hashes) => photos((p) => p.markPhotosUsed(db, core.now(), hashes)),
    usage: () => photos((p) => p.photoUsage(db)),
    evict: (budget) => photos((p) => p.evictOthers(db, budget)),
    clearOthers: () => photos((p) => p.clearOthers(db)),
  };
}
