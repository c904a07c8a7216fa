/**
 * Walks the WHOLE permission table (src/domain/permissions.ts) against the
 * real server: every role × record type × action, on a record in the
 * principal's scope, in another buurt and of another team. Writes go through
 * push (applied, or rejected 'forbidden' with the database unchanged); reads
 * through pull (present or absent).
 *
 * The expectation comes from PERMISSIONS and from what each target is known
 * to be about (its buurten, its team) — written down here, not derived with
 * the server's own helpers — so a table change shows up as failing cases
 * until the server follows it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendanceIdFor } from '../../../src/domain/attendance.ts';
import { ACTIONS, PERMISSIONS, ROLES, type Action, type Role } from '../../../src/domain/permissions.ts';
import type { PushResult } from '../../../src/domain/protocol.ts';
import { RECORD_TYPES, type RecordType, type SyncRecord } from '../../../src/domain/records.ts';
import { signUpIdFor } from '../../../src/domain/patrol.ts';
import { reactionIdFor } from '../../../src/domain/patrol-observation.ts';
import { schouwIdFor } from '../../../src/domain/schouw.ts';
import { cbsFiguresIdFor } from '../../../src/domain/cbs-figures.ts';
import { indicatorTargetIdFor, residentCountIdFor } from '../../../src/domain/monitoring-settings.ts';
import { createApp } from '../../../src/server/app.ts';
import { loadRecords } from '../../../src/server/db/records.ts';
import { activityValues, createTestUser, putRecords, type ServerRecord, type TestUser } from '../../fixtures/server-auth.ts';
import {
  observationChangeValues,
  publicSpaceValues,
  reactionValues,
  roundValues,
  safetyValues,
  signUpValues,
  slotValues,
} from '../../fixtures/server-patrol.ts';
import { findingValues, statusChangeValues } from '../../fixtures/server-schouw.ts';
import { idFactory, mutation, type PushedMutation } from '../../fixtures/server-mutations.ts';
import { NOW, TENANT } from '../../fixtures/fixed.ts';
import { apiClient } from './api-client.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from './databases.ts';

const OWN_BUURT = 'oranjebuurt';
const OTHER_BUURT = 'kinderdijk';
const OWN_TEAM = 'buurtpreventie-oranjebuurt';
const OTHER_TEAM = 'schouwgroep-staatsliedenbuurt';

/** Where a target record sits relative to the principals: their buurt and team, another buurt, another team. */
const TARGETS = [
  { key: 'in', name: 'in their own buurt and team', buurtId: OWN_BUURT, isOwnTeam: true },
  { key: 'ob', name: 'in another buurt', buurtId: OTHER_BUURT, isOwnTeam: true },
  { key: 'ot', name: 'of another team', buurtId: OWN_BUURT, isOwnTeam: false },
] as const;
type Target = (typeof TARGETS)[number];

/** The principals: each role, scoped as the table intends; and a professional without buurten (all buurten). */
const PRINCIPALS: ReadonlyArray<{ key: string; role: Role; buurtIds: string[]; isTeamMember: boolean }> = [
  { key: 'coordinator', role: 'coordinator', buurtIds: [], isTeamMember: false },
  { key: 'professional', role: 'professional', buurtIds: [OWN_BUURT], isTeamMember: false },
  { key: 'professional-all', role: 'professional', buurtIds: [], isTeamMember: false },
  { key: 'police', role: 'police', buurtIds: [OWN_BUURT], isTeamMember: false },
  { key: 'volunteer', role: 'volunteer', buurtIds: [], isTeamMember: true },
];
type PrincipalSpec = (typeof PRINCIPALS)[number];

/** What the test knows a record of `type` at `target` is about. */
function aboutOf(type: RecordType, target: Target): { buurtIds: string[]; isOwnTeam: boolean } {
  switch (type) {
    case 'activity':
    case 'attendance':
    case 'schouw':
    case 'finding':
    case 'findingStatusChange':
    case 'team':
      // Attendance and schouw by their activity; findings and their history carry their schouw's buurt and team.
      return { buurtIds: [target.buurtId], isOwnTeam: target.isOwnTeam };
    case 'project':
      return { buurtIds: [target.buurtId], isOwnTeam: false };
    case 'patrolSignUp':
      // A sign-up is about its slot's team.
      return { buurtIds: [], isOwnTeam: target.isOwnTeam };
    case 'patrolSlot':
    case 'patrolRound':
      // A slot and a round are about their team and their area (its buurten: the police of the buurt read a round's time and area).
      return { buurtIds: [target.buurtId], isOwnTeam: target.isOwnTeam };
    case 'safetyObservation':
    case 'publicSpaceObservation':
    case 'observationStatusChange':
    case 'observationReaction':
      // Observations carry their round's team and the buurt they were seen in; follow-up and reactions carry the observation's.
      return { buurtIds: [target.buurtId], isOwnTeam: target.isOwnTeam };
    default:
      // Buurten, partners, themes and activity types are about no buurt and no team.
      return { buurtIds: [], isOwnTeam: false };
  }
}

/** What PERMISSIONS says, read by the test. */
function isAllowed(principal: PrincipalSpec, type: RecordType, action: Action, target: Target): boolean {
  const scope = PERMISSIONS[type][principal.role][action];
  const about = aboutOf(type, target);
  if (scope === 'all') return true;
  if (scope === 'none') return false;
  if (scope === 'buurt') return principal.buurtIds.length === 0 || about.buurtIds.some((id) => principal.buurtIds.includes(id));
  return principal.isTeamMember && about.isOwnTeam;
}

const CASES = PRINCIPALS.flatMap((principal) =>
  RECORD_TYPES.flatMap((type) =>
    ACTIONS.flatMap((action) =>
      TARGETS.map((target) => {
        const allowed = isAllowed(principal, type, action, target);
        return { principal, type, action, target, allowed, title: `${principal.key} ${allowed ? 'may' : 'may NOT'} ${action} ${type} ${target.name}` };
      }),
    ),
  ),
);

describe.each(DIALECTS)('the permission table, walked on %s', (dialect) => {
  let test: TestDatabase;
  const users = new Map<string, TestUser>();
  const deviceOf = (principal: PrincipalSpec) => `perm-${principal.key}`;
  /** Per case title: the push result (writes) or whether pull returned the record (read). */
  const outcomes = new Map<string, PushResult | boolean>();
  /** Per case title: the record the case is about, as stored after everything ran. */
  const after = new Map<string, SyncRecord | undefined>();
  const ids = idFactory(0x9e43);

  beforeAll(async () => {
    test = await openTestDatabase(dialect);
    const app = createApp({ db: test.database, now: () => NOW });
    for (const principal of PRINCIPALS) {
      users.set(principal.key, await createTestUser(test.database, { role: principal.role, buurtIds: principal.buurtIds, devices: [deviceOf(principal)] }));
    }
    const volunteers = PRINCIPALS.filter((p) => p.isTeamMember).map((p) => (users.get(p.key) as TestUser).userId);
    await putRecords(test.database, TENANT, [{ type: 'team', id: OWN_TEAM, values: { memberIds: volunteers } }], NOW - 90_000);

    // Per case, the record it is about: created by the server beforehand (read, update, delete) or by the principal (create).
    type Plan = { title: string; recordId: string; setup: ServerRecord[]; push: PushedMutation | null; readId: string | null };
    const plans: Plan[] = CASES.map((c) => {
      const slug = `p-${c.principal.key}-${c.type.toLowerCase()}-${c.action}-${c.target.key}`;
      const device = deviceOf(c.principal);
      const teamId = c.target.isOwnTeam ? OWN_TEAM : OTHER_TEAM;
      const stamp = { device };
      switch (c.type) {
        case 'activity': {
          const id = ids();
          const values = activityValues(c.target.buurtId, teamId);
          if (c.action === 'create') return { title: c.title, recordId: id, setup: [], push: mutation(ids, 'activity', id, values, stamp), readId: null };
          const edit = c.action === 'delete' ? { deleted: true } : { notes: 'bijgewerkt' };
          return {
            title: c.title,
            recordId: id,
            setup: [{ type: 'activity', id, values }],
            push: c.action === 'read' ? null : mutation(ids, 'activity', id, edit, stamp),
            readId: id,
          };
        }
        case 'attendance': {
          const activityId = ids();
          const id = attendanceIdFor(activityId);
          const parent: ServerRecord = { type: 'activity', id: activityId, values: activityValues(c.target.buurtId, teamId) };
          const counted = { ...mutation(ids, 'attendance', id, { activityId }, stamp), counters: { residents: { [device]: { p: 3, n: 0 } } } };
          if (c.action === 'create') return { title: c.title, recordId: id, setup: [parent], push: counted, readId: null };
          const setup: ServerRecord[] = [parent, { type: 'attendance', id, values: { activityId, method: 'headcount' } }];
          const push =
            c.action === 'read' ? null : c.action === 'delete' ? mutation(ids, 'attendance', id, { deleted: true }, stamp) : { ...counted, fields: {} };
          return { title: c.title, recordId: id, setup, push, readId: id };
        }
        case 'schouw': {
          const activityId = ids();
          const id = schouwIdFor(activityId);
          const parent: ServerRecord = { type: 'activity', id: activityId, values: activityValues(c.target.buurtId, teamId, { type: 'schouw' }) };
          const counted = {
            ...mutation(ids, 'schouw', id, { activityId, kind: 'withResidents' }, stamp),
            counters: { residents: { [device]: { p: 4, n: 0 } } },
          };
          if (c.action === 'create') return { title: c.title, recordId: id, setup: [parent], push: counted, readId: null };
          const setup: ServerRecord[] = [parent, { type: 'schouw', id, values: { activityId, method: 'crow', targetLevel: 'B' } }];
          const push = c.action === 'read' ? null : c.action === 'delete' ? mutation(ids, 'schouw', id, { deleted: true }, stamp) : { ...counted, fields: {} };
          return { title: c.title, recordId: id, setup, push, readId: id };
        }
        case 'finding': {
          const activityId = ids();
          const id = ids();
          const parent: ServerRecord = { type: 'activity', id: activityId, values: activityValues(c.target.buurtId, teamId, { type: 'schouw' }) };
          const values = findingValues(activityId, c.target.buurtId, teamId);
          if (c.action === 'create') return { title: c.title, recordId: id, setup: [parent], push: mutation(ids, 'finding', id, values, stamp), readId: null };
          const edit = c.action === 'delete' ? { deleted: true } : { note: 'bijgewerkt' };
          return {
            title: c.title,
            recordId: id,
            setup: [parent, { type: 'finding', id, values }],
            push: c.action === 'read' ? null : mutation(ids, 'finding', id, edit, stamp),
            readId: id,
          };
        }
        case 'findingStatusChange': {
          const activityId = ids();
          const findingId = ids();
          const id = ids();
          const setup: ServerRecord[] = [
            { type: 'activity', id: activityId, values: activityValues(c.target.buurtId, teamId, { type: 'schouw' }) },
            { type: 'finding', id: findingId, values: findingValues(activityId, c.target.buurtId, teamId) },
          ];
          const values = statusChangeValues(findingId, c.target.buurtId, teamId);
          if (c.action === 'create')
            return { title: c.title, recordId: id, setup, push: mutation(ids, 'findingStatusChange', id, values, stamp), readId: null };
          const edit = c.action === 'delete' ? { deleted: true } : { note: 'bijgewerkt' };
          return {
            title: c.title,
            recordId: id,
            setup: [...setup, { type: 'findingStatusChange', id, values }],
            push: c.action === 'read' ? null : mutation(ids, 'findingStatusChange', id, edit, stamp),
            readId: id,
          };
        }
        case 'patrolSlot':
        case 'patrolSignUp':
        case 'patrolRound':
        case 'safetyObservation':
        case 'publicSpaceObservation':
        case 'observationStatusChange':
        case 'observationReaction': {
          const { chain, record } = patrolChain(c.type, ids, teamId, c.target.buurtId);
          if (c.action === 'create')
            return { title: c.title, recordId: record.id, setup: chain, push: mutation(ids, c.type, record.id, record.values, stamp), readId: null };
          const push = c.action === 'read' ? null : mutation(ids, c.type, record.id, c.action === 'delete' ? { deleted: true } : PATROL_EDIT[c.type], stamp);
          return { title: c.title, recordId: record.id, setup: [...chain, record], push, readId: record.id };
        }
        case 'residentCount':
        case 'indicatorTarget':
        case 'cbsFigures': {
          // Monitoring settings: their ids are derived from their content (a buurt and year; an indicator).
          const values =
            c.type === 'residentCount'
              ? { buurtId: slug, year: 2026, count: 1200 }
              : c.type === 'cbsFigures'
                ? { buurtId: slug, year: 2024, source: 'typed', residents: 1200 }
                : { indicator: `t-${c.principal.key}-${c.action}-${c.target.key}`, baseline: 40, targetFactor: null, targetPoints: null };
          const id =
            c.type === 'residentCount'
              ? residentCountIdFor(slug, 2026)
              : c.type === 'cbsFigures'
                ? cbsFiguresIdFor(slug, 2024)
                : indicatorTargetIdFor(values.indicator as string);
          if (c.action === 'create') return { title: c.title, recordId: id, setup: [], push: mutation(ids, c.type, id, values, stamp), readId: null };
          const edit =
            c.action === 'delete'
              ? { deleted: true }
              : c.type === 'residentCount'
                ? { count: 1300 }
                : c.type === 'cbsFigures'
                  ? { residents: 1300 }
                  : { baseline: 45 };
          return {
            title: c.title,
            recordId: id,
            setup: [{ type: c.type, id, values }],
            push: c.action === 'read' ? null : mutation(ids, c.type, id, edit, stamp),
            readId: id,
          };
        }
        default: {
          const values = configValues(c.type, c.target, c.principal.isTeamMember ? volunteers : []);
          if (c.action === 'create') return { title: c.title, recordId: slug, setup: [], push: mutation(ids, c.type, slug, values, stamp), readId: null };
          const edit =
            c.action === 'delete'
              ? { deleted: true }
              : c.type === 'theme' || c.type === 'activityType'
                ? { label: 'Bijgewerkt' }
                : c.type === 'patrolSettings'
                  ? { safetyObservationMonths: 6 }
                  : { name: 'Bijgewerkt' };
          return {
            title: c.title,
            recordId: slug,
            setup: [{ type: c.type, id: slug, values }],
            push: c.action === 'read' ? null : mutation(ids, c.type, slug, edit, stamp),
            readId: slug,
          };
        }
      }
    });
    await putRecords(
      test.database,
      TENANT,
      plans.flatMap((plan) => plan.setup),
      NOW - 60_000,
    );

    for (const principal of PRINCIPALS) {
      const user = users.get(principal.key) as TestUser;
      const client = apiClient(app, user);
      const mine = plans.filter((_plan, index) => CASES[index]?.principal === principal);
      const pushes = mine.filter((plan) => plan.push !== null);
      const answer = await client.push(
        deviceOf(principal),
        pushes.map((plan) => plan.push),
      );
      pushes.forEach((plan, index) => outcomes.set(plan.title, answer.body.results[index] as PushResult));
      const readable = new Set((await client.pullAll(1000)).map((record) => record.id));
      for (const plan of mine) if (plan.readId !== null && plan.push === null) outcomes.set(plan.title, readable.has(plan.readId));
    }
    const stored = await loadRecords(
      test.database.db,
      TENANT,
      plans.map((plan) => plan.recordId),
    );
    for (const plan of plans) after.set(plan.title, stored.get(plan.recordId));
  });
  afterAll(() => test.cleanup());

  it('covers every role, record type and action', () => {
    expect(new Set(CASES.map((c) => c.principal.role))).toEqual(new Set(ROLES));
    expect(new Set(CASES.map((c) => c.type))).toEqual(new Set(RECORD_TYPES));
    expect(new Set(CASES.map((c) => c.action))).toEqual(new Set(ACTIONS));
    // Both answers occur for every action: the walk is not vacuous.
    for (const action of ACTIONS) expect(new Set(CASES.filter((c) => c.action === action).map((c) => c.allowed))).toEqual(new Set([true, false]));
  });

  it.each(CASES.filter((c) => c.action === 'read'))('$title (pull)', ({ title, allowed }) => {
    expect(outcomes.get(title)).toBe(allowed);
  });

  it.each(CASES.filter((c) => c.action !== 'read'))('$title (push)', ({ title, action, allowed }) => {
    const result = outcomes.get(title) as PushResult;
    const record = after.get(title);
    if (allowed) {
      expect(result).toMatchObject({ status: 'applied' });
      expect(record).toBeDefined();
      if (action === 'delete') expect(record?.fields['deleted']?.v).toBe(true);
      if (action === 'update') expect(wasEdited(record as SyncRecord)).toBe(true);
      return;
    }
    expect(result).toMatchObject({ status: 'rejected', reason: 'forbidden', message: expect.stringMatching(/^As an? \w+ you may/) });
    // Nothing changed: not created, not edited, not deleted.
    if (action === 'create') expect(record).toBeUndefined();
    else {
      expect(record?.fields['deleted']?.v).not.toBe(true);
      expect(wasEdited(record as SyncRecord)).toBe(false);
    }
  });
});

function configValues(type: RecordType, target: Target, members: readonly string[]): Record<string, unknown> {
  switch (type) {
    case 'buurt':
      return { name: 'Testbuurt' };
    case 'partner':
      return { name: 'Testpartner', kind: 'other' };
    case 'theme':
    case 'activityType':
      return { label: 'Test' };
    case 'project':
      return { name: 'Testproject', buurtId: target.buurtId };
    case 'patrolSettings':
      return { safetyObservationMonths: 3, roundMonths: 12 };
    case 'team':
      // A team target of "their own team" has the volunteer among its members.
      return { name: 'Testteam', kind: 'workingGroup', buurtIds: [target.buurtId], memberIds: target.isOwnTeam ? [...members] : [] };
    default:
      throw new Error(`not a configuration type: ${type}`);
  }
}

/** Whether the case's update reached the record (notes or a note, a name or label, or a count of people). */
function wasEdited(record: SyncRecord): boolean {
  const { notes, note, name, label, summary, meetingPoint, text, signedUp, safetyObservationMonths, count, baseline, residents } = record.fields;
  return (
    notes?.v === 'bijgewerkt' ||
    note?.v === 'bijgewerkt' ||
    name?.v === 'Bijgewerkt' ||
    label?.v === 'Bijgewerkt' ||
    summary?.v === 'bijgewerkt' ||
    meetingPoint?.v === 'bijgewerkt' ||
    text?.v === 'bijgewerkt' ||
    signedUp?.v === false ||
    safetyObservationMonths?.v === 6 ||
    count?.v === 1300 ||
    residents?.v === 1300 ||
    baseline?.v === 45 ||
    Object.keys(record.counters).length > 0
  );
}

type PatrolType =
  | 'patrolSlot'
  | 'patrolSignUp'
  | 'patrolRound'
  | 'safetyObservation'
  | 'publicSpaceObservation'
  | 'observationStatusChange'
  | 'observationReaction';

/** The edit of an update case, per patrol type (seen by `wasEdited`). */
const PATROL_EDIT: Readonly<Record<PatrolType, Record<string, unknown>>> = {
  patrolSlot: { meetingPoint: 'bijgewerkt' },
  patrolSignUp: { signedUp: false },
  patrolRound: { summary: 'bijgewerkt' },
  safetyObservation: { note: 'bijgewerkt' },
  publicSpaceObservation: { note: 'bijgewerkt' },
  observationStatusChange: { note: 'bijgewerkt' },
  observationReaction: { text: 'bijgewerkt' },
};

/** A patrol record of `type` in a team and buurt, and the parents it needs (slot; round; round and observation). */
function patrolChain(type: PatrolType, ids: () => string, teamId: string, buurtId: string): { chain: ServerRecord[]; record: ServerRecord } {
  const slotId = ids();
  const roundId = ids();
  const observationId = ids();
  const slot: ServerRecord = { type: 'patrolSlot', id: slotId, values: slotValues(teamId, [buurtId]) };
  const round: ServerRecord = { type: 'patrolRound', id: roundId, values: roundValues(teamId, [buurtId], []) };
  const safety: ServerRecord = { type: 'safetyObservation', id: observationId, values: safetyValues(roundId, teamId, buurtId) };
  const publicSpace: ServerRecord = { type: 'publicSpaceObservation', id: observationId, values: publicSpaceValues(roundId, teamId, buurtId) };
  switch (type) {
    case 'patrolSlot':
      return { chain: [], record: slot };
    case 'patrolSignUp': {
      const userId = ids();
      return { chain: [slot], record: { type, id: signUpIdFor(slotId, userId), values: signUpValues(slotId, userId, teamId) } };
    }
    case 'patrolRound':
      return { chain: [], record: round };
    case 'safetyObservation':
      return { chain: [round], record: safety };
    case 'publicSpaceObservation':
      return { chain: [round], record: publicSpace };
    case 'observationStatusChange':
      return { chain: [round, publicSpace], record: { type, id: ids(), values: observationChangeValues(observationId, buurtId, teamId) } };
    case 'observationReaction':
      return { chain: [round, safety], record: { type, id: reactionIdFor(observationId), values: reactionValues(observationId, teamId, buurtId) } };
  }
}
