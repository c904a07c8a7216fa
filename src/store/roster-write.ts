/**
 * The roster's writes (slots, sign-ups, the weekly pattern) and the police's
 * reaction, each through writeLocal (record and outbox entry in one
 * transaction). Loaded with the first roster screen.
 *
 * A sign-up is one record per slot and member (signUpIdFor), so two members
 * signing up offline on two phones both stick; it copies the slot's team
 * inside the transaction that writes it. A reaction copies its
 * observation's team and buurt the same way.
 */
import * as z from 'zod/mini';
import type { Issue } from '../domain/errors.ts';
import { IdSchema, uuidv7 } from '../domain/ids.ts';
import { toIssues } from '../domain/issues.ts';
import { stableStringify } from '../domain/merge.ts';
import { ObservationReactionFieldSchemas, reactionIdFor } from '../domain/patrol-observation.ts';
import { expandWeeklyPattern, rosterDate, type WeeklyPattern } from '../domain/patrol-roster.ts';
import { PatrolSignUpFieldSchemas, PatrolSlotFieldSchemas, signUpIdFor } from '../domain/patrol.ts';
import type { StoredRecord } from './database.ts';
import { check } from './input.ts';
import { InvalidInputError } from './invalid-input.ts';
import { writeLocal, type StoreContext } from './local-write.ts';
import type { ReactionInput, SlotChanges, SlotInput } from './patrol-roster-store.ts';

const SLOT_KEYS = ['teamId', 'date', 'start', 'durationMinutes', 'meetingPoint', 'buurtIds'] as const;
const SLOT_CHANGE_KEYS = ['date', 'start', 'durationMinutes', 'meetingPoint', 'buurtIds'] as const satisfies readonly (keyof SlotChanges)[];

function slotFields(input: Readonly<Record<string, unknown>>, keys: readonly (typeof SLOT_KEYS)[number][], isNew: boolean): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const issues: Issue[] = [];
  for (const key of keys) {
    const value = input[key] ?? (isNew && key === 'meetingPoint' ? '' : undefined);
    if (value === undefined) {
      if (isNew) issues.push({ path: key, message: 'required' });
      continue;
    }
    const parsed = z.safeParse(PatrolSlotFieldSchemas[key], value);
    if (parsed.success) fields[key] = parsed.data;
    else issues.push(...toIssues(parsed.error, key));
  }
  if (issues.length > 0) throw new InvalidInputError(issues);
  return fields;
}

function liveSlot(record: StoredRecord | undefined, slotId: string): StoredRecord {
  if (record?.type !== 'patrolSlot' || record.fields['deleted']?.v === true)
    throw new InvalidInputError([{ path: 'slotId', message: `no roster slot ${slotId} on this device` }]);
  return record;
}

export async function createSlot(ctx: StoreContext, input: SlotInput, createdBy: string): Promise<string> {
  const given = slotFields(input, SLOT_KEYS, true);
  check(PatrolSlotFieldSchemas.createdBy, createdBy, 'createdBy');
  const createdAt = ctx.now();
  const id = uuidv7(createdAt);
  await writeLocal(ctx, { id, type: 'patrolSlot' }, () => ({ fields: { ...given, createdAt, createdBy } }));
  return id;
}

export async function updateSlot(ctx: StoreContext, id: string, changes: SlotChanges): Promise<void> {
  check(IdSchema, id, 'id');
  const fields = slotFields(changes, SLOT_CHANGE_KEYS, false);
  await writeLocal(ctx, { id, type: 'patrolSlot' }, (current) => {
    const slot = liveSlot(current, id);
    // Only what differs gets a new HLC: an untouched field must not overwrite a colleague's edit.
    return { fields: Object.fromEntries(Object.entries(fields).filter(([name, value]) => stableStringify(slot.fields[name]?.v) !== stableStringify(value))) };
  });
}

export async function deleteSlot(ctx: StoreContext, id: string): Promise<void> {
  check(IdSchema, id, 'id');
  await writeLocal(ctx, { id, type: 'patrolSlot' }, (current) =>
    current?.type !== 'patrolSlot' || current.fields['deleted']?.v === true ? null : { fields: { deleted: true } },
  );
}

/** The weekly pattern's slots up to three months ahead, in one transaction; dates the team already has at that start are skipped. */
export async function repeatWeekly(ctx: StoreContext, pattern: WeeklyPattern, createdBy: string): Promise<string[]> {
  // Each slot gets its own date; the template is checked with today's (or the pattern's first).
  const template = slotFields({ ...pattern, date: pattern.from ?? rosterDate(ctx.now()) }, SLOT_KEYS, true);
  const weekdays = check(z.array(z.int().check(z.gte(1), z.lte(7))).check(z.minLength(1)), pattern.weekdays, 'weekdays');
  check(PatrolSlotFieldSchemas.createdBy, createdBy, 'createdBy');
  const { db } = ctx;
  return db.transaction('rw', [db.records, db.outbox, db.meta], async () => {
    const existing: Array<{ teamId: string; date: string; start: string }> = [];
    for (const record of await db.records.where('type').equals('patrolSlot').toArray()) {
      const { teamId, date, start, deleted } = Object.fromEntries(Object.entries(record.fields).map(([name, field]) => [name, field.v]));
      if (deleted !== true && typeof teamId === 'string' && typeof date === 'string' && typeof start === 'string') existing.push({ teamId, date, start });
    }
    const drafts = expandWeeklyPattern({ ...pattern, weekdays, teamId: String(template['teamId']) }, ctx.now(), existing);
    const ids: string[] = [];
    for (const draft of drafts) {
      const createdAt = ctx.now();
      const id = uuidv7(createdAt);
      await writeLocal(ctx, { id, type: 'patrolSlot' }, () => ({
        fields: { ...template, date: draft.date, buurtIds: [...draft.buurtIds], createdAt, createdBy },
      }));
      ids.push(id);
    }
    return ids;
  });
}

async function writeSignUp(ctx: StoreContext, slot: StoredRecord, userId: string, signedUp: boolean, name: string | undefined): Promise<void> {
  const teamId = slot.fields['teamId']?.v;
  await writeLocal(ctx, { id: signUpIdFor(slot.id, userId), type: 'patrolSignUp' }, (current) => {
    // A name learnt since (or changed) is written even when the flag stays.
    const newName = name !== undefined && name !== '' && current?.fields['name']?.v !== name ? { name } : {};
    if (current && current.fields['signedUp']?.v === signedUp && current.fields['deleted']?.v !== true && !('name' in newName)) return null;
    // A sign-off of someone never signed up writes nothing.
    if (!current && !signedUp) return null;
    return {
      fields: current
        ? { signedUp, ...newName, ...(current.fields['deleted']?.v === true ? { deleted: false } : {}) }
        : { slotId: slot.id, userId, teamId, signedUp, name: name ?? '' },
    };
  });
}

export async function setSignedUp(ctx: StoreContext, slotId: string, userId: string, signedUp: boolean, name?: string): Promise<void> {
  check(IdSchema, slotId, 'slotId');
  check(IdSchema, userId, 'userId');
  if (name !== undefined) check(PatrolSignUpFieldSchemas.name, name, 'name');
  const { db } = ctx;
  await db.transaction('rw', [db.records, db.outbox, db.meta], async () => {
    await writeSignUp(ctx, liveSlot(await db.records.get(slotId), slotId), userId, signedUp, name);
  });
}

export async function swap(ctx: StoreContext, slotId: string, from: string, to: string, toName?: string): Promise<void> {
  check(IdSchema, slotId, 'slotId');
  check(IdSchema, from, 'from');
  check(IdSchema, to, 'to');
  if (toName !== undefined) check(PatrolSignUpFieldSchemas.name, toName, 'toName');
  if (from === to) throw new InvalidInputError([{ path: 'to', message: 'a swap needs another member' }]);
  const { db } = ctx;
  await db.transaction('rw', [db.records, db.outbox, db.meta], async () => {
    const slot = liveSlot(await db.records.get(slotId), slotId);
    await writeSignUp(ctx, slot, from, false, undefined);
    await writeSignUp(ctx, slot, to, true, toName);
  });
}

export async function react(ctx: StoreContext, observationId: string, input: ReactionInput): Promise<string> {
  check(IdSchema, observationId, 'observationId');
  const text = check(ObservationReactionFieldSchemas.text, input.text, 'text');
  const state = check(ObservationReactionFieldSchemas.state, input.state, 'state');
  const by = check(ObservationReactionFieldSchemas.by, input.by, 'by');
  const { db } = ctx;
  const id = reactionIdFor(observationId);
  await db.transaction('rw', [db.records, db.outbox, db.meta], async () => {
    const observation = await db.records.get(observationId);
    if (observation?.type !== 'safetyObservation' || observation.fields['deleted']?.v === true) {
      throw new InvalidInputError([{ path: 'observationId', message: `no safety observation ${observationId} on this device` }]);
    }
    const teamId = observation.fields['teamId']?.v;
    const buurtId = observation.fields['buurtId']?.v;
    await writeLocal(ctx, { id, type: 'observationReaction' }, (current) => ({
      fields: {
        ...(current ? {} : { observationId, teamId, buurtId }),
        text,
        state,
        by,
        at: ctx.now(),
        ...(current?.fields['deleted']?.v === true ? { deleted: false } : {}),
      },
    }));
  });
  return id;
}
