import { usePhotoUrl } from '../photos/use-photo-url.ts';
import { useT } from '../i18n/use-t.ts';
import { findingsPack } from './pack.ts';

/**
 * One photo of a finding, by its hash: from this device, or fetched once
 * from the server (usePhotoUrl). While it loads or cannot be had offline a
 * same-sized box says so in words.
 */
export function PhotoThumb({ sha256, alt, size }: { sha256: string; alt: string; size: 'small' | 'medium' | 'large' }) {
  const t = useT(findingsPack);
  const photo = usePhotoUrl(sha256, size === 'large' ? 'full' : 'thumbnail');
  if (photo.url) return <img class={`photo photo-${size}`} src={photo.url} alt={alt} />;
  return (
    <span class={`photo photo-${size} photo-missing`} role="img" aria-label={alt}>
      <span aria-hidden="true">{photo.state === 'loading' ? t('finding.photoLoading') : t('finding.photoUnavailable')}</span>
    </span>
  );
}
