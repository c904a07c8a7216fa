/**
 * The permission table (domain/permissions.ts) applied to synced records:
 * which action a mutation is, whether the principal may do it, what they may
 * read. No rule of the table lives here — only how a record's scope is
 * found, and the one thing a parent adds (`parentRefusalOf`).
 */
import { PERMISSIONS, can, isScopedByActivity, scopeFromParent, scopeOf, type Action, type Principal, type RecordScope } from '../domain/permissions.ts';
import { RECORD_DEFINITIONS, RECORD_TYPES, fieldValues, type RecordDefinition, type RecordType, type SyncRecord } from '../domain/records.ts';
import { stableStringify } from '../domain/merge.ts';
import type { Mutation } from '../domain/protocol.ts';

export type WriteAction = Exclude<Action, 'read'>;

/** 'create' without a stored record, 'delete' when the mutation sets the tombstone, else 'update'. */
export function actionOf(mutation: Mutation, stored: SyncRecord | undefined): WriteAction {
  if (!stored) return 'create';
  return mutation.fields['deleted']?.v === true ? 'delete' : 'update';
}

/**
 * The record a record belongs to (registry: `RECORD_DEFINITIONS[type].parent`),
 * by the field naming it, in the mutation or else the stored record:
 * attendance and schouw → their activity, a finding → its schouw's activity,
 * a status change → its finding.
 */
export function parentIdOf(mutation: Pick<Mutation, 'recordType' | 'fields'>, stored: SyncRecord | undefined): string | null {
  const parent = parentRuleOf(mutation.recordType);
  if (!parent) return null;
  const id = mutation.fields[parent.field]?.v ?? stored?.fields[parent.field]?.v;
  return typeof id === 'string' ? id : null;
}

/** The parent whose scope a record takes (attendance, schouw: their activity), or null. */
export function scopeParentIdOf(record: SyncRecord): string | null {
  return isScopedByActivity(record.type) ? parentIdOf({ recordType: record.type, fields: record.fields }, undefined) : null;
}

export function parentRuleOf(recordType: string): RecordDefinition['parent'] {
  return Object.hasOwn(RECORD_DEFINITIONS, recordType) ? RECORD_DEFINITIONS[recordType as RecordType].parent : undefined;
}

/** A record's scope; `parent` is used only by the types scoped by their activity. */
export function recordScope(record: SyncRecord, parent?: SyncRecord): RecordScope {
  return scopeOf(record.type, record.id, fieldValues(record), parent && isScopedByActivity(record.type) ? fieldValues(parent) : undefined);
}

/**
 * Whether the principal may make this change: allowed on the record as it is
 * stored (if it is) AND as it will be after the merge — moving an activity
 * out of your buurt changes both. Returns a refusal a person understands, or null.
 */
export function refusalOf(
  principal: Principal,
  action: Action,
  stored: SyncRecord | undefined,
  merged: SyncRecord,
  parent: SyncRecord | undefined,
): string | null {
  const allowed =
    (stored === undefined || can(principal, action, stored.type, recordScope(stored, parent))) &&
    can(principal, action, merged.type, recordScope(merged, parent));
  return allowed ? null : refusalMessage(principal, action, merged.type);
}

/**
 * What the parent adds to the permission table: a finding goes only into a
 * schouw the person can see, and follow-up is recorded only on a finding the
 * person may change. Checked on the write that sets the parent (creating, or
 * moving to another parent). Returns a refusal, or null.
 */
export function parentRefusalOf(principal: Principal, mutation: Mutation, stored: SyncRecord | undefined, parent: SyncRecord): string | null {
  const rule = parentRuleOf(mutation.recordType);
  if (stored !== undefined && (rule === undefined || !(rule.field in mutation.fields))) return null;
  const who = `As a ${principal.role} you may`;
  if (mutation.recordType === 'finding' && !mayRead(principal, parent, undefined)) {
    return `${who} add findings only to a schouw you take part in; this one is not yours. Ask a coordinator to add you to its team.`;
  }
  if (mutation.recordType === 'findingStatusChange' && !can(principal, 'update', 'finding', recordScope(parent))) {
    return `${who} record follow-up only on findings you may change; this finding is not yours to change.`;
  }
  const childType = mutation.recordType as RecordType;
  if (Object.hasOwn(RECORD_DEFINITIONS, childType) && scopeFromParent(childType).length > 0 && !mayRead(principal, parent, undefined)) {
    return `${who} add ${PLURAL[childType]} only to a ${PARENT_NOUN[parent.type] ?? parent.type} you can see; this one is not yours.`;
  }
  if (mutation.recordType === 'observationStatusChange' && !can(principal, 'update', 'publicSpaceObservation', recordScope(parent))) {
    return `${who} record follow-up only on observations you may change; this observation is not yours to change.`;
  }
  return null;
}

/**
 * What never changes once stored (`fixed`: a round's or slot's team, an
 * observation's round), so a round's observations never leave its team. A
 * child's scope itself is its parent's by SCOPE_FROM_PARENT (field-rules.ts,
 * which copies it before this check). Checked for everyone, the server too.
 * Returns a refusal, or null.
 */
export function consistencyProblemOf(mutation: Mutation, stored: SyncRecord | undefined, merged: SyncRecord): string | null {
  const definition = RECORD_DEFINITIONS[merged.type];
  for (const name of definition.fixed ?? []) {
    const field = mutation.fields[name];
    if (stored && field && Object.hasOwn(stored.fields, name) && stableStringify(stored.fields[name]?.v) !== stableStringify(field.v)) {
      return `The ${name} of ${PLURAL[merged.type]} never changes once made; make a new one instead.`;
    }
  }
  return null;
}

/** Whether the principal may read the record (attendance, schouw: by their activity, `parent`). */
export function mayRead(principal: Principal, record: SyncRecord, parent: SyncRecord | undefined): boolean {
  return can(principal, 'read', record.type, recordScope(record, parent));
}

/** The parents of patrol records, as a person calls them. */
const PARENT_NOUN: Partial<Record<RecordType, string>> = {
  patrolSlot: 'roster slot',
  patrolRound: 'patrol round',
  safetyObservation: 'safety observation',
  publicSpaceObservation: 'public-space observation',
};

const PLURAL: Readonly<Record<RecordType, string>> = {
  activity: 'activities',
  attendance: 'attendance counts',
  schouw: 'schouw rounds',
  finding: 'findings',
  findingStatusChange: 'follow-up history entries',
  patrolSlot: 'roster slots',
  patrolSignUp: 'roster sign-ups',
  patrolRound: 'patrol rounds',
  safetyObservation: 'safety observations',
  publicSpaceObservation: 'public-space observations',
  observationStatusChange: 'follow-up history entries',
  observationReaction: 'reactions to observations',
  buurt: 'buurten',
  partner: 'partners',
  theme: 'themes',
  activityType: 'activity types',
  project: 'projects',
  team: 'teams',
  patrolSettings: 'patrol settings',
  residentCount: 'resident counts',
  indicatorTarget: 'indicator targets',
  cbsFigures: 'CBS figures',
};

function refusalMessage(principal: Principal, action: Action, type: RecordType): string {
  const scope = PERMISSIONS[type][principal.role][action];
  const who = `As a ${principal.role} you may`;
  if (scope === 'none' && RECORD_DEFINITIONS[type].isAppendOnly && action !== 'create') {
    return `${who} not ${action} ${PLURAL[type]}: the history is append-only. Add a new entry instead.`;
  }
  if (scope === 'buurt') return `${who} ${action} ${PLURAL[type]} only in your own buurten; this one is elsewhere. Ask a coordinator if it should be yours.`;
  if (scope === 'team')
    return `${who} ${action} ${PLURAL[type]} only of your own teams; this one belongs to no team of yours. Ask a coordinator to add you to the team.`;
  return `${who} not ${action} ${PLURAL[type]}; ask a coordinator.`;
}

/**
 * Who may upload photos: anyone whose role may make or change some record
 * that shows photos (a finding). A photo usually arrives before or after its
 * record, so the upload is not tied to one; it is SERVED only to those who
 * may read a record that shows it (routes/photos.ts).
 */
export function mayUploadPhotos(role: Principal['role']): boolean {
  return RECORD_TYPES.some(
    (type) =>
      Object.hasOwn(RECORD_DEFINITIONS[type].fields, 'photos') && (PERMISSIONS[type][role].create !== 'none' || PERMISSIONS[type][role].update !== 'none'),
  );
}
