/**
 * Which records go into an export: of the device's snapshot
 * (store/export-store.ts), those the person may read (the domain's one
 * permission table, as on the server), not deleted (nor part of a deleted
 * round), in the period and the buurt asked for. Each record counts on the
 * same day as on the dashboard (domain/indicators-*.ts): an activity on its
 * date, a finding on the Amsterdam day it was made, a round on the day it
 * started, an observation on the day it was seen, a slot on its date.
 * Pure; tested in tests/unit/exports.test.ts.
 */
import type { Activity } from '../../domain/activity.ts';
import type { Finding } from '../../domain/finding.ts';
import { amsterdamDay, inRange, type DayRange } from '../../domain/indicators.ts';
import type { PublicSpaceObservation, SafetyObservation } from '../../domain/patrol-observation.ts';
import type { PatrolRound, PatrolSlot } from '../../domain/patrol.ts';
import { can, mayEver, scopeOf, type Principal } from '../../domain/permissions.ts';
import type { RecordType } from '../../domain/records.ts';
import type { ExportSnapshot } from '../../store/export-store.ts';

const EXPORT_KINDS = ['activities', 'schouwRounds', 'findings', 'patrolRounds', 'safetyObservations', 'publicSpaceObservations', 'slots'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** The record type behind each file, whose read right decides who gets it. */
const RECORD_TYPE_OF: Readonly<Record<ExportKind, RecordType>> = {
  activities: 'activity',
  schouwRounds: 'schouw',
  findings: 'finding',
  patrolRounds: 'patrolRound',
  safetyObservations: 'safetyObservation',
  publicSpaceObservations: 'publicSpaceObservation',
  slots: 'patrolSlot',
};

/** The files a role is offered: those of the record types it may read somewhere (a professional: no patrol rounds, safety observations or roster). */
export function exportKindsFor(principal: Pick<Principal, 'role'>): ExportKind[] {
  return EXPORT_KINDS.filter((kind) => mayEver(principal.role, 'read', RECORD_TYPE_OF[kind]));
}

/** A period of Amsterdam days (both ends included) and one buurt, or every buurt the person may read. */
export type ExportFilter = { readonly range: DayRange; readonly buurtId: string | null };

type WithId<T> = T & { readonly id: string };

export type ExportSelection = {
  readonly activities: ReadonlyArray<WithId<Activity>>;
  /** The schouw rounds: activities of type schouw. */
  readonly schouwRounds: ReadonlyArray<WithId<Activity>>;
  readonly findings: ReadonlyArray<WithId<Finding>>;
  readonly patrolRounds: ReadonlyArray<WithId<PatrolRound>>;
  readonly safetyObservations: ReadonlyArray<WithId<SafetyObservation>>;
  readonly publicSpaceObservations: ReadonlyArray<WithId<PublicSpaceObservation>>;
  readonly slots: ReadonlyArray<WithId<PatrolSlot>>;
};

const SCHOUW_TYPE = 'schouw';

function byId(a: { id: string }, b: { id: string }): number {
  return a.id.localeCompare(b.id);
}

/**
 * The records of each file, oldest first.
 *
 * @example
 * selectForExport(snapshot, coordinator, { range: { from: '2026-01-01', to: '2026-03-31' }, buurtId: 'oranjebuurt' }).findings
 */
export function selectForExport(snapshot: ExportSnapshot, principal: Principal, filter: ExportFilter): ExportSelection {
  const inBuurt = (buurtIds: readonly string[]) => filter.buurtId === null || buurtIds.includes(filter.buurtId);
  const inPeriod = (day: string) => inRange(day, filter.range);
  const readable = (type: RecordType, record: { id: string }, parent?: Readonly<Record<string, unknown>>) =>
    can(principal, 'read', type, scopeOf(type, record.id, record as Readonly<Record<string, unknown>>, parent));

  const activityById = new Map(snapshot.activities.map((activity) => [activity.id, activity]));
  const roundById = new Map(snapshot.patrolRounds.map((round) => [round.id, round]));
  /** A child of a deleted parent went with it; a parent not on this device (yet) does not hide its child. */
  const parentDeleted = (parent: { deleted: boolean } | undefined) => parent?.deleted === true;

  const activities = snapshot.activities
    .filter((a) => !a.deleted && readable('activity', a) && inBuurt([a.buurtId]) && inPeriod(a.date))
    .sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start) || byId(a, b));
  const schouwRounds = activities.filter((a) => a.type === SCHOUW_TYPE && readable('schouw', a, a));
  const findings = snapshot.findings
    .filter((f) => !f.deleted && !parentDeleted(activityById.get(f.schouwId)) && readable('finding', f))
    .filter((f) => inBuurt([f.buurtId]) && inPeriod(amsterdamDay(f.createdAt)))
    .sort((a, b) => a.createdAt - b.createdAt || byId(a, b));
  const patrolRounds = snapshot.patrolRounds
    .filter((r) => !r.deleted && readable('patrolRound', r) && inBuurt(r.buurtIds) && inPeriod(amsterdamDay(r.startedAt)))
    .sort((a, b) => a.startedAt - b.startedAt || byId(a, b));
  const observations = <O extends { id: string; deleted: boolean; roundId: string; buurtId: string; observedAt: number }>(
    type: RecordType,
    list: readonly O[],
  ) =>
    list
      .filter((o) => !o.deleted && !parentDeleted(roundById.get(o.roundId)) && readable(type, o))
      .filter((o) => inBuurt([o.buurtId]) && inPeriod(amsterdamDay(o.observedAt)))
      .sort((a, b) => a.observedAt - b.observedAt || byId(a, b));
  const slots = snapshot.slots
    .filter((s) => !s.deleted && readable('patrolSlot', s) && inBuurt(s.buurtIds) && inPeriod(s.date))
    .sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start) || byId(a, b));
  return {
    activities,
    schouwRounds,
    findings,
    patrolRounds,
    safetyObservations: observations('safetyObservation', snapshot.safetyObservations),
    publicSpaceObservations: observations('publicSpaceObservation', snapshot.publicSpaceObservations),
    slots,
  };
}

/** How many rows each file will have. */
export function exportCounts(selection: ExportSelection): Record<ExportKind, number> {
  return Object.fromEntries(EXPORT_KINDS.map((kind) => [kind, selection[kind].length])) as Record<ExportKind, number>;
}
