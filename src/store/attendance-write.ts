/**
 * The UI's writes of an activity's attendance, each one local write
 * (local-write.ts: record and outbox entry in one transaction). Loaded by the
 * store right after it opens, not with the first screen.
 */
import * as z from 'zod/mini';
import { ATTENDANCE_METHODS, attendanceIdFor, isAttendanceCounterKey, type AttendanceMethod, type CounterKey } from '../domain/attendance.ts';
import { IdSchema } from '../domain/ids.ts';
import { counterValue } from '../domain/merge.ts';
import { check } from './input.ts';
import { InvalidInputError } from './invalid-input.ts';
import { writeLocal, type StoreContext } from './local-write.ts';

export async function bumpCount(ctx: StoreContext, activityId: string, key: CounterKey, delta: 1 | -1): Promise<void> {
  check(IdSchema, activityId, 'activityId');
  if (!isAttendanceCounterKey(key)) throw new InvalidInputError([{ path: 'key', message: `not a count: ${key}` }]);
  if (delta !== 1 && delta !== -1) throw new InvalidInputError([{ path: 'delta', message: 'must be 1 or -1' }]);
  await writeLocal(ctx, { id: attendanceIdFor(activityId), type: 'attendance' }, (current) => {
    // A minus at zero would make a hidden negative that swallows the next plus.
    if (delta < 0 && counterValue(current?.counters[key]) <= 0) return null;
    return { fields: current?.fields['activityId'] ? {} : { activityId }, counterDeltas: { [key]: delta } };
  });
}

export async function setAttendanceMethod(ctx: StoreContext, activityId: string, method: AttendanceMethod): Promise<void> {
  check(IdSchema, activityId, 'activityId');
  check(z.enum(ATTENDANCE_METHODS), method, 'method');
  await writeLocal(ctx, { id: attendanceIdFor(activityId), type: 'attendance' }, (current) => ({
    fields: {
      ...(current?.fields['activityId'] ? {} : { activityId }),
      ...(current?.fields['method']?.v === method ? {} : { method }),
    },
  }));
}
