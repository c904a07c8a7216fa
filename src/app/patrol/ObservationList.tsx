import type { ObservationView } from '../../store/patrol-store.ts';
import { useApp } from '../context.ts';
import { useT } from '../i18n/use-t.ts';
import { SyncBadge } from '../ui/SyncBadge.tsx';
import { formatClock } from './format.ts';
import { TYPE_ICONS } from './icons.ts';
import { patrolPack } from './pack.ts';
import { patrolHref } from './routes.ts';
import { observationActionLabel, observationTypeLabel } from './labels.ts';

/** A round's observations, oldest first, each with the police's reaction when there is one. */
export function ObservationList({ roundId, observations }: { roundId: string; observations: readonly ObservationView[] }) {
  const { lang } = useApp();
  const t = useT(patrolPack);
  return (
    <section class="patrol-section" aria-labelledby="observations-title">
      <h2 id="observations-title">{t('patrolRound.observationsCount', { count: observations.length })}</h2>
      {observations.length === 0 ? (
        <p class="empty-state">{t('patrolRound.observationsNone')}</p>
      ) : (
        <ul class="patrol-observations">
          {observations.map((observation) => {
            const Icon = TYPE_ICONS[observation.type];
            return (
              <li key={observation.id}>
                <a class="patrol-observation" href={patrolHref({ name: 'observation', roundId, id: observation.id })}>
                  <Icon aria-hidden="true" size={24} />
                  <span class="patrol-observation-text">
                    <strong>{observationTypeLabel(t, observation.type)}</strong>
                    <span>
                      {formatClock(lang, observation.observedAt)}
                      {observation.action !== 'none' && ` · ${observationActionLabel(t, observation.action)}`}
                    </span>
                    {observation.reaction && (
                      <span class="patrol-reaction">
                        {t(observation.reaction.state === 'handled' ? 'patrolObs.reactionHandled' : 'patrolObs.reactionSeen')}
                        {observation.reaction.text !== '' && `: ${observation.reaction.text}`}
                      </span>
                    )}
                    <SyncBadge state={observation.syncState} />
                  </span>
                </a>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
