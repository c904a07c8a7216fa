/** Whether an invite and its team can still be used; shared by the preview and the redemption. */
import { fieldValues, isDeleted, type SyncRecord } from '../domain/records.ts';
import type { InviteRow } from './db/invites.ts';

/** Why the invite cannot be used (a message for the person holding it), or null. */
export function unusableInvite(invite: InviteRow | null, now: number): string | null {
  if (!invite) return 'This invite is not valid. Check the link, or ask for a new invite.';
  if (invite.used_at !== null) return 'This invite has already been used. Ask for a new invite.';
  if (invite.expires_at <= now) return 'This invite has expired. Ask for a new invite.';
  return null;
}

/** The team record with its name and members, unless it is missing, deleted or not a team. */
export function usableTeam(record: SyncRecord | undefined): { record: SyncRecord; name: string; memberIds: string[] } | null {
  if (record?.type !== 'team' || isDeleted(record)) return null;
  const values = fieldValues(record);
  const memberIds = Array.isArray(values['memberIds']) ? values['memberIds'].filter((id): id is string => typeof id === 'string') : [];
  return { record, name: typeof values['name'] === 'string' ? values['name'] : record.id, memberIds };
}
