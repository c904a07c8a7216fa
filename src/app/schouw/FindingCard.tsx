import { Camera, Sparkles } from 'lucide-preact';
import { findingLabel } from './labels.ts';
import { useT } from '../i18n/use-t.ts';
import { findingsPack, type FindingsT } from './pack.ts';
import type { FindingView } from '../../store/schouw-store.ts';
import { SyncBadge } from '../ui/SyncBadge.tsx';
import { PhotoThumb } from './PhotoThumb.tsx';
import { schouwHref } from './routes.ts';

/** "Foto 1 van bevinding: Afvalbak, Afvalbak vol": the alt text of a finding's photo. */
export function photoAlt(t: FindingsT, finding: Pick<FindingView, 'element' | 'aspect'>, n: number): string {
  return t('finding.photoAlt', { n, element: findingLabel(t, 'element', finding.element), aspect: findingLabel(t, 'aspect', finding.aspect) });
}

/** One finding in the round's list: first photo, what, level, follow-up, and whether it (and its photos) left this phone. */
export function FindingCard({ finding, hasUnsentPhoto }: { finding: FindingView; hasUnsentPhoto: boolean }) {
  const t = useT(findingsPack);
  const first = finding.photos[0];
  return (
    <li>
      <a class="finding-card" href={schouwHref({ name: 'finding', id: finding.id })} data-testid="finding-card" data-finding-id={finding.id}>
        {first ? (
          <PhotoThumb sha256={first} thumbnail={finding.thumbnails[first]} alt={photoAlt(t, finding, 1)} size="small" />
        ) : (
          <span class="photo photo-small photo-missing">{t('finding.noPhoto')}</span>
        )}
        <span class="finding-card-body">
          <span class="finding-card-title">
            {findingLabel(t, 'element', finding.element)}: {findingLabel(t, 'aspect', finding.aspect)}
          </span>
          <span class="finding-card-meta">
            {t('finding.level')}: {findingLabel(t, 'level', finding.level)} · {t('finding.status')}: {findingLabel(t, 'findingStatus', finding.status)}
          </span>
          <span class="finding-card-badges">
            {finding.aspect === 'opportunity' && (
              <span class="badge badge-opportunity">
                <Sparkles class="inline-icon" aria-hidden="true" />
                {t('finding.opportunity')}
              </span>
            )}
            <SyncBadge state={finding.syncState} />
            {hasUnsentPhoto && (
              <span class="badge badge-photo-unsent" data-testid="photo-unsent">
                <Camera class="inline-icon" aria-hidden="true" />
                {t('finding.photoUnsent')}
              </span>
            )}
          </span>
        </span>
      </a>
    </li>
  );
}
