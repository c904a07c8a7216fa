/**
 * The exports' part of the device store: every record of the types a
 * coordinator may export, read at once in one read transaction (so the
 * files of one download agree with each other), parsed with the domain's
 * schemas, deleted ones included — the pure builders (app/exports) leave
 * them out, and a test can hold them to it. The code (export-views.ts)
 * loads with the export screen, not with the first screen.
 */
import type { Activity } from '../domain/activity.ts';
import type { AttendanceMethod } from '../domain/attendance.ts';
import type { Finding } from '../domain/finding.ts';
import type { PublicSpaceObservation, ReactionState, SafetyObservation } from '../domain/patrol-observation.ts';
import type { PatrolRound, PatrolSlot } from '../domain/patrol.ts';
import type { AttendanceTotals, SchouwParticipants } from '../domain/records.ts';
import type { Schouw } from '../domain/schouw.ts';
import type { StoreCore } from './core.ts';

type WithId<T> = T & { readonly id: string };
export type ExportAttendance = AttendanceTotals & { readonly method: AttendanceMethod };
export type ExportSchouw = { readonly settings: Schouw | null; readonly participants: SchouwParticipants };

/** What this device holds of the exported types; every list in no particular order. */
export type ExportSnapshot = {
  readonly activities: ReadonlyArray<WithId<Activity>>;
  /** Per activity id: its counts and how they were counted (absent: nobody counted yet). */
  readonly attendance: ReadonlyMap<string, ExportAttendance>;
  /** Per activity id: the round's settings (absent: the defaults) and its participants. */
  readonly schouw: ReadonlyMap<string, ExportSchouw>;
  readonly findings: ReadonlyArray<WithId<Finding>>;
  /** Per finding id: when its follow-up status last changed (Unix ms). */
  readonly findingStatusChangedAt: ReadonlyMap<string, number>;
  readonly patrolRounds: ReadonlyArray<WithId<PatrolRound>>;
  readonly safetyObservations: ReadonlyArray<WithId<SafetyObservation>>;
  /** Per safety observation id: the wijkagent's reaction. */
  readonly reactions: ReadonlyMap<string, ReactionState>;
  readonly publicSpaceObservations: ReadonlyArray<WithId<PublicSpaceObservation>>;
  /** Per public-space observation id: when its follow-up status last changed (Unix ms). */
  readonly observationStatusChangedAt: ReadonlyMap<string, number>;
  readonly slots: ReadonlyArray<WithId<PatrolSlot>>;
  /** Per slot id: the members signed up. */
  readonly slotWalkers: ReadonlyMap<string, number>;
};

export type ExportStore = {
  snapshot(): Promise<ExportSnapshot>;
};

export function exportStore(core: StoreCore): ExportStore {
  const { db } = core;
  const views = core.lazy(() => import('./export-views.ts'));
  return {
    snapshot: () => views((v) => db.transaction('r', [db.records], () => v.readExportSnapshot(db))),
  };
}
