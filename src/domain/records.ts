/**
 * Synced records: the one shape of every record type, on the wire and in
 * storage (its schema: record-schema.ts), and the registry that says which
 * fields and counters each type has.
 */
import * as z from 'zod/mini';
import { ACTIVITY_REQUIRED, ActivityFieldSchemas, ActivitySchema, type Activity } from './activity.ts';
import { AttendanceFieldSchemas, COUNT_KEYS, attendanceIdFor, isAttendanceCounterKey, pc4OfCounterKey } from './attendance.ts';
import { CONFIG_FIELD_SCHEMAS, CONFIG_RECORD_TYPES, CONFIG_REQUIRED, type ConfigRecordType } from './config-records.ts';
import {
  FINDING_REQUIRED,
  FINDING_STATUS_CHANGE_REQUIRED,
  FindingFieldSchemas,
  FindingSchema,
  FindingStatusChangeFieldSchemas,
  FindingStatusChangeSchema,
  type Finding,
  type FindingStatusChange,
} from './finding.ts';
import { IdSchema } from './ids.ts';
import {
  PATROL_ROUND_REQUIRED,
  PATROL_SIGN_UP_REQUIRED,
  PATROL_SLOT_REQUIRED,
  PatrolRoundFieldSchemas,
  PatrolSignUpFieldSchemas,
  PatrolSlotFieldSchemas,
  signUpIdFor,
} from './patrol.ts';
import {
  OBSERVATION_REACTION_REQUIRED,
  OBSERVATION_STATUS_CHANGE_REQUIRED,
  ObservationReactionFieldSchemas,
  ObservationStatusChangeFieldSchemas,
  PUBLIC_SPACE_OBSERVATION_REQUIRED,
  PublicSpaceObservationFieldSchemas,
  SAFETY_OBSERVATION_REQUIRED,
  SafetyObservationFieldSchemas,
  reactionIdFor,
} from './patrol-observation.ts';
import { counterValue, type Mergeable } from './merge.ts';
import { CBS_FIGURES_REQUIRED, CbsFiguresFieldSchemas, cbsFiguresIdFor } from './cbs-figures.ts';
import {
  INDICATOR_TARGET_REQUIRED,
  IndicatorTargetFieldSchemas,
  MONITORING_RECORD_TYPES,
  RESIDENT_COUNT_REQUIRED,
  ResidentCountFieldSchemas,
  indicatorTargetIdFor,
  residentCountIdFor,
} from './monitoring-settings.ts';
import type { SyncRecordSchema } from './record-schema.ts';
import {
  RESIDENTS_COUNT,
  SCHOUW_REQUIRED,
  SchouwFieldSchemas,
  SchouwSchema,
  isSchouwCounterKey,
  partnerOfCounterKey,
  schouwIdFor,
  type Schouw,
} from './schouw.ts';

/** Buurtpreventie (patrol.ts, patrol-observation.ts). */
export const PATROL_RECORD_TYPES = [
  'patrolSlot',
  'patrolSignUp',
  'patrolRound',
  'safetyObservation',
  'publicSpaceObservation',
  'observationStatusChange',
  'observationReaction',
] as const;
export type PatrolRecordType = (typeof PATROL_RECORD_TYPES)[number];

export const RECORD_TYPES = [
  'activity',
  'attendance',
  'schouw',
  'finding',
  'findingStatusChange',
  ...PATROL_RECORD_TYPES,
  ...CONFIG_RECORD_TYPES,
  ...MONITORING_RECORD_TYPES,
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** A record's merged state: per-field LWW registers and per-device PN-counters (wire schema: record-schema.ts). */
export type SyncRecord = z.infer<typeof SyncRecordSchema> & Mergeable;

type FieldSchemas = Readonly<Record<string, z.ZodMiniType>>;

export type RecordDefinition = {
  readonly fields: FieldSchemas;
  /** Fields the first write of a new record must carry. */
  readonly required: readonly string[];
  readonly isCounterKey: (key: string) => boolean;
  /** A rule tying the record id to its content, if any. */
  readonly idRule?: (id: string, fields: Readonly<Record<string, unknown>>) => string | null;
  /**
   * The record this one belongs to, named by one of its fields: the server
   * refuses a record whose parent it does not have (send the parent first).
   */
  readonly parent?: { readonly field: string; readonly type: RecordType };
  /** History: created once, never changed (the server refuses any change to a stored value). */
  readonly isAppendOnly?: boolean;
  /** Fields that never change once stored (a round's or slot's team: its children carry it). */
  readonly fixed?: readonly string[];
};

const deviceMadeId = (what: string) => (id: string) => (z.safeParse(IdSchema, id).success ? null : `${what} id must be a UUID made on the device`);

export const RECORD_DEFINITIONS: Readonly<Record<RecordType, RecordDefinition>> = {
  activity: {
    fields: ActivityFieldSchemas,
    required: ACTIVITY_REQUIRED,
    isCounterKey: () => false,
    // Only configuration items are seeded with slug ids; records made in the field get a UUIDv7 on the device.
    idRule: deviceMadeId('an activity'),
  },
  attendance: {
    fields: AttendanceFieldSchemas,
    required: ['activityId'],
    isCounterKey: isAttendanceCounterKey,
    idRule: (id, fields) =>
      typeof fields['activityId'] === 'string' && attendanceIdFor(fields['activityId']) !== id
        ? 'an attendance record id must be derived from its activity id'
        : null,
    parent: { field: 'activityId', type: 'activity' },
  },
  schouw: {
    fields: SchouwFieldSchemas,
    required: SCHOUW_REQUIRED,
    isCounterKey: isSchouwCounterKey,
    idRule: (id, fields) =>
      typeof fields['activityId'] === 'string' && schouwIdFor(fields['activityId']) !== id ? 'a schouw record id must be derived from its activity id' : null,
    parent: { field: 'activityId', type: 'activity' },
  },
  finding: {
    fields: FindingFieldSchemas,
    required: FINDING_REQUIRED,
    isCounterKey: () => false,
    idRule: deviceMadeId('a finding'),
    parent: { field: 'schouwId', type: 'activity' },
  },
  findingStatusChange: {
    fields: FindingStatusChangeFieldSchemas,
    required: FINDING_STATUS_CHANGE_REQUIRED,
    isCounterKey: () => false,
    idRule: deviceMadeId('a status change'),
    parent: { field: 'findingId', type: 'finding' },
    isAppendOnly: true,
  },
  patrolSlot: {
    fields: PatrolSlotFieldSchemas,
    required: PATROL_SLOT_REQUIRED,
    isCounterKey: () => false,
    idRule: deviceMadeId('a roster slot'),
    fixed: ['teamId'],
  },
  patrolSignUp: {
    fields: PatrolSignUpFieldSchemas,
    required: PATROL_SIGN_UP_REQUIRED,
    isCounterKey: () => false,
    idRule: (id, fields) =>
      typeof fields['slotId'] === 'string' && typeof fields['userId'] === 'string' && signUpIdFor(fields['slotId'], fields['userId']) !== id
        ? 'a sign-up record id must be derived from its slot id and user id'
        : null,
    parent: { field: 'slotId', type: 'patrolSlot' },
    fixed: ['slotId', 'userId'],
  },
  patrolRound: {
    fields: PatrolRoundFieldSchemas,
    required: PATROL_ROUND_REQUIRED,
    isCounterKey: () => false,
    idRule: deviceMadeId('a patrol round'),
    fixed: ['teamId'],
  },
  safetyObservation: {
    fields: SafetyObservationFieldSchemas,
    required: SAFETY_OBSERVATION_REQUIRED,
    isCounterKey: () => false,
    idRule: deviceMadeId('an observation'),
    parent: { field: 'roundId', type: 'patrolRound' },
    fixed: ['roundId'],
  },
  publicSpaceObservation: {
    fields: PublicSpaceObservationFieldSchemas,
    required: PUBLIC_SPACE_OBSERVATION_REQUIRED,
    isCounterKey: () => false,
    idRule: deviceMadeId('an observation'),
    parent: { field: 'roundId', type: 'patrolRound' },
    fixed: ['roundId'],
  },
  observationStatusChange: {
    fields: ObservationStatusChangeFieldSchemas,
    required: OBSERVATION_STATUS_CHANGE_REQUIRED,
    isCounterKey: () => false,
    idRule: deviceMadeId('a status change'),
    parent: { field: 'observationId', type: 'publicSpaceObservation' },
    isAppendOnly: true,
  },
  observationReaction: {
    fields: ObservationReactionFieldSchemas,
    required: OBSERVATION_REACTION_REQUIRED,
    isCounterKey: () => false,
    idRule: (id, fields) =>
      typeof fields['observationId'] === 'string' && reactionIdFor(fields['observationId']) !== id
        ? 'a reaction record id must be derived from its observation id'
        : null,
    parent: { field: 'observationId', type: 'safetyObservation' },
    fixed: ['observationId'],
  },
  // Monitoring settings (monitoring-settings.ts): one record per buurt and year, one per indicator.
  residentCount: {
    fields: ResidentCountFieldSchemas,
    required: RESIDENT_COUNT_REQUIRED,
    isCounterKey: () => false,
    idRule: (id, fields) =>
      typeof fields['buurtId'] === 'string' && typeof fields['year'] === 'number' && residentCountIdFor(fields['buurtId'], fields['year']) !== id
        ? 'a resident count id must be derived from its buurt and year'
        : null,
    fixed: ['buurtId', 'year'],
  },
  indicatorTarget: {
    fields: IndicatorTargetFieldSchemas,
    required: INDICATOR_TARGET_REQUIRED,
    isCounterKey: () => false,
    idRule: (id, fields) =>
      typeof fields['indicator'] === 'string' && indicatorTargetIdFor(fields['indicator']) !== id ? 'a target id must be derived from its indicator' : null,
    fixed: ['indicator'],
  },
  cbsFigures: {
    fields: CbsFiguresFieldSchemas,
    required: CBS_FIGURES_REQUIRED,
    isCounterKey: () => false,
    idRule: (id, fields) =>
      typeof fields['buurtId'] === 'string' && typeof fields['year'] === 'number' && cbsFiguresIdFor(fields['buurtId'], fields['year']) !== id
        ? 'a CBS figures id must be derived from its buurt and year'
        : null,
    fixed: ['buurtId', 'year'],
  },
  ...(Object.fromEntries(
    CONFIG_RECORD_TYPES.map((type) => [type, { fields: CONFIG_FIELD_SCHEMAS[type], required: CONFIG_REQUIRED[type], isCounterKey: () => false }]),
  ) as unknown as Record<ConfigRecordType, RecordDefinition>),
};

/** The plain field values of a record (no HLCs). */
export function fieldValues(record: Mergeable): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(record.fields)) out[name] = field.v;
  return out;
}

export function isDeleted(record: Mergeable): boolean {
  return record.fields['deleted']?.v === true;
}

/** An activity as the UI reads it, or null while its creating write has not arrived. */
export function activityOf(record: SyncRecord): (Activity & { id: string }) | null {
  const parsed = z.safeParse(ActivitySchema, fieldValues(record));
  return parsed.success ? { ...parsed.data, id: record.id } : null;
}

/** A schouw round's settings (defaults filled in), or null while its creating write has not arrived. */
export function schouwOf(record: SyncRecord): (Schouw & { id: string }) | null {
  const parsed = z.safeParse(SchouwSchema, fieldValues(record));
  return parsed.success ? { ...parsed.data, id: record.id } : null;
}

export function findingOf(record: SyncRecord): (Finding & { id: string }) | null {
  const parsed = z.safeParse(FindingSchema, fieldValues(record));
  return parsed.success ? { ...parsed.data, id: record.id } : null;
}

export function findingStatusChangeOf(record: SyncRecord): (FindingStatusChange & { id: string }) | null {
  const parsed = z.safeParse(FindingStatusChangeSchema, fieldValues(record));
  return parsed.success ? { ...parsed.data, id: record.id } : null;
}

export type SchouwParticipants = {
  readonly residents: number;
  /** Participants per partner id, only those above zero, by partner id. */
  readonly partners: ReadonlyArray<readonly [string, number]>;
  readonly total: number;
};

/** Who took part in a round: residents and each partner's people (PN-counters summed over devices). */
export function schouwParticipants(record: Mergeable | undefined): SchouwParticipants {
  const residents = Math.max(0, counterValue(record?.counters[RESIDENTS_COUNT]));
  const partners: Array<readonly [string, number]> = [];
  for (const [key, counter] of Object.entries(record?.counters ?? {})) {
    const partnerId = partnerOfCounterKey(key);
    const value = counterValue(counter);
    if (partnerId !== null && value > 0) partners.push([partnerId, value]);
  }
  partners.sort(([a], [b]) => a.localeCompare(b));
  return { residents, partners, total: partners.reduce((sum, [, n]) => sum + n, residents) };
}

export type AttendanceTotals = {
  readonly counts: Readonly<Record<(typeof COUNT_KEYS)[number], number>>;
  /** Participants per PC4, only those with a count above zero, by postcode. */
  readonly postcodes: ReadonlyArray<readonly [string, number]>;
};

export function attendanceTotals(record: Mergeable | undefined): AttendanceTotals {
  const counts = Object.fromEntries(COUNT_KEYS.map((key) => [key, Math.max(0, counterValue(record?.counters[key]))])) as Record<
    (typeof COUNT_KEYS)[number],
    number
  >;
  const postcodes: Array<readonly [string, number]> = [];
  for (const [key, counter] of Object.entries(record?.counters ?? {})) {
    const pc4 = pc4OfCounterKey(key);
    const value = counterValue(counter);
    if (pc4 !== null && value > 0) postcodes.push([pc4, value]);
  }
  postcodes.sort(([a], [b]) => a.localeCompare(b));
  return { counts, postcodes };
}
