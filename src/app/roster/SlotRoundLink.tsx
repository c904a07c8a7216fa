import type { ComponentChildren } from 'preact';
import type { SlotView } from '../../store/patrol-roster-store.ts';
import { useApp } from '../context.ts';
import { useT } from '../i18n/use-t.ts';
import { patrolHref } from '../patrol/routes.ts';
import { rosterPack } from './pack.ts';
import { slotRoundAction } from './roster-logic.ts';
import { rosterHref } from './routes.ts';

/**
 * A slot's round, on the slot card and on the next-slot card: "Ronde
 * starten" from half an hour before the slot until its end (to the start
 * form, filled in from the slot), "Ronde loopt" once a round was started
 * from it, "Ronde gelopen" after. `fallback` shows when there is nothing to
 * say about the round.
 */
export function SlotRoundLink({ slot, now, block = false, fallback = null }: { slot: SlotView; now: number; block?: boolean; fallback?: ComponentChildren }) {
  const { principal } = useApp();
  const t = useT(rosterPack);
  const action = slotRoundAction(slot, now, principal.teamIds);
  const size = block ? ' button-block' : '';
  if (action === null) return <>{fallback}</>;
  if (action.kind === 'start') {
    return (
      <a class={`button button-primary${size}`} href={patrolHref({ name: 'start', slotId: slot.id })} data-testid="slot-start">
        {t('roster.startRound')}
      </a>
    );
  }
  // A member walks on in the round itself; everyone else reads the round's report.
  const isMember = principal.teamIds.includes(slot.teamId);
  const href = action.kind === 'running' && isMember ? patrolHref({ name: 'round', id: action.roundId }) : rosterHref({ name: 'round', id: action.roundId });
  return (
    <a class={`button${size}`} href={href} data-testid="slot-round">
      {action.kind === 'running' ? t('roster.roundRunning') : t('roster.roundWalked')}
    </a>
  );
}
