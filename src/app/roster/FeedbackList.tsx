import { useLive } from '../hooks.ts';
import { useT } from '../i18n/use-t.ts';
import { ObservationItem } from './ObservationItem.tsx';
import { rosterPack } from './pack.ts';

const SHOWN = 10;

/** What volunteers miss most: the wijkagent's reactions to the team's safety observations, newest first. */
export function FeedbackList({ teamId }: { teamId: string }) {
  const t = useT(rosterPack);
  const answered = useLive(
    async (store) => (await store.roster.listSafetyObservations({ teamIds: [teamId] })).filter((o) => o.reaction !== null).slice(0, SHOWN),
    [teamId],
  );
  return (
    <section class="roster-feedback" aria-labelledby="roster-feedback">
      <h2 id="roster-feedback">{t('roster.feedback')}</h2>
      {answered === undefined ? (
        <p class="muted">{t('app.loading')}</p>
      ) : answered.length === 0 ? (
        <p class="muted">{t('roster.noFeedback')}</p>
      ) : (
        <ul class="observation-list">
          {answered.map((observation) => (
            <ObservationItem key={observation.id} observation={observation} />
          ))}
        </ul>
      )}
    </section>
  );
}
