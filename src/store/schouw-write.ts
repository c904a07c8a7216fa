/**
 * The UI's writes of a schouw round, its findings and their follow-up, each
 * through writeLocal (record and outbox entry in one transaction). Loaded
 * with the first schouw screen, not with the first screen.
 *
 * A finding copies its round's buurt and team from the activity inside the
 * same transaction that writes it, so who may see it is decided by the
 * finding alone (permissions.ts). A status change writes the finding's
 * current status and its history entry in one transaction: the history never
 * misses a step the finding shows, nor the other way round.
 */
import * as z from 'zod/mini';
import { activityOf } from '../domain/records.ts';
import { FINDING_REQUIRED, FindingFieldSchemas, FindingStatusSchema } from '../domain/finding.ts';
import { IdSchema, uuidv7 } from '../domain/ids.ts';
import { counterValue } from '../domain/merge.ts';
import type { CounterKey } from '../domain/attendance.ts';
import { isSchouwCounterKey, SchouwFieldSchemas, schouwIdFor } from '../domain/schouw.ts';
import type { StoredRecord } from './database.ts';
import { changedOnly, check, validFields } from './input.ts';
import { InvalidInputError } from './invalid-input.ts';
import { writeLocal, type StoreContext } from './local-write.ts';
import { ownThumbnails, thumbnailsFor } from './photos.ts';
import type { FindingChanges, FindingInput, SchouwSettings, StatusChangeInput } from './schouw-store.ts';

const SCHOUW_SETTING_KEYS = ['kind', 'method', 'targetLevel'] as const satisfies readonly (keyof SchouwSettings)[];

const FINDING_CHANGE_KEYS = [
  'pointNo',
  'location',
  'address',
  'cbsBuurtCode',
  'photos',
  'note',
  'element',
  'aspect',
  'level',
  'action',
  'responsiblePartnerId',
  'meldingNumber',
  'meldingStatus',
] as const satisfies readonly (keyof FindingChanges)[];

function liveActivity(record: StoredRecord | undefined, activityId: string) {
  const activity = record?.type === 'activity' ? activityOf(record) : null;
  if (!activity || activity.deleted) throw new InvalidInputError([{ path: 'schouwId', message: `no schouw activity ${activityId} on this device` }]);
  return activity;
}

export async function updateSchouw(ctx: StoreContext, activityId: string, changes: Partial<SchouwSettings>): Promise<void> {
  check(IdSchema, activityId, 'activityId');
  const fields = validFields(SchouwFieldSchemas, SCHOUW_SETTING_KEYS, changes);
  await writeLocal(ctx, { id: schouwIdFor(activityId), type: 'schouw' }, (current) => ({
    fields: { ...(current?.fields['activityId'] ? {} : { activityId }), ...(current ? changedOnly(current, fields) : fields) },
  }));
}

/** One more (or one fewer) participant: residents, or `partner:<id>`. Two phones counting add up. */
export async function bumpSchouwCount(ctx: StoreContext, activityId: string, key: CounterKey, delta: 1 | -1): Promise<void> {
  check(IdSchema, activityId, 'activityId');
  if (!isSchouwCounterKey(key)) throw new InvalidInputError([{ path: 'key', message: `not a participant count: ${key}` }]);
  if (delta !== 1 && delta !== -1) throw new InvalidInputError([{ path: 'delta', message: 'must be 1 or -1' }]);
  await writeLocal(ctx, { id: schouwIdFor(activityId), type: 'schouw' }, (current) => {
    // A minus at zero would make a hidden negative that swallows the next plus.
    if (delta < 0 && counterValue(current?.counters[key]) <= 0) return null;
    return { fields: current?.fields['activityId'] ? {} : { activityId }, counterDeltas: { [key]: delta } };
  });
}

export async function createFinding(ctx: StoreContext, input: FindingInput, createdBy: string): Promise<string> {
  check(IdSchema, input.schouwId, 'schouwId');
  const given = validFields(FindingFieldSchemas, ['element', 'aspect', ...FINDING_CHANGE_KEYS.filter((key) => key !== 'cbsBuurtCode')], input);
  const missing = FINDING_REQUIRED.filter((key) => (key === 'element' || key === 'aspect') && given[key] === undefined);
  if (missing.length > 0) throw new InvalidInputError(missing.map((path) => ({ path, message: 'required' })));
  check(FindingFieldSchemas.createdBy, createdBy, 'createdBy');
  const { db } = ctx;
  const photos = (given['photos'] ?? []) as string[];
  // Each photo's thumbnail, made on this phone when it was taken (src/domain/photos.ts).
  if (photos.length > 0) given['thumbnails'] = thumbnailsFor(photos, await ownThumbnails(db, photos), undefined);
  return db.transaction('rw', [db.records, db.outbox, db.meta], async () => {
    const activity = liveActivity(await db.records.get(input.schouwId), input.schouwId);
    const createdAt = ctx.now();
    const id = uuidv7(createdAt);
    const fields = { ...given, schouwId: input.schouwId, buurtId: activity.buurtId, teamId: activity.teamId, createdAt, createdBy };
    await writeLocal(ctx, { id, type: 'finding' }, (current) => (current ? null : { fields }));
    return id;
  });
}

export async function updateFinding(ctx: StoreContext, id: string, changes: FindingChanges): Promise<void> {
  check(IdSchema, id, 'id');
  const fields = validFields(FindingFieldSchemas, FINDING_CHANGE_KEYS, changes);
  // The CBS buurt was looked up for the old point: a new point needs a new lookup.
  if ('location' in fields && !('cbsBuurtCode' in fields)) fields['cbsBuurtCode'] = null;
  const photos = fields['photos'] as string[] | undefined;
  const own = photos ? await ownThumbnails(ctx.db, photos) : {};
  await writeLocal(ctx, { id, type: 'finding' }, (current) => {
    if (current?.type !== 'finding') throw new InvalidInputError([{ path: 'id', message: `no finding ${id}` }]);
    // The photos and their thumbnails change together (src/domain/photos.ts).
    if (photos) fields['thumbnails'] = thumbnailsFor(photos, own, current);
    return { fields: changedOnly(current, fields) };
  });
}

export async function deleteFinding(ctx: StoreContext, id: string): Promise<void> {
  check(IdSchema, id, 'id');
  await writeLocal(ctx, { id, type: 'finding' }, (current) =>
    current?.type !== 'finding' || current.fields['deleted']?.v === true ? null : { fields: { deleted: true } },
  );
}

/**
 * Move a finding's follow-up to `to` (or, with the same status, add a note):
 * the finding's status and a history entry (who, when, from → to, note) in
 * one transaction. Resolves to the entry's id.
 */
export async function setFindingStatus(ctx: StoreContext, findingId: string, input: StatusChangeInput): Promise<string> {
  check(IdSchema, findingId, 'findingId');
  const to = check(FindingStatusSchema, input.to, 'to');
  const note = check(FindingFieldSchemas.note, input.note ?? '', 'note');
  const by = check(FindingFieldSchemas.createdBy, input.by, 'by');
  const { db } = ctx;
  return db.transaction('rw', [db.records, db.outbox, db.meta], async () => {
    const record = await db.records.get(findingId);
    const rawFrom = record?.type === 'finding' ? (record.fields['status']?.v ?? 'new') : null;
    const from = z.safeParse(FindingStatusSchema, rawFrom);
    if (record?.type !== 'finding' || record.fields['deleted']?.v === true || !from.success) {
      throw new InvalidInputError([{ path: 'findingId', message: `no finding ${findingId}` }]);
    }
    if (from.data === to && note.trim() === '')
      throw new InvalidInputError([{ path: 'note', message: 'a follow-up note without a change of status must say something' }]);
    const at = ctx.now();
    const entryId = uuidv7(at);
    const buurtId = record.fields['buurtId']?.v;
    const teamId = record.fields['teamId']?.v ?? null;
    await writeLocal(ctx, { id: entryId, type: 'findingStatusChange' }, () => ({ fields: { findingId, from: from.data, to, note, at, by, buurtId, teamId } }));
    if (from.data !== to) await writeLocal(ctx, { id: findingId, type: 'finding' }, () => ({ fields: { status: to } }));
    return entryId;
  });
}
