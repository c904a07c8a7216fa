/**
 * The teams a person plans for on the roster screens. How a walker is named
 * is the patrol's (walkerName in patrol/labels.ts, with useMemberNames).
 */
import type { Team } from '../../domain/config-records.ts';
import type { Principal } from '../../domain/permissions.ts';

/** The buurtpreventie teams the person plans for: a coordinator all of them, a member their own. */
export function patrolTeams(teams: readonly Team[], principal: Principal): Team[] {
  return teams.filter((team) => team.kind === 'buurtpreventie' && !team.hidden && (principal.role === 'coordinator' || principal.teamIds.includes(team.id)));
}
