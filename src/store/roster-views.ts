/**
 * What the roster, wijkagent, effort and report screens read: slots with
 * their walkers, observations with their reaction, rounds — plain views with
 * their sync state, read from the records table by type (the round and its
 * observations are written by patrol-store.ts; nothing here calls it).
 * Loaded with the first roster screen.
 */
import * as z from 'zod/mini';
import { fieldValues } from '../domain/records.ts';
import { ObservationReactionSchema, PublicSpaceObservationSchema, SafetyObservationSchema } from '../domain/patrol-observation.ts';
import { PATROL_SETTINGS_ID, patrolSettingsOf, type PatrolSettings } from '../domain/patrol-retention.ts';
import { rosterDate } from '../domain/patrol-roster.ts';
import { PatrolRoundSchema, PatrolSignUpSchema, PatrolSlotSchema, isRoundRunning, slotNeedsWalkers, slotWalkers, type PatrolSignUp } from '../domain/patrol.ts';
import type { BuurtlogDatabase, StoredRecord } from './database.ts';
import type {
  PatrolFilter,
  PublicSpaceObservationView,
  ReactionView,
  RoundView,
  SafetyObservationView,
  SlotFilter,
  SlotRound,
  SlotView,
} from './patrol-roster-store.ts';
import { syncStatesOf } from './sync-state.ts';

type Parsed<T> = { record: StoredRecord; value: T & { id: string } };

async function readType<T>(db: BuurtlogDatabase, type: StoredRecord['type'], schema: z.ZodMiniType<T>): Promise<Array<Parsed<T>>> {
  const out: Array<Parsed<T>> = [];
  for (const record of await db.records.where('type').equals(type).toArray()) {
    const parsed = z.safeParse(schema, fieldValues(record));
    if (parsed.success && (parsed.data as { deleted?: boolean }).deleted !== true) out.push({ record, value: { ...parsed.data, id: record.id } });
  }
  return out;
}

/** Minutes since midnight of "HH:MM". */
function minutesOf(time: string): number {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

function inSlotFilter(slot: { teamId: string; date: string }, filter: SlotFilter): boolean {
  if (filter.teamIds && !filter.teamIds.includes(slot.teamId)) return false;
  if (filter.from !== undefined && slot.date < filter.from) return false;
  return filter.until === undefined || slot.date <= filter.until;
}

/** The round started from each of these slots: a running one before an ended one, then the newest. */
async function roundsOfSlots(db: BuurtlogDatabase, slotIds: ReadonlySet<string>): Promise<Map<string, SlotRound>> {
  const found = new Map<string, SlotRound & { startedAt: number }>();
  for (const { value } of await readType(db, 'patrolRound', PatrolRoundSchema)) {
    if (value.slotId === null || !slotIds.has(value.slotId)) continue;
    const candidate = { id: value.id, running: isRoundRunning(value), startedAt: value.startedAt };
    const known = found.get(value.slotId);
    const isBetter = !known || (candidate.running && !known.running) || (candidate.running === known.running && candidate.startedAt > known.startedAt);
    if (isBetter) found.set(value.slotId, candidate);
  }
  return new Map([...found].map(([slotId, { id, running }]) => [slotId, { id, running }]));
}

export async function readSlots(db: BuurtlogDatabase, filter: SlotFilter): Promise<SlotView[]> {
  const slots = (await readType(db, 'patrolSlot', PatrolSlotSchema)).filter(({ value }) => inSlotFilter(value, filter));
  const wanted = new Set(slots.map(({ record }) => record.id));
  const signUps: PatrolSignUp[] = (await readType(db, 'patrolSignUp', PatrolSignUpSchema)).map(({ value }) => value).filter((s) => wanted.has(s.slotId));
  const stateOfRecord = await syncStatesOf(
    db,
    slots.map(({ record }) => record),
  );
  const rounds = await roundsOfSlots(db, wanted);
  return slots
    .map(({ record, value }) => {
      const { deleted: _deleted, ...slot } = value;
      const walkers = slotWalkers(record.id, signUps);
      return { ...slot, walkers, needsWalkers: slotNeedsWalkers({ walkers }), round: rounds.get(record.id) ?? null, syncState: stateOfRecord(record) };
    })
    .sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
}

export async function readSlot(db: BuurtlogDatabase, id: string): Promise<SlotView | null> {
  const record = await db.records.get(id);
  if (record?.type !== 'patrolSlot') return null;
  const date = record.fields['date']?.v;
  return (await readSlots(db, typeof date === 'string' ? { from: date, until: date } : {})).find((slot) => slot.id === id) ?? null;
}

/** Whether the slot is over at `now` (its date and start are Amsterdam time, as the roster's). */
function hasEnded(slot: SlotView, today: string, minutesNow: number): boolean {
  if (slot.date !== today) return slot.date < today;
  return minutesOf(slot.start) + slot.durationMinutes <= minutesNow;
}

function clockOf(now: number): { today: string; minutesNow: number } {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(now));
  return { today: rosterDate(now), minutesNow: minutesOf(time) };
}

export async function readNextSlot(db: BuurtlogDatabase, userId: string, now: number): Promise<SlotView | null> {
  const { today, minutesNow } = clockOf(now);
  const slots = await readSlots(db, { from: today });
  return slots.find((slot) => slot.walkers.includes(userId) && !hasEnded(slot, today, minutesNow)) ?? null;
}

export async function readUnderstaffed(db: BuurtlogDatabase, filter: SlotFilter, now: number): Promise<SlotView[]> {
  const { today, minutesNow } = clockOf(now);
  const from = filter.from !== undefined && filter.from > today ? filter.from : today;
  return (await readSlots(db, { ...filter, from })).filter((slot) => slot.needsWalkers && !hasEnded(slot, today, minutesNow));
}

export async function readMemberNames(db: BuurtlogDatabase): Promise<Map<string, string>> {
  const newest = new Map<string, { name: string; at: string }>();
  for (const { record, value } of await readType(db, 'patrolSignUp', PatrolSignUpSchema)) {
    const at = String(record.fields['name']?.t ?? '');
    const known = newest.get(value.userId);
    // HLC strings sort in time order: the name written last wins.
    if (value.name !== '' && (!known || at > known.at)) newest.set(value.userId, { name: value.name, at });
  }
  return new Map([...newest].map(([userId, { name }]) => [userId, name]));
}

function inPatrolFilter(value: { buurtId?: string; buurtIds?: readonly string[]; teamId: string }, at: number, filter: PatrolFilter): boolean {
  if (filter.teamIds && !filter.teamIds.includes(value.teamId)) return false;
  if (filter.buurtIds) {
    const buurten = value.buurtId !== undefined ? [value.buurtId] : (value.buurtIds ?? []);
    if (!buurten.some((id) => filter.buurtIds?.includes(id))) return false;
  }
  if (filter.from !== undefined && at < filter.from) return false;
  return filter.until === undefined || at < filter.until;
}

export async function readSafetyObservations(db: BuurtlogDatabase, filter: PatrolFilter): Promise<SafetyObservationView[]> {
  const observations = (await readType(db, 'safetyObservation', SafetyObservationSchema)).filter(({ value }) =>
    inPatrolFilter(value, value.observedAt, filter),
  );
  const wanted = new Set(observations.map(({ record }) => record.id));
  const reactions = (await readType(db, 'observationReaction', ObservationReactionSchema)).filter(({ value }) => wanted.has(value.observationId));
  const stateOfRecord = await syncStatesOf(
    db,
    [...observations, ...reactions].map(({ record }) => record),
  );
  const reactionOf = new Map<string, ReactionView>(reactions.map(({ record, value }) => [value.observationId, { ...value, syncState: stateOfRecord(record) }]));
  return observations
    .map(({ record, value }) => ({ ...value, kind: 'safety' as const, reaction: reactionOf.get(record.id) ?? null, syncState: stateOfRecord(record) }))
    .sort((a, b) => b.observedAt - a.observedAt || a.id.localeCompare(b.id));
}

export async function readPublicSpaceObservations(db: BuurtlogDatabase, filter: PatrolFilter): Promise<PublicSpaceObservationView[]> {
  const observations = (await readType(db, 'publicSpaceObservation', PublicSpaceObservationSchema)).filter(({ value }) =>
    inPatrolFilter(value, value.observedAt, filter),
  );
  const stateOfRecord = await syncStatesOf(
    db,
    observations.map(({ record }) => record),
  );
  return observations
    .map(({ record, value }) => ({ ...value, kind: 'publicSpace' as const, syncState: stateOfRecord(record) }))
    .sort((a, b) => b.observedAt - a.observedAt || a.id.localeCompare(b.id));
}

export async function readRounds(db: BuurtlogDatabase, filter: PatrolFilter): Promise<RoundView[]> {
  const rounds = (await readType(db, 'patrolRound', PatrolRoundSchema)).filter(({ value }) => inPatrolFilter(value, value.startedAt, filter));
  const stateOfRecord = await syncStatesOf(
    db,
    rounds.map(({ record }) => record),
  );
  return rounds
    .map(({ record, value }) => ({ ...value, syncState: stateOfRecord(record) }))
    .sort((a, b) => b.startedAt - a.startedAt || a.id.localeCompare(b.id));
}

export async function readPatrolSettings(db: BuurtlogDatabase): Promise<PatrolSettings> {
  return patrolSettingsOf(await db.records.get(PATROL_SETTINGS_ID));
}
