/**
 * The UI's writes of activities and their counts, each one local write
 * (local-write.ts: record and outbox entry in one transaction). Loaded by
 * the store right after it opens, not with the first screen: the list reads,
 * the screens that write load after it.
 */
import * as z from 'zod/mini';
import { ATTENDANCE_METHODS, attendanceIdFor, isAttendanceCounterKey, type CounterKey } from '../domain/attendance.ts';
import { IdSchema, uuidv7 } from '../domain/ids.ts';
import { counterValue, stableStringify } from '../domain/merge.ts';
import { activityFields, check, InvalidInputError, type ActivityInput } from './input.ts';
import { writeLocal, type StoreContext } from './local-write.ts';

export async function createActivity(ctx: StoreContext, input: ActivityInput): Promise<string> {
  const fields = activityFields(input, true);
  const createdAt = ctx.now();
  const id = uuidv7(createdAt);
  await writeLocal(ctx, { id, type: 'activity' }, (current) => (current ? null : { fields: { ...fields, createdAt, createdBy: ctx.deviceId } }));
  return id;
}

export async function updateActivity(ctx: StoreContext, id: string, changes: Partial<ActivityInput>): Promise<void> {
  const fields = activityFields(changes, false);
  await writeLocal(ctx, { id, type: 'activity' }, (current) => {
    if (current?.type !== 'activity') throw new InvalidInputError([{ path: 'id', message: `no activity ${id}` }]);
    // Only changed fields get a new HLC: an untouched field must not
    // overwrite a colleague's edit of it.
    const changed = Object.entries(fields).filter(([name, value]) => stableStringify(current.fields[name]?.v) !== stableStringify(value));
    return { fields: Object.fromEntries(changed) };
  });
}

export async function deleteActivity(ctx: StoreContext, id: string): Promise<void> {
  await writeLocal(ctx, { id, type: 'activity' }, (current) => (current?.type !== 'activity' || current.fields['deleted']?.v === true ? null : { fields: { deleted: true } }));
}

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

export async function setAttendanceMethod(ctx: StoreContext, activityId: string, method: (typeof ATTENDANCE_METHODS)[number]): Promise<void> {
  check(IdSchema, activityId, 'activityId');
  check(z.enum(ATTENDANCE_METHODS), method, 'method');
  await writeLocal(ctx, { id: attendanceIdFor(activityId), type: 'attendance' }, (current) => ({
    fields: {
      ...(current?.fields['activityId'] ? {} : { activityId }),
      ...(current?.fields['method']?.v === method ? {} : { method }),
    },
  }));
}
