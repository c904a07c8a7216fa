/**
 * The buurtpreventie teams a person walks with: their teams (principal,
 * from the team records' members) of kind `buurtpreventie`. The bottom
 * navigation shows "Ronde" when there is one. Pure.
 */
import type { Team } from '../../domain/config-records.ts';
import type { Principal } from '../../domain/permissions.ts';

export function patrolTeamsOf(principal: Pick<Principal, 'teamIds'>, teams: readonly Team[]): Team[] {
  return teams.filter((team) => team.kind === 'buurtpreventie' && !team.hidden && principal.teamIds.includes(team.id));
}
