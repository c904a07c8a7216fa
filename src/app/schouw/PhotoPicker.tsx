import { Camera, Hourglass, Images } from 'lucide-preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { MAX_PHOTOS_PER_RECORD } from '../../domain/photos.ts';
import { useApp } from '../context.ts';
import { useT } from '../i18n/use-t.ts';
import { findingsPack } from './pack.ts';
import { isAbort } from '../photos/abort.ts';
import { isPhotoError } from '../photos/photo-error.ts';
import { createPhotoProcessor, THUMBNAIL_OPTIONS, type PhotoProcessor } from '../photos/photos.ts';
import { PhotoThumb } from './PhotoThumb.tsx';

/**
 * The photo step: the camera, or a photo already taken; each goes through the
 * photo pipeline (downscaled, upright, no metadata; in a worker where it can)
 * and into the store's photo table, which uploads it on its own. The
 * thumbnail for lists is made here too, in the same job, and uploaded beside
 * it: other phones fetch only that for a list. The finding (or observation)
 * refers to both by hash. Up to MAX_PHOTOS_PER_RECORD.
 */
export function PhotoPicker(props: {
  photos: readonly string[];
  /** The record's thumbnails (photo hash → thumbnail hash), for photos taken on another phone. */
  thumbnails?: Readonly<Record<string, string>> | undefined;
  describe(n: number): string;
  onAdded(sha256: string): void;
  onRemove(sha256: string): void;
  /** How many photos are being processed (unsaved work: ui/unsaved-work.ts). */
  onBusy(count: number): void;
}) {
  const { store } = useApp();
  const t = useT(findingsPack);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(0);
  const inFlight = useRef(0);
  const count = useRef(props.photos.length);
  count.current = props.photos.length;
  const processor = useRef<PhotoProcessor | null>(null);
  const abort = useRef(new AbortController());

  useEffect(
    () => () => {
      abort.current.abort();
      processor.current?.dispose();
    },
    [],
  );

  const track = (delta: 1 | -1) => {
    inFlight.current += delta;
    if (abort.current.signal.aborted) return;
    setBusy(inFlight.current);
    props.onBusy(inFlight.current);
  };

  const onFiles = async (input: HTMLInputElement) => {
    const files = [...(input.files ?? [])];
    input.value = '';
    setError(null);
    const { signal } = abort.current;
    for (const file of files) {
      if (count.current + inFlight.current >= MAX_PHOTOS_PER_RECORD) {
        setError(t('capture.maxPhotos', { max: MAX_PHOTOS_PER_RECORD }));
        break;
      }
      track(1);
      try {
        processor.current ??= createPhotoProcessor();
        const photo = await processor.current.process(file, { signal, thumbnail: THUMBNAIL_OPTIONS });
        const { thumbnail } = photo;
        await store.photos.add({
          blob: photo.blob,
          sha256: photo.sha256,
          type: photo.type,
          ...(thumbnail ? { thumbnail: { blob: thumbnail.blob, sha256: thumbnail.sha256, type: thumbnail.type } } : {}),
        });
        if (!signal.aborted) props.onAdded(photo.sha256);
      } catch (caught) {
        if (isAbort(caught, signal)) return;
        setError(isPhotoError(caught) ? t(`capture.photoError.${caught.reason}`) : t('capture.photoError.other'));
      } finally {
        track(-1);
      }
    }
  };

  const isFull = props.photos.length + busy >= MAX_PHOTOS_PER_RECORD;
  const buttonClass = (primary: boolean) => `button button-large photo-button${primary ? ' button-primary' : ''}${isFull ? ' photo-button-full' : ''}`;
  return (
    <fieldset class="fieldset choice-fieldset" aria-describedby="photos-hint" data-testid="step-photos" tabIndex={-1}>
      <legend class="choice-legend">{t('capture.photos')}</legend>
      <p class="field-hint" id="photos-hint">
        {t('capture.photosHint', { max: MAX_PHOTOS_PER_RECORD })}
      </p>
      <div class="photo-buttons">
        <label class={buttonClass(true)}>
          <input
            type="file"
            accept="image/*"
            capture="environment"
            class="visually-hidden"
            disabled={isFull}
            onChange={(event) => void onFiles(event.currentTarget)}
          />
          <Camera class="inline-icon" aria-hidden="true" />
          {t('capture.takePhoto')}
        </label>
        <label class={buttonClass(false)}>
          <input type="file" accept="image/*" multiple class="visually-hidden" disabled={isFull} onChange={(event) => void onFiles(event.currentTarget)} />
          <Images class="inline-icon" aria-hidden="true" />
          {t('capture.choosePhoto')}
        </label>
      </div>
      {isFull && <p class="field-hint">{t('capture.maxPhotos', { max: MAX_PHOTOS_PER_RECORD })}</p>}
      {busy > 0 && (
        <p class="photo-busy" role="status">
          <Hourglass class="inline-icon" aria-hidden="true" />
          {t('capture.processing')}
        </p>
      )}
      {error && (
        <p class="field-error" role="alert" data-testid="photo-error">
          {error}
        </p>
      )}
      {props.photos.length > 0 && (
        <ul class="photo-strip">
          {props.photos.map((sha256, i) => (
            <li key={sha256} class="photo-strip-item">
              <PhotoThumb sha256={sha256} thumbnail={props.thumbnails?.[sha256]} alt={props.describe(i + 1)} size="medium" />
              <button
                type="button"
                class="button button-small button-danger-outline"
                aria-label={t('capture.removePhoto', { n: i + 1 })}
                onClick={() => props.onRemove(sha256)}
              >
                <span aria-hidden="true">✕</span>
                {t('capture.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
