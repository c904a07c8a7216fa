/**
 * A photo to show, by its hash: from this device's photo table, or — taken
 * on another phone — fetched from the server once (checked against its hash)
 * and kept, within the photo budget (photo-budget.ts), so it shows offline
 * next time. The object URL is revoked when the component goes.
 *
 * In a list ('thumbnail') only the record's thumbnail is fetched — made once
 * by the phone that took the photo (src/domain/photos.ts) — never the photo
 * itself. A record without one (older records) falls back to making a
 * thumbnail of the photo here, as before.
 *
 * @example
 * const photo = usePhotoUrl(finding.photos[0], 'thumbnail', finding.thumbnails[finding.photos[0]]);
 * return photo.url ? <img src={photo.url} alt="" /> : <span>{t(photo.state === 'loading' ? … : …)}</span>;
 */
import { useEffect, useState } from 'preact/hooks';
import type { PhotoStore } from '../../store/photo-store.ts';
import type { AccountApi } from '../../sync/account-api.ts';
import { useApp } from '../context.ts';
import { useOnline } from '../hooks.ts';
import { currentPhotoBudget } from './photo-budget.ts';
import { createPhotoProcessor, makeThumbnail, THUMBNAIL_EDGE, type PhotoProcessor } from './photos.ts';

/** After a failed download while online (the taker's phone may not have sent it yet): try again after 5 s, 10 s, 20 s … at most a minute. */
const RETRY_FIRST_MS = 5_000;
const RETRY_MAX_MS = 60_000;
/** Shown photos are marked as used together, once the screen has settled: one write, not one per photo. */
const MARK_USED_AFTER_MS = 1_000;

export type PhotoUrl = {
  readonly url: string | null;
  /** 'unavailable': not on this device and no connection (or the server lacks it for now). */
  readonly state: 'loading' | 'ready' | 'unavailable';
};

type PhotoStoreOf = PhotoStore;

/** One download per photo at a time, across every component that shows it. */
const downloads = new Map<string, Promise<void>>();

/**
 * Thumbnails made here of older records' photos (≤ 320 px WebP, a few KB),
 * in the photo worker, kept for this session: a list of fifty findings then
 * holds fifty small images, not fifty decoded 1600 px photos.
 */
const thumbnails = new Map<string, Promise<Blob>>();
const MAX_THUMBNAILS = 300;
let thumbnailer: PhotoProcessor | null = null;

function thumbnailOf(sha256: string, photo: Blob): Promise<Blob> {
  let thumbnail = thumbnails.get(sha256);
  if (!thumbnail) {
    thumbnailer ??= createPhotoProcessor();
    thumbnail = makeThumbnail(photo, THUMBNAIL_EDGE, { processor: thumbnailer }).then((made) => made.blob);
    thumbnail.catch(() => thumbnails.delete(sha256));
    thumbnails.set(sha256, thumbnail);
    const oldest = thumbnails.keys().next().value;
    if (thumbnails.size > MAX_THUMBNAILS && oldest !== undefined) thumbnails.delete(oldest);
  }
  // A browser that cannot make one (no OffscreenCanvas, say) shows the photo itself.
  return thumbnail.catch(() => photo);
}

const shown = new Map<PhotoStoreOf, Set<string>>();

/** A wipe (revoked phone, signed out) forgets the thumbnails kept in memory too, so no one after sees them. */
export function forgetPhotosInMemory(): void {
  thumbnails.clear();
  shown.clear();
}

/** Remember that a photo was shown: others' photos shown lately are the last to leave the cache. */
function markShown(photos: PhotoStoreOf, sha256: string): void {
  const batch = shown.get(photos);
  if (batch) return void batch.add(sha256);
  shown.set(photos, new Set([sha256]));
  setTimeout(() => {
    const hashes = [...(shown.get(photos) ?? [])];
    shown.delete(photos);
    photos.markUsed(hashes).catch(() => undefined);
  }, MARK_USED_AFTER_MS);
}

/** Fetch a photo (or thumbnail) of another phone once and keep it within the budget; resolves to its bytes, or null. */
async function fetchAndKeep(photos: PhotoStoreOf, api: () => Promise<AccountApi>, sha256: string): Promise<Blob | null> {
  let download = downloads.get(sha256);
  if (!download) {
    download = api()
      .then((client) => client.photo(sha256))
      .then(async ({ blob, type }) => photos.cache({ sha256, blob, type }, await currentPhotoBudget()))
      .finally(() => downloads.delete(sha256));
    downloads.set(sha256, download);
  }
  await download;
  return photos.getBlob(sha256);
}

/**
 * `size` 'thumbnail' for lists and cards; 'full' where the photo itself is
 * looked at (detail, report). `thumbnail`: the record's thumbnail of this
 * photo, when it names one.
 */
export function usePhotoUrl(sha256: string, size: 'full' | 'thumbnail' = 'full', thumbnail?: string): PhotoUrl {
  const { store, api } = useApp();
  const online = useOnline();
  const [photo, setPhoto] = useState<PhotoUrl>({ url: null, state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let url: string | null = null;
    let isCurrent = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const photos = store.photos;
    const unavailable = () => {
      if (!isCurrent) return;
      setPhoto({ url: null, state: 'unavailable' });
      if (online) retry = setTimeout(() => setAttempt(attempt + 1), Math.min(RETRY_FIRST_MS * 2 ** attempt, RETRY_MAX_MS));
    };
    const show = (blob: Blob, hash: string) => {
      markShown(photos, hash);
      if (!isCurrent) return;
      url = URL.createObjectURL(blob);
      setPhoto({ url, state: 'ready' });
    };
    /** Of an older record: a thumbnail made here of the photo. */
    const showMade = async (full: Blob) => {
      const made = await thumbnailOf(sha256, full);
      show(made, sha256);
    };
    const load = async () => {
      const wantsThumbnail = size === 'thumbnail';
      if (wantsThumbnail && thumbnail) {
        const local = await photos.getBlob(thumbnail);
        if (local) return show(local, thumbnail);
      }
      const full = await photos.getBlob(sha256);
      if (full) return wantsThumbnail ? showMade(full) : show(full, sha256);
      if (!online) return unavailable();
      // A list fetches the thumbnail alone; the photo only when someone opens it.
      if (wantsThumbnail && thumbnail) {
        const fetched = await fetchAndKeep(photos, api, thumbnail);
        return fetched ? show(fetched, thumbnail) : unavailable();
      }
      const fetched = await fetchAndKeep(photos, api, sha256);
      if (!fetched) return unavailable();
      return wantsThumbnail ? showMade(fetched) : show(fetched, sha256);
    };
    load().catch(unavailable);
    return () => {
      isCurrent = false;
      clearTimeout(retry);
      if (url) URL.revokeObjectURL(url);
    };
  }, [store, sha256, size, thumbnail, online, attempt]);
  return photo;
}
