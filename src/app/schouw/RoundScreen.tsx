import { Plus } from 'lucide-preact';
import '../ui/ui.css';
import './schouw.css';
import { mayAddFinding, mayUpdateSchouw } from '../abilities.ts';
import { useApp } from '../context.ts';
import { formatDate } from '../format.ts';
import { useLive } from '../hooks.ts';
import { useT } from '../i18n/use-t.ts';
import { findingsPack } from './pack.ts';
import { buurtName } from '../i18n/labels.ts';
import { LIST, hrefOf } from '../router.ts';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';
import { SyncBadge } from '../ui/SyncBadge.tsx';
import { FindingCard } from './FindingCard.tsx';
import { Participants } from './Participants.tsx';
import { hasUnsentPhoto, photoObjectsOf } from './photo-badge.ts';
import { RoundSettings } from './RoundSettings.tsx';
import { schouwHref } from './routes.ts';

/** `#/schouw/<activityId>`: the round — add a finding, see the findings, count who takes part, set the round up. */
export function RoundScreen({ activityId }: { activityId: string }) {
  const { config, principal, lang } = useApp();
  const t = useT(findingsPack);
  const data = useLive(
    async (store) => {
      const activity = await store.activities.get(activityId);
      if (!activity || activity.deleted) return null;
      const [schouw, findings] = await Promise.all([store.schouw.getRound(activityId), store.schouw.listFindings({ schouwId: activityId })]);
      const photoStates = await store.photos.states(findings.flatMap(photoObjectsOf));
      return { activity, schouw, findings, photoStates };
    },
    [activityId],
  );

  if (data === undefined) return <ScreenTitle>{t('round.loading')}</ScreenTitle>;
  if (data === null) {
    return (
      <>
        <ScreenTitle>{t('app.notFound.title')}</ScreenTitle>
        <p>{t('round.notFound')}</p>
        <a class="button" href={hrefOf(LIST)}>
          {t('app.backToList')}
        </a>
      </>
    );
  }

  const { activity, schouw, findings, photoStates } = data;
  const isReadOnly = !mayUpdateSchouw(principal, activity);
  return (
    <>
      <ScreenTitle>{activity.title}</ScreenTitle>
      <p class="round-meta">
        <span>{formatDate(lang, activity.date)}</span>
        <span aria-hidden="true">·</span>
        <span>{buurtName(t, config, activity.buurtId)}</span>
        <SyncBadge state={schouw.syncState} />
      </p>
      {mayAddFinding(principal, activity) && (
        <a class="button button-primary button-large button-block round-add" href={schouwHref({ name: 'new-finding', activityId })}>
          <Plus class="inline-icon" aria-hidden="true" />
          {t('round.add')}
        </a>
      )}
      {isReadOnly && <p class="muted">{t('round.readOnly')}</p>}

      <section aria-labelledby="findings-title" class="round-section">
        <h2 id="findings-title">{t('round.findingsCount', { count: findings.length })}</h2>
        {findings.length === 0 ? (
          <p class="empty-state">{t('round.findingsNone')}</p>
        ) : (
          <ul class="finding-list">
            {findings.map((finding) => (
              <FindingCard key={finding.id} finding={finding} hasUnsentPhoto={hasUnsentPhoto(photoObjectsOf(finding), photoStates)} />
            ))}
          </ul>
        )}
      </section>

      <Participants activityId={activityId} schouw={schouw} isReadOnly={isReadOnly} />
      <RoundSettings activityId={activityId} schouw={schouw} isReadOnly={isReadOnly} />

      <nav aria-labelledby="round-more-title" class="round-section">
        <h2 id="round-more-title">{t('round.more')}</h2>
        <ul class="link-list">
          <li>
            <a class="button button-block" href={schouwHref({ name: 'round-open', activityId })}>
              {t('round.openFindings')}
            </a>
          </li>
          <li>
            <a class="button button-block" href={schouwHref({ name: 'feedback', activityId })}>
              {t('round.feedback')}
            </a>
          </li>
          <li>
            <a class="button button-block" href={schouwHref({ name: 'report', activityId })}>
              {t('round.report')}
            </a>
          </li>
          <li>
            <a class="button button-block" href={hrefOf({ name: 'detail', id: activityId })}>
              {t('round.activity')}: {activity.title}
            </a>
          </li>
        </ul>
      </nav>
    </>
  );
}
