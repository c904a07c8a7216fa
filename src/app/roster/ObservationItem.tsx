import type { ComponentChildren } from 'preact';
import type { ObservationView } from '../../store/patrol-roster-store.ts';
import { useApp } from '../context.ts';
import { buurtName } from '../i18n/labels.ts';
import { dateFormat } from '../format.ts';
import { useT } from '../i18n/use-t.ts';
import { SyncBadge } from '../ui/SyncBadge.tsx';
import { observationActionLabel, observationTypeLabel } from '../patrol/labels.ts';
import { patrolPack } from '../patrol/pack.ts';
import { rosterPack } from './pack.ts';

/** One observation: type, when, buurt, note, action, and the wijkagent's reaction (safety only). */
export function ObservationItem({ observation, children }: { observation: ObservationView; children?: ComponentChildren }) {
  const { config, lang } = useApp();
  const t = useT(rosterPack, patrolPack);
  const when = dateFormat(lang, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(observation.observedAt);
  const reaction = observation.kind === 'safety' ? observation.reaction : null;
  const titleId = `observation-${observation.id}`;
  return (
    <li class="observation-item" aria-labelledby={titleId} data-testid="observation">
      <h3 id={titleId} class="observation-type">
        {observationTypeLabel(t, observation.type)}
      </h3>
      <p class="slot-line muted">
        {when} · {buurtName(t, config, observation.buurtId)}
      </p>
      {observation.note && <p class="slot-line">{observation.note}</p>}
      <p class="slot-line">{t('police.action', { action: observationActionLabel(t, observation.action) })}</p>
      {observation.kind === 'safety' && (
        <p class={`reaction reaction-${reaction?.state ?? 'none'}`} data-testid="reaction">
          <strong>{t(reaction ? `policeReaction.${reaction.state}` : 'policeReaction.none')}</strong>
          {reaction?.text && <span>: {reaction.text}</span>}
        </p>
      )}
      <SyncBadge state={observation.syncState} />
      {children}
    </li>
  );
}
