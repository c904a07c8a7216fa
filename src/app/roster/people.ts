/**
 * Who is who on the roster screens: the teams a person plans for, and how a
 * walker is named. Names of other people are not on the phone (only user
 * ids in the team records); a coordinator, online, gets them from the
 * account API, everyone else reads "Jij" and "Teamlid 2".
 */
import type { Team } from '../../domain/config-records.ts';
import type { Principal } from '../../domain/permissions.ts';
import type { RosterT } from './pack.ts';

/** The buurtpreventie teams the person plans for: a coordinator all of them, a member their own. */
export function patrolTeams(teams: readonly Team[], principal: Principal): Team[] {
  return teams.filter((team) => team.kind === 'buurtpreventie' && !team.hidden && (principal.role === 'coordinator' || principal.teamIds.includes(team.id)));
}

/** A walker's name as the screens say it. */
export function walkerName(t: RosterT, userId: string, me: string, team: Pick<Team, 'memberIds'> | undefined, names: ReadonlyMap<string, string>): string {
  if (userId === me) return t('roster.you');
  const known = names.get(userId);
  if (known) return known;
  const index = team?.memberIds.indexOf(userId) ?? -1;
  return t('roster.member', { n: index >= 0 ? index + 1 : '?' });
}
