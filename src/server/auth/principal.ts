/**
 * The person behind a request as the permission table sees them (domain
 * `Principal`): role and buurten from their user row, teams from the
 * tenant's team records (`memberIds`), so a change of team reaches the
 * server's decisions as soon as the team record changes.
 */
import type { Kysely, Transaction } from 'kysely';
import { teamIdsOf, type Principal } from '../../domain/permissions.ts';
import { fieldValues, isDeleted, type SyncRecord } from '../../domain/records.ts';
import { loadRecordsOfType } from '../db/records.ts';
import type { Schema } from '../db/schema.ts';
import type { UserAccount } from '../db/users.ts';

type Db = Kysely<Schema> | Transaction<Schema>;

export async function principalOf(db: Db, user: UserAccount): Promise<Principal> {
  const teams = await teamMemberships(db, user.tenantId);
  return { userId: user.id, tenantId: user.tenantId, role: user.role, buurtIds: user.buurtIds, teamIds: teamIdsOf(user.id, teams) };
}

/** The tenant's teams with their members; a deleted team has none. */
export async function teamMemberships(db: Db, tenantId: string): Promise<Array<{ id: string; memberIds: string[] }>> {
  return membershipsOf(await loadRecordsOfType(db, tenantId, 'team'));
}

export function membershipsOf(teams: readonly SyncRecord[]): Array<{ id: string; memberIds: string[] }> {
  return teams
    .filter((team) => !isDeleted(team))
    .map((team) => {
      const memberIds = fieldValues(team)['memberIds'];
      return { id: team.id, memberIds: Array.isArray(memberIds) ? memberIds.filter((id): id is string => typeof id === 'string') : [] };
    });
}
