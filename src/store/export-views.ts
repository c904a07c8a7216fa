/**
 * The records behind the exports (export-store.ts), read by type from the
 * records table and parsed with the domain's schemas; a record whose
 * creating write has not arrived (it does not parse) is left out.
 */
import * as z from 'zod/mini';
import { ActivitySchema } from '../domain/activity.ts';
import { attendanceTotals, fieldValues, schouwParticipants } from '../domain/records.ts';
import { ATTENDANCE_METHODS, type AttendanceMethod } from '../domain/attendance.ts';
import { FindingSchema, FindingStatusChangeSchema } from '../domain/finding.ts';
import {
  ObservationReactionSchema,
  ObservationStatusChangeSchema,
  PublicSpaceObservationSchema,
  SafetyObservationSchema,
  type ReactionState,
} from '../domain/patrol-observation.ts';
import { PatrolRoundSchema, PatrolSignUpSchema, PatrolSlotSchema, slotWalkers } from '../domain/patrol.ts';
import { SchouwSchema } from '../domain/schouw.ts';
import type { BuurtlogDatabase, StoredRecord } from './database.ts';
import type { ExportAttendance, ExportSchouw, ExportSnapshot } from './export-store.ts';

async function recordsOf(db: BuurtlogDatabase, type: StoredRecord['type']): Promise<StoredRecord[]> {
  return db.records.where('type').equals(type).toArray();
}

function parseAll<T>(records: readonly StoredRecord[], schema: z.ZodMiniType<T>): Array<T & { id: string }> {
  return records.flatMap((record) => {
    const parsed = z.safeParse(schema, fieldValues(record));
    return parsed.success ? [{ ...parsed.data, id: record.id }] : [];
  });
}

/** The latest change of status per subject of a follow-up history (an entry with `from` equal to `to` is a note, not a change). */
function latestChange(
  changes: ReadonlyArray<{ readonly at: number; readonly subject: string; readonly from: string; readonly to: string }>,
): Map<string, number> {
  const latest = new Map<string, number>();
  for (const { at, subject, from, to } of changes) if (from !== to) latest.set(subject, Math.max(at, latest.get(subject) ?? 0));
  return latest;
}

export async function readExportSnapshot(db: BuurtlogDatabase): Promise<ExportSnapshot> {
  const [activities, attendance, schouw, findings, findingChanges, rounds, safety, reactions, publicSpace, observationChanges, slots, signUps] =
    await Promise.all(
      (
        [
          'activity',
          'attendance',
          'schouw',
          'finding',
          'findingStatusChange',
          'patrolRound',
          'safetyObservation',
          'observationReaction',
          'publicSpaceObservation',
          'observationStatusChange',
          'patrolSlot',
          'patrolSignUp',
        ] as const
      ).map((type) => recordsOf(db, type)),
    );
  const attendanceByActivity = new Map<string, ExportAttendance>();
  for (const record of attendance ?? []) {
    const activityId = record.fields['activityId']?.v;
    if (typeof activityId !== 'string') continue;
    const method = record.fields['method']?.v;
    attendanceByActivity.set(activityId, {
      ...attendanceTotals(record),
      method: (ATTENDANCE_METHODS as readonly unknown[]).includes(method) ? (method as AttendanceMethod) : 'headcount',
    });
  }
  const schouwByActivity = new Map<string, ExportSchouw>();
  for (const record of schouw ?? []) {
    const parsed = z.safeParse(SchouwSchema, fieldValues(record));
    if (parsed.success) schouwByActivity.set(parsed.data.activityId, { settings: parsed.data, participants: schouwParticipants(record) });
  }
  const signUpList = parseAll(signUps ?? [], PatrolSignUpSchema);
  const slotList = parseAll(slots ?? [], PatrolSlotSchema);
  return {
    activities: parseAll(activities ?? [], ActivitySchema),
    attendance: attendanceByActivity,
    schouw: schouwByActivity,
    findings: parseAll(findings ?? [], FindingSchema),
    findingStatusChangedAt: latestChange(parseAll(findingChanges ?? [], FindingStatusChangeSchema).map((c) => ({ ...c, subject: c.findingId }))),
    patrolRounds: parseAll(rounds ?? [], PatrolRoundSchema),
    safetyObservations: parseAll(safety ?? [], SafetyObservationSchema),
    reactions: new Map<string, ReactionState>(
      parseAll(reactions ?? [], ObservationReactionSchema)
        .filter((r) => !r.deleted)
        .map((r) => [r.observationId, r.state]),
    ),
    publicSpaceObservations: parseAll(publicSpace ?? [], PublicSpaceObservationSchema),
    observationStatusChangedAt: latestChange(
      parseAll(observationChanges ?? [], ObservationStatusChangeSchema).map((c) => ({ ...c, subject: c.observationId })),
    ),
    slots: slotList,
    slotWalkers: new Map(slotList.map((slot) => [slot.id, slotWalkers(slot.id, signUpList).length])),
  };
}
