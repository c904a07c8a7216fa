/**
 * Attendance (aanwezigheid) of an activity: counts, never names.
 *
 * Counts are PN-counters (see merge.ts): two phones at two doors counting the
 * same activity offline add up, they never overwrite each other. There is
 * exactly one attendance record per activity, so its id is derived from the
 * activity's id — two phones that start counting offline write to the same
 * record without ever having talked.
 */
import * as z from 'zod/mini';
import { IdSchema } from './ids.ts';

export const COUNT_KEYS = ['residents', 'volunteers', 'professionals', 'children', 'firstTimers', 'registered'] as const;
export type CountKey = (typeof COUNT_KEYS)[number];

declare const counterKeyBrand: unique symbol;
/**
 * The name of one PN-counter in a record: an attendance count (`residents`),
 * a postcode (`pc4:2951`), or a round's participants (`residents`,
 * `partner:<id>`, schouw.ts). A plain count name is a key as it is; a key
 * with a prefix is made only by its constructor (`pc4CounterKey`,
 * `partnerCounterKey`) or a guard, never cast. The store still checks that
 * a key belongs to the record it bumps.
 */
export type CounterKey = CountKey | (string & { readonly [counterKeyBrand]: true });

/** Counts of people who turned up (not `firstTimers`, a subset, nor `registered`). */
export const TURNED_UP_KEYS = ['residents', 'volunteers', 'professionals', 'children'] as const satisfies readonly CountKey[];

/** People who turned up: residents + volunteers + professionals + children. */
export function turnedUp(counts: Readonly<Record<CountKey, number>>): number {
  return TURNED_UP_KEYS.reduce((sum, key) => sum + counts[key], 0);
}

export const ATTENDANCE_METHODS = ['headcount', 'estimate', 'signInList'] as const;
export type AttendanceMethod = (typeof ATTENDANCE_METHODS)[number];

const PC4_PREFIX = 'pc4:';
export const Pc4Schema = z.string().check(z.regex(/^[1-9]\d{3}$/, 'must be a four-digit postcode (PC4)'));

/** The counter of one postcode; the store refuses it unless `pc4` is a PC4. */
export function pc4CounterKey(pc4: string): CounterKey {
  return `${PC4_PREFIX}${pc4}` as CounterKey;
}

export function pc4OfCounterKey(key: string): string | null {
  return key.startsWith(PC4_PREFIX) ? key.slice(PC4_PREFIX.length) : null;
}

export function isCountKey(key: string): key is CountKey {
  return COUNT_KEYS.some((count) => count === key);
}

export function isAttendanceCounterKey(key: string): key is CounterKey {
  const pc4 = pc4OfCounterKey(key);
  if (pc4 !== null) return z.safeParse(Pc4Schema, pc4).success;
  return isCountKey(key);
}

export const AttendanceFieldSchemas = {
  activityId: IdSchema,
  method: z.enum(ATTENDANCE_METHODS),
  deleted: z.boolean(),
};

/**
 * The attendance record id of an activity: the activity's UUIDv7 with its
 * version nibble set to 8 (RFC 9562 "custom"), so it can never collide with
 * a record id made on a device.
 */
export function attendanceIdFor(activityId: string): string {
  return `${activityId.slice(0, 14)}8${activityId.slice(15)}`;
}
