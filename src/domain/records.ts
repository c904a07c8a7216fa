/**
 * Synced records: the one shape of every record type, on the wire and in
 * storage (its schema: record-schema.ts), and the registry that says which
 * fields and counters each type has.
 */
import * as z from 'zod/mini';
import { ACTIVITY_REQUIRED, ActivityFieldSchemas, ActivitySchema, type Activity } from './activity.ts';
import { AttendanceFieldSchemas, COUNT_KEYS, attendanceIdFor, isAttendanceCounterKey, pc4OfCounterKey } from './attendance.ts';
import { CONFIG_FIELD_SCHEMAS, CONFIG_RECORD_TYPES, CONFIG_REQUIRED, type ConfigRecordType } from './config-records.ts';
import { IdSchema } from './ids.ts';
import { counterValue, type Mergeable } from './merge.ts';
import type { SyncRecordSchema } from './record-schema.ts';

export const RECORD_TYPES = ['activity', 'attendance', ...CONFIG_RECORD_TYPES] as const;
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
};

export const RECORD_DEFINITIONS: Readonly<Record<RecordType, RecordDefinition>> = {
  activity: {
    fields: ActivityFieldSchemas,
    required: ACTIVITY_REQUIRED,
    isCounterKey: () => false,
    // Only configuration items are seeded with slug ids; records made in the field get a UUIDv7 on the device.
    idRule: (id) => (z.safeParse(IdSchema, id).success ? null : 'an activity id must be a UUID made on the device'),
  },
  attendance: {
    fields: AttendanceFieldSchemas,
    required: ['activityId'],
    isCounterKey: isAttendanceCounterKey,
    idRule: (id, fields) =>
      typeof fields['activityId'] === 'string' && attendanceIdFor(fields['activityId']) !== id
        ? 'an attendance record id must be derived from its activity id'
        : null,
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

export type AttendanceTotals = {
  readonly counts: Readonly<Record<(typeof COUNT_KEYS)[number], number>>;
  /** Participants per PC4, only those with a count above zero, by postcode. */
  readonly postcodes: ReadonlyArray<readonly [string, number]>;
};

export function attendanceTotals(record: Mergeable | undefined): AttendanceTotals {
  const counts = Object.fromEntries(
    COUNT_KEYS.map((key) => [key, Math.max(0, counterValue(record?.counters[key]))]),
  ) as Record<(typeof COUNT_KEYS)[number], number>;
  const postcodes: Array<readonly [string, number]> = [];
  for (const [key, counter] of Object.entries(record?.counters ?? {})) {
    const pc4 = pc4OfCounterKey(key);
    const value = counterValue(counter);
    if (pc4 !== null && value > 0) postcodes.push([pc4, value]);
  }
  postcodes.sort(([a], [b]) => a.localeCompare(b));
  return { counts, postcodes };
}
