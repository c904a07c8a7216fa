import { usePhotoUrl } from '../photos/use-photo-url.ts';
import { useT } from '../i18n/use-t.ts';
import { findingsPack } from './pack.ts';

/**
 * One photo of a finding, by its hash: from this device, or fetched once
 * from the server (usePhotoUrl) — in a list only its thumbnail. While it loads or cannot be had offline a
 * same-sized box says so in words.
 */
export function PhotoThumb({
  sha256,
  thumbnail,
  alt,
  size,
}: {
  sha256: string;
  /** The record's thumbnail of this photo: small sizes fetch only that. */
  thumbnail?: string | undefined;
  alt: string;
  size: 'small' | 'medium' | 'large';
}) {
  const t = useT(findingsPack);
  const photo = usePhotoUrl(sha256, size === 'large' ? 'full' : 'thumbnail', thumbnail);
  if (photo.url) return <img class={`photo photo-${size}`} src={photo.url} alt={alt} />;
  return (
    <span class={`photo photo-${size} photo-missing`} role="img" aria-label={alt}>
      <span aria-hidden="true">{photo.state === 'loading' ? t('finding.photoLoading') : t('finding.photoUnavailable')}</span>
    </span>
  );
}
