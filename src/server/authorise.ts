/**
 * The permission table (domain/permissions.ts) applied to synced records:
 * which action a mutation is, whether the principal may do it, what they may
 * read. No rule lives here — only how a record's scope is found.
 */
import { PERMISSIONS, can, scopeOf, type Action, type Principal, type RecordScope } from '../domain/permissions.ts';
import { fieldValues, type RecordType, type SyncRecord } from '../domain/records.ts';
import type { Mutation } from '../domain/protocol.ts';

export type WriteAction = Exclude<Action, 'read'>;

/** 'create' without a stored record, 'delete' when the mutation sets the tombstone, else 'update'. */
export function actionOf(mutation: Mutation, stored: SyncRecord | undefined): WriteAction {
  if (!stored) return 'create';
  return mutation.fields['deleted']?.v === true ? 'delete' : 'update';
}

/** The activity an attendance record counts, by its `activityId` (in the mutation or the stored record). */
export function parentIdOf(mutation: Pick<Mutation, 'recordType' | 'fields'>, stored: SyncRecord | undefined): string | null {
  if (mutation.recordType !== 'attendance') return null;
  const id = mutation.fields['activityId']?.v ?? stored?.fields['activityId']?.v;
  return typeof id === 'string' ? id : null;
}

export function recordScope(record: SyncRecord, parent?: SyncRecord): RecordScope {
  return scopeOf(record.type, record.id, fieldValues(record), parent ? fieldValues(parent) : undefined);
}

/**
 * Whether the principal may make this change: allowed on the record as it is
 * stored (if it is) AND as it will be after the merge — moving an activity
 * out of your buurt changes both. Returns a refusal a person understands, or null.
 */
export function refusalOf(principal: Principal, action: Action, stored: SyncRecord | undefined, merged: SyncRecord, parent: SyncRecord | undefined): string | null {
  const allowed = (stored === undefined || can(principal, action, stored.type, recordScope(stored, parent))) && can(principal, action, merged.type, recordScope(merged, parent));
  return allowed ? null : refusalMessage(principal, action, merged.type);
}

/** Whether the principal may read the record (attendance: by its activity, `parent`). */
export function mayRead(principal: Principal, record: SyncRecord, parent: SyncRecord | undefined): boolean {
  return can(principal, 'read', record.type, recordScope(record, parent));
}

const PLURAL: Readonly<Record<RecordType, string>> = {
  activity: 'activities',
  attendance: 'attendance counts',
  buurt: 'buurten',
  partner: 'partners',
  theme: 'themes',
  activityType: 'activity types',
  project: 'projects',
  team: 'teams',
};

function refusalMessage(principal: Principal, action: Action, type: RecordType): string {
  const scope = PERMISSIONS[type][principal.role][action];
  const who = `As a ${principal.role} you may`;
  if (scope === 'buurt') return `${who} ${action} ${PLURAL[type]} only in your own buurten; this one is elsewhere. Ask a coordinator if it should be yours.`;
  if (scope === 'team') return `${who} ${action} ${PLURAL[type]} only of your own teams; this one belongs to no team of yours. Ask a coordinator to add you to the team.`;
  return `${who} not ${action} ${PLURAL[type]}; ask a coordinator.`;
}
