import { usePhotoUrl } from '../photos/use-photo-url.ts';
import { useT } from '../i18n/use-t.ts';
import { findingsPack } from '../schouw/pack.ts';
import { reportPack } from './pack.ts';

/**
 * One photo of a finding, by its hash: from this device, or fetched once
 * from the server. While it loads, or when it cannot be had offline, a short
 * text stands in its place (the layout does not jump in print).
 */
export function FindingPhoto({
  sha256,
  thumbnail,
  alt,
  class: className,
  size = 'full',
}: {
  sha256: string;
  /** The record's thumbnail of this photo (size 'thumbnail' fetches only that). */
  thumbnail?: string | undefined;
  alt: string;
  class: string;
  size?: 'full' | 'thumbnail';
}) {
  const t = useT(reportPack, findingsPack);
  const photo = usePhotoUrl(sha256, size, thumbnail);
  if (photo.url) return <img class={className} src={photo.url} alt={alt} />;
  return <span class={`${className} photo-missing`}>{t(photo.state === 'loading' ? 'report.photoLoading' : 'report.photoUnavailable')}</span>;
}

/** The first photo as a small thumbnail, or "Geen foto". */
export function FindingThumb({ photos, thumbnails, alt }: { photos: readonly string[]; thumbnails: Readonly<Record<string, string>>; alt: string }) {
  const t = useT(reportPack, findingsPack);
  const first = photos[0];
  if (!first) return <span class="finding-thumb photo-missing">{t('report.noPhoto')}</span>;
  return <FindingPhoto key={first} sha256={first} thumbnail={thumbnails[first]} alt={alt} class="finding-thumb" size="thumbnail" />;
}
