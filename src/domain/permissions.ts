/**
 * Who may do what: ONE table, used by the server to authorise every push and
 * filter every pull, and by the app to offer only what a person may do.
 * README.md renders the same table for people.
 *
 * Scopes:
 * - `all`   every record of the tenant;
 * - `buurt` records about one of the person's buurten (a person without
 *           buurten assigned works in all buurten of the tenant);
 * - `team`  records of one of the person's teams (membership: the team
 *           record's `memberIds`);
 * - `none`  never.
 */
import type { FieldMap, FieldValue } from './merge.ts';
import type { RecordType, SyncRecord } from './records.ts';

export const ROLES = ['coordinator', 'professional', 'police', 'volunteer'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = ['create', 'read', 'update', 'delete'] as const;
export type Action = (typeof ACTIONS)[number];

export type Scope = 'all' | 'buurt' | 'team' | 'none';

/** The person behind a request, as the server derives it from the device token. */
export type Principal = {
  readonly userId: string;
  readonly tenantId: string;
  readonly role: Role;
  /** Empty: all buurten of the tenant. */
  readonly buurtIds: readonly string[];
  readonly teamIds: readonly string[];
};

/** What a record is about: its buurten and the team it belongs to. */
export type RecordScope = { readonly buurtIds: readonly string[]; readonly teamId: string | null };

type Row = Readonly<Record<Action, Scope>>;
const rw = (scope: Scope): Row => ({ create: scope, read: scope, update: scope, delete: scope });
const readOnly = (scope: Scope): Row => ({ create: 'none', read: scope, update: 'none', delete: 'none' });
const CONFIG: Readonly<Record<Role, Row>> = { coordinator: rw('all'), professional: readOnly('all'), police: readOnly('all'), volunteer: readOnly('all') };
/**
 * Schouw rounds and their findings: professionals in their buurten,
 * residents (volunteers of the schouw group) in their team's rounds; not the
 * police — schouw data is about public space, for those who look after it.
 */
const SCHOUW: Readonly<Record<Role, Row>> = {
  coordinator: rw('all'),
  professional: rw('buurt'),
  police: rw('none'),
  volunteer: { create: 'team', read: 'team', update: 'team', delete: 'none' },
};

/**
 * Buurtpreventie: the team walks and logs (its own rounds, roster and
 * observations; other teams nothing), coordinators see all of their tenant.
 * Professionals and police see only their kind of observation (below).
 */
const PATROL_TEAM: Readonly<Record<Role, Row>> = {
  coordinator: rw('all'),
  professional: rw('none'),
  police: rw('none'),
  volunteer: { create: 'team', read: 'team', update: 'team', delete: 'none' },
};

/** The monitoring dashboard's settings: coordinators keep them, professionals read them; police and volunteers have no dashboard. */
const MONITORING: Readonly<Record<Role, Row>> = { coordinator: rw('all'), professional: readOnly('all'), police: rw('none'), volunteer: rw('none') };

export const PERMISSIONS: Readonly<Record<RecordType, Readonly<Record<Role, Row>>>> = {
  activity: {
    coordinator: rw('all'),
    professional: rw('buurt'),
    police: readOnly('buurt'),
    volunteer: { create: 'team', read: 'team', update: 'team', delete: 'none' },
  },
  // Attendance takes its scope from its activity; nobody deletes counts, they count down.
  attendance: {
    coordinator: rw('all'),
    professional: { create: 'buurt', read: 'buurt', update: 'buurt', delete: 'none' },
    police: readOnly('buurt'),
    volunteer: { create: 'team', read: 'team', update: 'team', delete: 'none' },
  },
  // The schouw takes its scope from its activity, like attendance.
  schouw: SCHOUW,
  // A finding carries its schouw's buurt and team.
  finding: SCHOUW,
  // Follow-up history: made by those who may change the finding (the server checks that too), read like it, never changed.
  findingStatusChange: {
    coordinator: { create: 'all', read: 'all', update: 'none', delete: 'none' },
    professional: { create: 'buurt', read: 'buurt', update: 'none', delete: 'none' },
    police: rw('none'),
    volunteer: { create: 'team', read: 'team', update: 'none', delete: 'none' },
  },
  // Roster slots and sign-ups (a sign-up carries its slot's team; sign-off is `signedUp: false`, never a delete).
  patrolSlot: { ...PATROL_TEAM, volunteer: rw('team') },
  patrolSignUp: PATROL_TEAM,
  // A round: the team's own. The police of the buurt read only when and where (HIDDEN_FIELDS: the route only when the team
  // shares it; never walkers, outcome or summary), so a shared track reaches them; professionals never see rounds.
  patrolRound: { ...PATROL_TEAM, police: readOnly('buurt') },
  // Safety observations (no photo, never persons): the police read those of their buurten.
  safetyObservation: { ...PATROL_TEAM, police: readOnly('buurt') },
  // Public-space observations: professionals of the buurt read and follow them up (status, melding), as findings.
  publicSpaceObservation: { ...PATROL_TEAM, professional: { create: 'none', read: 'buurt', update: 'buurt', delete: 'none' } },
  // Their follow-up history: as findingStatusChange, made by those who may change the observation.
  observationStatusChange: {
    coordinator: { create: 'all', read: 'all', update: 'none', delete: 'none' },
    professional: { create: 'buurt', read: 'buurt', update: 'none', delete: 'none' },
    police: rw('none'),
    volunteer: { create: 'team', read: 'team', update: 'none', delete: 'none' },
  },
  // The police's reaction to a safety observation: the one thing the police write; the team reads it.
  observationReaction: {
    coordinator: rw('all'),
    professional: rw('none'),
    police: { create: 'buurt', read: 'buurt', update: 'buurt', delete: 'none' },
    volunteer: readOnly('team'),
  },
  buurt: CONFIG,
  partner: CONFIG,
  theme: CONFIG,
  activityType: CONFIG,
  project: CONFIG,
  // A team's member list is visible to its own members, not to every volunteer.
  team: { coordinator: rw('all'), professional: readOnly('all'), police: readOnly('all'), volunteer: readOnly('team') },
  patrolSettings: CONFIG,
  // Monitoring settings (resident counts, 0-meting and targets): the coordinator types them, professionals read them for the dashboard.
  residentCount: MONITORING,
  indicatorTarget: MONITORING,
  cbsFigures: MONITORING,
};

/**
 * Field-level rules, the second half of the table (the server enforces them
 * on every push; README "Who may do what"):
 *
 * - who made a record and when (`by`, `at`) are set by the server: `by` is
 *   the principal's user id on the creating write, `at` is at most the
 *   server's clock then, and neither ever changes afterwards;
 * - a child's buurt and team (a finding, a follow-up entry, a patrol child)
 *   are copied from its parent by the server, whatever was sent (`SCOPE_FROM_PARENT`);
 * - `deleted` needs the delete right, both ways: deleting and undeleting;
 * - a move to another buurt needs a buurt right in the old and the new
 *   buurt (a team right never covers a buurt); another team, the team right in both.
 *
 * Every other field of a type is written by whoever may update it.
 */
export const SERVER_SET_FIELDS: Readonly<Partial<Record<RecordType, ServerSetFields>>> = {
  activity: { by: 'createdBy', at: 'createdAt' },
  finding: { by: 'createdBy', at: 'createdAt' },
  findingStatusChange: { by: 'by', at: 'at' },
  patrolSlot: { by: 'createdBy', at: 'createdAt' },
  patrolRound: { by: 'createdBy', at: 'createdAt' },
  safetyObservation: { by: 'createdBy', at: 'createdAt' },
  publicSpaceObservation: { by: 'createdBy', at: 'createdAt' },
  observationStatusChange: { by: 'by', at: 'at' },
  // Who reacted *last*: the writer of every change, not only of the first.
  observationReaction: { by: 'by', at: 'at', onEveryWrite: true },
};

/**
 * Who made a record (`by`) and when (`at`); `onEveryWrite`: who changed it
 * last, set on every write instead of only the creating one.
 */
export type ServerSetFields = { readonly by: string; readonly at: string; readonly onEveryWrite?: boolean };

export const SCOPE_FIELDS = ['buurtId', 'teamId'] as const;
export type ScopeField = (typeof SCOPE_FIELDS)[number];

/**
 * Scope follows the parent — ONE rule for findings and patrol children: the
 * fields listed are copied by the server from the parent record (a finding's
 * and its follow-up's from the schouw's activity and the finding, a patrol
 * child's team from its slot, round or observation), whatever was sent, so a
 * child can never be carried out of its parent's sight.
 */
export const SCOPE_FROM_PARENT: Readonly<Partial<Record<RecordType, readonly ScopeField[]>>> = {
  finding: ['buurtId', 'teamId'],
  findingStatusChange: ['buurtId', 'teamId'],
  patrolSignUp: ['teamId'],
  safetyObservation: ['teamId'],
  publicSpaceObservation: ['teamId'],
  observationStatusChange: ['buurtId', 'teamId'],
  observationReaction: ['buurtId', 'teamId'],
};

/** The scope fields of a `type` record that the server takes from its parent (none: the record's own). */
export function scopeFromParent(type: RecordType): readonly ScopeField[] {
  return SCOPE_FROM_PARENT[type] ?? [];
}

/**
 * Field-level reading, the third half of the table: fields a role that may
 * read a record still does not get. The server serves such a field with its
 * empty value instead (`withHiddenFields`, on every pull), so a device that
 * once had the value loses it at its next pull. `unless` names a boolean
 * field of the record that, when true, shows the field after all: the route
 * track reaches the police only when the team shares it
 * (`shareTrackWithPolice`). Professionals read no rounds at all; should they
 * ever, the track stays the team's (and the coordinators').
 */
export const HIDDEN_FIELDS: Readonly<Partial<Record<RecordType, Partial<Record<Role, Readonly<Record<string, HiddenField>>>>>>> = {
  patrolRound: {
    police: {
      track: { empty: null, unless: 'shareTrackWithPolice' },
      startPoint: { empty: null, unless: 'shareTrackWithPolice' },
      walkers: { empty: [] },
      outcome: { empty: null },
      summary: { empty: '' },
    },
    professional: { track: { empty: null }, startPoint: { empty: null }, walkers: { empty: [] }, outcome: { empty: null }, summary: { empty: '' } },
  },
};

/** A field a reader does not get: served as `empty`, unless the record's boolean field `unless` is true. */
type HiddenField = { readonly empty: unknown; readonly unless?: string };

/**
 * The record as `role` may read it (HIDDEN_FIELDS): each hidden field holds
 * its empty value. Its stamp is the later of the field's own and the
 * `unless` field's, in both states, so what a reader is served always wins
 * over what it was served before: sharing, then no longer sharing, then
 * sharing again each reach a device that already holds the round.
 */
export function withHiddenFields<T extends SyncRecord>(role: Role, record: T): T {
  const hidden = HIDDEN_FIELDS[record.type]?.[role];
  if (!hidden) return record;
  let fields: FieldMap | null = null;
  for (const [name, rule] of Object.entries(hidden)) {
    const field = Object.hasOwn(record.fields, name) ? record.fields[name] : undefined;
    if (!field) continue;
    const gate = rule.unless !== undefined && Object.hasOwn(record.fields, rule.unless) ? record.fields[rule.unless] : undefined;
    const isShown = gate?.v === true;
    const t = gate && gate.t > field.t ? gate.t : field.t;
    const served: FieldValue = { v: isShown ? field.v : rule.empty, t };
    if (served.v === field.v && served.t === field.t) continue;
    fields = { ...(fields ?? record.fields), [name]: served };
  }
  return fields ? { ...record, fields } : record;
}

/** Whether the role may ever write `field` of a `type` record (the app offers only these; the server checks each write). */
export function mayWriteField(role: Role, type: RecordType, field: string): boolean {
  const serverSet = SERVER_SET_FIELDS[type];
  if (serverSet && (field === serverSet.by || field === serverSet.at)) return false;
  if ((scopeFromParent(type) as readonly string[]).includes(field)) return false;
  if (field === 'deleted') return mayEver(role, 'delete', type);
  return mayEver(role, 'create', type) || mayEver(role, 'update', type);
}

/**
 * Whether the principal may move a record from one scope to another (an
 * activity to another buurt or team): allowed in both, and a change of buurt
 * only for a role whose right is about buurten — a volunteer's team right
 * would otherwise let them carry a record out of sight of the buurt's
 * professional and police.
 */
export function mayMove(principal: Principal, type: RecordType, from: RecordScope, to: RecordScope): boolean {
  const scope = PERMISSIONS[type][principal.role].update;
  if (!scopeAllows(scope, principal, from) || !scopeAllows(scope, principal, to)) return false;
  const isBuurtMove = from.buurtIds.length !== to.buurtIds.length || from.buurtIds.some((id) => !to.buurtIds.includes(id));
  if (!isBuurtMove) return true;
  return scope === 'all' || (scope === 'buurt' && [from, to].every((where) => scopeAllows('buurt', principal, where)));
}

export function scopeAllows(scope: Scope, principal: Principal, record: RecordScope): boolean {
  switch (scope) {
    case 'all':
      return true;
    case 'buurt':
      return principal.buurtIds.length === 0 || record.buurtIds.some((id) => principal.buurtIds.includes(id));
    case 'team':
      return record.teamId !== null && principal.teamIds.includes(record.teamId);
    case 'none':
      return false;
  }
}

/**
 * @example
 * can(volunteer, 'create', 'activity', { buurtIds: ['oranjebuurt'], teamId: 'team-oranje' }) // true if a member
 */
export function can(principal: Principal, action: Action, type: RecordType, record: RecordScope): boolean {
  return scopeAllows(PERMISSIONS[type][principal.role][action], principal, record);
}

/** Whether the role may do `action` on some record of `type` at all (to offer a button). */
export function mayEver(role: Role, action: Action, type: RecordType): boolean {
  return PERMISSIONS[type][role][action] !== 'none';
}

/** Records whose scope is their activity's: they carry no buurt or team of their own. */
const SCOPED_BY_ACTIVITY: ReadonlySet<RecordType> = new Set<RecordType>(['attendance', 'schouw']);

/** Whether a record's scope comes from its activity (pass the activity's values to `scopeOf`). */
export function isScopedByActivity(type: RecordType): boolean {
  return SCOPED_BY_ACTIVITY.has(type);
}

/**
 * The scope of a record from its field values. Attendance and schouw need
 * their activity's values (`parent`); a team is its own team; findings and
 * their history carry their schouw's buurt and team.
 */
export function scopeOf(type: RecordType, id: string, values: Readonly<Record<string, unknown>>, parent?: Readonly<Record<string, unknown>>): RecordScope {
  const source = SCOPED_BY_ACTIVITY.has(type) ? (parent ?? {}) : values;
  // A team, a roster slot and a round are about a list of buurten (their area); the rest about one.
  const buurtIds = typeof source['buurtId'] === 'string' ? [source['buurtId']] : stringsOf(source['buurtIds']);
  const teamId = type === 'team' ? id : typeof source['teamId'] === 'string' ? source['teamId'] : null;
  return { buurtIds, teamId };
}

/** The teams a user belongs to, from the team records' member lists. */
export function teamIdsOf(userId: string, teams: ReadonlyArray<{ id: string; memberIds: readonly string[] }>): string[] {
  return teams.filter((team) => team.memberIds.includes(userId)).map((team) => team.id);
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
