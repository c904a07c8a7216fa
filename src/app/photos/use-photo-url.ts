/**
 * A photo to show, by its hash: from this device's photo table, or — taken
 * on another phone — fetched from the server once (checked against its hash)
 * and kept, so it shows offline next time. The object URL is revoked when
 * the component goes.
 *
 * @example
 * const photo = usePhotoUrl(finding.photos[0]);
 * return photo.url ? <img src={photo.url} alt="" /> : <span>{t(photo.state === 'loading' ? … : …)}</span>;
 */
import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../context.ts';
import { useOnline } from '../hooks.ts';
import { createPhotoProcessor, makeThumbnail, THUMBNAIL_EDGE, type PhotoProcessor } from './photos.ts';

/** After a failed download while online (the taker's phone may not have sent it yet): try again after 5 s, 10 s, 20 s … at most a minute. */
const RETRY_FIRST_MS = 5_000;
const RETRY_MAX_MS = 60_000;

export type PhotoUrl = {
  readonly url: string | null;
  /** 'unavailable': not on this device and no connection (or the server lacks it for now). */
  readonly state: 'loading' | 'ready' | 'unavailable';
};

/** One download per photo at a time, across every component that shows it. */
const downloads = new Map<string, Promise<void>>();

/**
 * Thumbnails for lists (≤ 320 px WebP, a few KB), made in the photo worker
 * from the stored photo and kept for this session: a list of fifty findings
 * then holds fifty small images, not fifty decoded 1600 px photos.
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

/** A wipe (revoked phone, signed out) forgets the thumbnails kept in memory too, so no one after sees them. */
export function forgetPhotosInMemory(): void {
  thumbnails.clear();
}

/** `size` 'thumbnail' for lists and cards; 'full' where the photo itself is looked at (detail, report). */
export function usePhotoUrl(sha256: string, size: 'full' | 'thumbnail' = 'full'): PhotoUrl {
  const { store, api } = useApp();
  const online = useOnline();
  const [photo, setPhoto] = useState<PhotoUrl>({ url: null, state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let url: string | null = null;
    let isCurrent = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const unavailable = () => {
      if (!isCurrent) return;
      setPhoto({ url: null, state: 'unavailable' });
      if (online) retry = setTimeout(() => setAttempt(attempt + 1), Math.min(RETRY_FIRST_MS * 2 ** attempt, RETRY_MAX_MS));
    };
    const show = async (photo: Blob) => {
      const blob = size === 'thumbnail' ? await thumbnailOf(sha256, photo) : photo;
      if (!isCurrent) return;
      url = URL.createObjectURL(blob);
      setPhoto({ url, state: 'ready' });
    };
    const load = async () => {
      const local = await store.photos.getBlob(sha256);
      if (local) return show(local);
      if (!online) return unavailable();
      let download = downloads.get(sha256);
      if (!download) {
        download = api()
          .then((client) => client.photo(sha256))
          .then(({ blob, type }) => store.photos.cache({ sha256, blob, type }))
          .finally(() => downloads.delete(sha256));
        downloads.set(sha256, download);
      }
      await download;
      const fetched = await store.photos.getBlob(sha256);
      if (fetched) await show(fetched);
      else unavailable();
    };
    load().catch(unavailable);
    return () => {
      isCurrent = false;
      clearTimeout(retry);
      if (url) URL.revokeObjectURL(url);
    };
  }, [store, sha256, size, online, attempt]);
  return photo;
}
