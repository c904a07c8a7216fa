import type { ObservationView, RoundView } from '../../store/patrol-roster-store.ts';
import { useApp } from '../context.ts';
import { useLive } from '../hooks.ts';
import { effortRows, monthRange, type EffortRow } from './roster-logic.ts';

export type Effort = { rows: EffortRow[]; rounds: RoundView[]; observations: ObservationView[] };

/**
 * The month's effort per team and buurt, its rounds and observations: a
 * coordinator's of every team, a member's of their own teams (the device
 * holds nothing else).
 */
export function useEffort(month: string): Effort | undefined {
  const { principal } = useApp();
  const teamIds = principal.role === 'coordinator' ? undefined : principal.teamIds;
  return useLive(
    async (store) => {
      const { from, until, first, last } = monthRange(month);
      const filter = { ...(teamIds ? { teamIds } : {}), from, until };
      const [rounds, slots, safety, publicSpace] = await Promise.all([
        store.roster.listRounds(filter),
        store.roster.listSlots({ ...(teamIds ? { teamIds } : {}), from: first, until: last }),
        store.roster.listSafetyObservations(filter),
        store.roster.listPublicSpaceObservations(filter),
      ]);
      const observations: ObservationView[] = [...safety, ...publicSpace].sort((a, b) => b.observedAt - a.observedAt);
      return { rows: effortRows({ rounds, slots, observations }), rounds, observations };
    },
    [month, teamIds?.join(',')],
  );
}
