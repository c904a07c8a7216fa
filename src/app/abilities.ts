/**
 * What the person may do, for the UI: every answer comes from the domain's
 * one permission table (src/domain/permissions.ts), so a button shows
 * exactly when the server would accept what it does. Pure; tested in
 * tests/unit/app-abilities.test.ts.
 */
import type { Me } from '../domain/auth.ts';
import { CONFIG_RECORD_TYPES } from '../domain/codes.ts';
import { can, mayEver, mayMove, mayWriteField, scopeOf, teamIdsOf, type Principal, type RecordScope, type Role } from '../domain/permissions.ts';

type TeamLike = { readonly id: string; readonly memberIds: readonly string[] };
type ActivityLike = { readonly id: string; readonly buurtId: string; readonly teamId: string | null };
type ConfigLike = { readonly buurten: ReadonlyArray<{ readonly id: string }>; readonly teams: readonly TeamLike[] };

/**
 * The person as the table sees them. Team membership is the team records'
 * `memberIds` (as on the server), read from this device's copy so a change
 * of team reaches the UI with the pull that brings it; `me.teamIds` until
 * any team record is here.
 */
export function principalOf(me: Pick<Me, 'userId' | 'tenantId' | 'role' | 'buurtIds' | 'teamIds'>, teams: readonly TeamLike[] = []): Principal {
  return {
    userId: me.userId,
    tenantId: me.tenantId,
    role: me.role,
    buurtIds: me.buurtIds,
    teamIds: teams.length > 0 ? teamIdsOf(me.userId, teams) : me.teamIds,
  };
}

export type ActivityChoices<B, T> = {
  /** Buurten in which the person may create an activity (with some team, or none). */
  buurten: B[];
  /** Teams the person may file an activity under. */
  teams: T[];
  /** No activity without a team (volunteers: only their own teams' activities). */
  isTeamRequired: boolean;
};

/** The buurten and teams the activity form offers. */
export function activityChoices<B extends { readonly id: string }, T extends TeamLike>(
  principal: Principal,
  config: { readonly buurten: readonly B[]; readonly teams: readonly T[] },
): ActivityChoices<B, T> {
  const allowed = (buurtId: string, teamId: string | null) => can(principal, 'create', 'activity', { buurtIds: [buurtId], teamId });
  const teams = config.teams.filter((team) => config.buurten.some((buurt) => allowed(buurt.id, team.id)));
  const buurten = config.buurten.filter((buurt) => allowed(buurt.id, null) || teams.some((team) => allowed(buurt.id, team.id)));
  return { buurten, teams, isTeamRequired: !config.buurten.some((buurt) => allowed(buurt.id, null)) };
}

export type ActivityEditChoices<B, T> = {
  /** Buurten the activity may be moved to (where it is included); one: the buurt is not the person's to change. */
  buurten: B[];
  /** Teams it may be filed under (where it is included). */
  teams: T[];
  /** Whether "Geen team" is a choice the server would accept. */
  isNoTeamAllowed: boolean;
  /** Whether the person may change the buurt (`mayWriteField`, and a move the server accepts to another one). */
  isBuurtChangeable: boolean;
  isTeamChangeable: boolean;
};

/**
 * What the edit form offers for an activity's buurt and team: only the moves
 * the server accepts (`mayMove`: allowed in the old and the new scope, and a
 * change of buurt only with a buurt right in both). `to` is the draft, so
 * each half is judged with the other as it is chosen now.
 *
 * @example
 * activityEditChoices(volunteer, { buurtId: 'oranjebuurt', teamId: ORANJE }, draft, config).isBuurtChangeable // false
 */
export function activityEditChoices<B extends { readonly id: string }, T extends TeamLike>(
  principal: Principal,
  from: { readonly buurtId: string; readonly teamId: string | null },
  to: { readonly buurtId: string; readonly teamId: string | null },
  config: { readonly buurten: readonly B[]; readonly teams: readonly T[] },
): ActivityEditChoices<B, T> {
  const where = (buurtId: string, teamId: string | null): RecordScope => ({ buurtIds: [buurtId], teamId });
  const accepts = (buurtId: string, teamId: string | null) => mayMove(principal, 'activity', where(from.buurtId, from.teamId), where(buurtId, teamId));
  const buurten = config.buurten.filter((buurt) => buurt.id === from.buurtId || accepts(buurt.id, to.teamId));
  const teams = config.teams.filter((team) => team.id === from.teamId || accepts(to.buurtId, team.id));
  const isNoTeamAllowed = from.teamId === null || accepts(to.buurtId, null);
  const writes = (field: 'buurtId' | 'teamId') => mayWriteField(principal.role, 'activity', field);
  return {
    buurten,
    teams,
    isNoTeamAllowed,
    isBuurtChangeable: writes('buurtId') && buurten.some((buurt) => buurt.id !== from.buurtId),
    isTeamChangeable: writes('teamId') && (teams.some((team) => team.id !== from.teamId) || (from.teamId !== null && isNoTeamAllowed)),
  };
}

/** "Nieuwe activiteit": the role may create activities, and there is somewhere to put one. */
export function mayCreateActivity(principal: Principal, config: ConfigLike): boolean {
  return mayEver(principal.role, 'create', 'activity') && activityChoices(principal, config).buurten.length > 0;
}

export function mayEditActivity(principal: Principal, activity: ActivityLike): boolean {
  return can(principal, 'update', 'activity', scopeOf('activity', activity.id, activity));
}

export function mayDeleteActivity(principal: Principal, activity: ActivityLike): boolean {
  return can(principal, 'delete', 'activity', scopeOf('activity', activity.id, activity));
}

/** The counting buttons: attendance takes its scope from its activity. */
export function mayCount(principal: Principal, activity: ActivityLike): boolean {
  return can(principal, 'update', 'attendance', scopeOf('attendance', '', {}, activity));
}

/** The admin screens ("Beheer"): the role may change the configuration. */
export function mayManageConfig(role: Role): boolean {
  return CONFIG_RECORD_TYPES.some((type) => mayEver(role, 'update', type));
}

/** "Bevindingen" in the navigation: the role may read schouw findings somewhere (not the police). */
/** The monitoring dashboard: coordinators (the tenant) and professionals (their buurten); the server answers others 403. */
export function mayReadMonitoring(role: Role): boolean {
  return role === 'coordinator' || role === 'professional';
}

export function mayReadFindings(role: Role): boolean {
  return mayEver(role, 'read', 'finding');
}

type FindingLike = { readonly buurtId: string; readonly teamId: string | null };

/** The round's settings (kind, method, target level) and its participant counts: the schouw takes its activity's scope. */
export function mayUpdateSchouw(principal: Principal, activity: ActivityLike): boolean {
  return can(principal, 'update', 'schouw', scopeOf('schouw', '', {}, activity));
}

/** "Bevinding toevoegen": a finding gets its round's buurt and team, so the activity's scope decides. */
export function mayAddFinding(principal: Principal, activity: ActivityLike): boolean {
  return can(principal, 'create', 'finding', scopeOf('finding', '', { buurtId: activity.buurtId, teamId: activity.teamId }));
}

export function mayUpdateFinding(principal: Principal, finding: FindingLike): boolean {
  return can(principal, 'update', 'finding', scopeOf('finding', '', finding));
}

export function mayDeleteFinding(principal: Principal, finding: FindingLike): boolean {
  return can(principal, 'delete', 'finding', scopeOf('finding', '', finding));
}

/** A step in the follow-up: a history entry (carrying the finding's scope) and the finding's new status. */
export function mayChangeFindingStatus(principal: Principal, finding: FindingLike): boolean {
  return can(principal, 'create', 'findingStatusChange', scopeOf('findingStatusChange', '', finding)) && mayUpdateFinding(principal, finding);
}
