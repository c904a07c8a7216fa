import { Camera, Sparkles } from 'lucide-preact';
import { BackLink } from './BackLink.tsx';
import '../ui/ui.css';
import './schouw.css';
import { meetsTarget } from '../../domain/schouw.ts';
import { mayDeleteFinding, mayUpdateFinding } from '../abilities.ts';
import { useApp } from '../context.ts';
import { useLive } from '../hooks.ts';
import { findingLabel } from './labels.ts';
import { useT } from '../i18n/use-t.ts';
import { findingsPack } from './pack.ts';
import { ConfirmButton } from '../ui/ConfirmButton.tsx';
import { DetailItem } from '../ui/DetailItem.tsx';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';
import { SyncBadge } from '../ui/SyncBadge.tsx';
import { photoAlt } from './FindingCard.tsx';
import { FollowUp } from './FollowUp.tsx';
import { hasUnsentPhoto, photoObjectsOf } from './photo-badge.ts';
import { PhotoThumb } from './PhotoThumb.tsx';
import { placeText } from './place-text.ts';
import { schouwHref, schouwPath } from './routes.ts';

/** `#/bevinding/<id>`: the finding, whether it meets the round's target, and its follow-up. */
export function FindingDetail({ id }: { id: string }) {
  const { principal, store, announce, navigate, lang } = useApp();
  const t = useT(findingsPack);
  const data = useLive(
    async (s) => {
      const finding = await s.schouw.getFinding(id);
      if (!finding) return null;
      const [schouw, activity, history, photoStates] = await Promise.all([
        s.schouw.getRound(finding.schouwId),
        s.activities.get(finding.schouwId),
        s.schouw.getFindingHistory(id),
        s.photos.states(photoObjectsOf(finding)),
      ]);
      return { finding, schouw, activity, history, photoStates };
    },
    [id],
  );

  if (data === undefined) return <ScreenTitle>{t('capture.loading')}</ScreenTitle>;
  if (data === null) {
    return (
      <>
        <ScreenTitle>{t('app.notFound.title')}</ScreenTitle>
        <p>{t('findingDetail.notFound')}</p>
      </>
    );
  }

  const { finding, schouw, activity, history, photoStates } = data;
  const element = findingLabel(t, 'element', finding.element);
  const aspect = findingLabel(t, 'aspect', finding.aspect);
  const meets = meetsTarget(finding.level, schouw.targetLevel);
  const roundHref = schouwHref({ name: 'round', activityId: finding.schouwId });
  const mayUpdate = mayUpdateFinding(principal, finding);

  const remove = () => {
    store.schouw.deleteFinding(id).then(
      () => {
        announce(t('findingDelete.done'));
        navigate({ name: 'schouw', path: schouwPath({ name: 'round', activityId: finding.schouwId }) }, { replace: true });
      },
      () => announce(t('round.saveFailed')),
    );
  };

  return (
    <>
      <ScreenTitle>{t('findingDetail.title', { element, aspect })}</ScreenTitle>
      <p class="round-meta">
        <span>
          {t('findingDetail.round')}: <a href={roundHref}>{activity?.title ?? t('round.notFound')}</a>
        </span>
        <SyncBadge state={finding.syncState} />
        {hasUnsentPhoto(photoObjectsOf(finding), photoStates) && (
          <span class="badge badge-photo-unsent" data-testid="photo-unsent">
            <Camera class="inline-icon" aria-hidden="true" />
            {t('finding.photoUnsent')}
          </span>
        )}
      </p>

      {finding.photos.length > 0 ? (
        <section aria-labelledby="detail-photos-title">
          <h2 id="detail-photos-title" class="visually-hidden">
            {t('findingDetail.photos')}
          </h2>
          <ul class="photo-gallery">
            {finding.photos.map((hash, i) => (
              <li key={hash}>
                <PhotoThumb sha256={hash} alt={photoAlt(t, finding, i + 1)} size="large" />
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <p class="muted">{t('finding.noPhoto')}</p>
      )}

      {mayUpdate && (
        <a class="button button-large button-block" href={schouwHref({ name: 'edit-finding', id })}>
          {t('findingDetail.edit')}
        </a>
      )}

      <dl class="details">
        <DetailItem term={t('findingDetail.what')}>
          {element}: {aspect}
          {finding.aspect === 'opportunity' && (
            <>
              {' '}
              <span class="badge badge-opportunity">
                <Sparkles class="inline-icon" aria-hidden="true" />
                {t('finding.opportunity')}
              </span>
            </>
          )}
        </DetailItem>
        <DetailItem term={t('findingDetail.where')}>{placeText(t, lang, finding)}</DetailItem>
        <DetailItem term={t('finding.level')}>
          {findingLabel(t, 'level', finding.level)}
          <span class={meets === false ? 'target target-miss' : 'target'} data-testid="meets-target">
            <span aria-hidden="true">{meets === null ? '–' : meets ? '✓' : '✗'}</span>
            {meets === null ? t('findingDetail.notRated') : t(meets ? 'findingDetail.meets' : 'findingDetail.notMeets', { target: schouw.targetLevel })}
          </span>
        </DetailItem>
        {finding.note && <DetailItem term={t('findingDetail.note')}>{finding.note}</DetailItem>}
        <DetailItem term={t('finding.status')}>{findingLabel(t, 'findingStatus', finding.status)}</DetailItem>
      </dl>

      <FollowUp finding={finding} history={history} mayUpdate={mayUpdate} />

      {mayDeleteFinding(principal, finding) && (
        <div class="danger-zone">
          <ConfirmButton
            variant="notice"
            label={t('findingDelete.button')}
            questionId="delete-question"
            question={t('findingDelete.confirm')}
            yes={t('findingDelete.yes')}
            no={t('findingDelete.no')}
            focus="no"
            onConfirm={remove}
          />
        </div>
      )}

      <p>
        <BackLink class="button button-block" parent={roundHref}>
          {t('findingDetail.back')}
        </BackLink>
      </p>
    </>
  );
}
