/**
 * The UI's writes of activities, each one local write
 * (local-write.ts: record and outbox entry in one transaction). Loaded by
 * the store right after it opens, not with the first screen: the list reads,
 * the screens that write load after it.
 */
import type { ActivityInput } from '../domain/activity.ts';
import { uuidv7 } from '../domain/ids.ts';
import { stableStringify } from '../domain/merge.ts';
import { activityFields } from './input.ts';
import { InvalidInputError } from './invalid-input.ts';
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
  await writeLocal(ctx, { id, type: 'activity' }, (current) =>
    current?.type !== 'activity' || current.fields['deleted']?.v === true ? null : { fields: { deleted: true } },
  );
}
