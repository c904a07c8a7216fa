/**
 * The round screen's writes, each through writeLocal (record and outbox
 * entry in one transaction), so every step is durable the moment it
 * returns. Loaded with the first patrol screen.
 *
 * An observation copies its round's team (and, unless given, its first
 * buurt) inside the transaction that writes it, so who may see it follows
 * from the observation alone (permissions.ts). A status change of a
 * public-space observation writes the observation's status and its history
 * entry in one transaction (the follow-up of follow-up.ts).
 */
import * as z from 'zod/mini';
import { FollowUpStatusSchema } from '../domain/follow-up.ts';
import { IdSchema, uuidv7 } from '../domain/ids.ts';
import { ObservationStatusChangeFieldSchemas, PublicSpaceObservationFieldSchemas, SafetyObservationFieldSchemas } from '../domain/patrol-observation.ts';
import { PatrolRoundFieldSchemas, PatrolRoundSchema, isRoundOverdue, isRoundRunning, overdueClosure } from '../domain/patrol.ts';
import { appendToTrack, type TrackFix } from '../domain/patrol-track.ts';
import { fieldValues } from '../domain/records.ts';
import type { StoredRecord } from './database.ts';
import { changedOnly, check, validFields } from './input.ts';
import { InvalidInputError } from './invalid-input.ts';
import { createLocal, writeLocal, type StoreContext } from './local-write.ts';
import { ownThumbnails, thumbnailsFor } from './photos.ts';
import type { EndRoundInput, ObservationChanges, ObservationInput, ObservationStatusInput, StartRoundInput, TrackChoice } from './patrol-store.ts';

const START_KEYS = ['teamId', 'buurtIds', 'walkers', 'mode', 'slotId', 'checkedInWithPolice', 'startPoint', 'trackOptIn', 'shareTrackWithPolice'] as const;
const OBSERVATION_CHANGE_KEYS = ['note', 'action', 'meldingNumber', 'location', 'address', 'photos', 'meldingStatus'] as const;
const SAFETY_CHANGE_KEYS = ['note', 'action', 'meldingNumber', 'location', 'address'] as const;

function roundOf(record: StoredRecord | undefined) {
  if (record?.type !== 'patrolRound') return null;
  const parsed = z.safeParse(PatrolRoundSchema, fieldValues(record));
  return parsed.success ? parsed.data : null;
}

export async function startRound(ctx: StoreContext, input: StartRoundInput, createdBy: string): Promise<string> {
  const given = validFields(PatrolRoundFieldSchemas, START_KEYS, input);
  const missing = (['teamId', 'buurtIds', 'walkers', 'mode'] as const).filter((key) => given[key] === undefined);
  if (missing.length > 0) throw new InvalidInputError(missing.map((path) => ({ path, message: 'required' })));
  check(PatrolRoundFieldSchemas.createdBy, createdBy, 'createdBy');
  if (given['shareTrackWithPolice'] === true && given['trackOptIn'] !== true) throw noTrackToShare();
  const startedAt = ctx.now();
  const id = uuidv7(startedAt);
  const fields = {
    slotId: null,
    checkedInWithPolice: false,
    trackOptIn: false,
    shareTrackWithPolice: false,
    track: null,
    ...given,
    startedAt,
    endedAt: null,
    closedBy: null,
    createdAt: startedAt,
    createdBy,
  };
  await writeLocal(ctx, { id, type: 'patrolRound' }, (current) => (current ? null : { fields }));
  return id;
}

export async function endRound(ctx: StoreContext, id: string, input: EndRoundInput): Promise<void> {
  check(IdSchema, id, 'id');
  const outcome = check(z.enum(['nothingToReport', 'remarks', 'incident'] as const), input.outcome, 'outcome');
  const summary = check(PatrolRoundFieldSchemas.summary, input.summary ?? '', 'summary');
  await writeLocal(ctx, { id, type: 'patrolRound' }, (current) => {
    const round = roundOf(current);
    if (!round || round.deleted) throw new InvalidInputError([{ path: 'id', message: `no patrol round ${id}` }]);
    if (!isRoundRunning(round)) throw new InvalidInputError([{ path: 'id', message: 'this round has already ended' }]);
    return { fields: { outcome, summary, endedAt: ctx.now(), closedBy: 'walkers' } };
  });
}

const noTrackToShare = () => new InvalidInputError([{ path: 'shareTrackWithPolice', message: 'only a round whose route is recorded can share it' }]);

/**
 * The walkers' choice about the route, at the start or any time after: off
 * clears the stored track and the sharing with it (nothing of the route is
 * kept); sharing needs the route on.
 */
export async function setTrackChoice(ctx: StoreContext, id: string, choice: TrackChoice): Promise<void> {
  check(IdSchema, id, 'id');
  const given = validFields(PatrolRoundFieldSchemas, ['trackOptIn', 'shareTrackWithPolice'], choice);
  await writeLocal(ctx, { id, type: 'patrolRound' }, (current) => {
    const round = roundOf(current);
    if (!round || round.deleted || !current) throw new InvalidInputError([{ path: 'id', message: `no patrol round ${id}` }]);
    const optIn = given['trackOptIn'] ?? round.trackOptIn;
    if (given['shareTrackWithPolice'] === true && optIn !== true) throw noTrackToShare();
    if (optIn === false) return { fields: changedOnly(current, { trackOptIn: false, track: null, shareTrackWithPolice: false }) };
    return { fields: changedOnly(current, given) };
  });
}

/**
 * Adds GPS fixes to a running round's track (patrol-track.ts
 * `appendToTrack`: only the points the sampling keeps, thinned near the
 * limit): one write of the whole encoded track, a last-writer-wins field,
 * whose outbox entry replaces the round's pending one. Nothing is written
 * for a round whose route is off, nor fixes taken after its end (the last
 * batch, written as the round screen closes, may come just after the end).
 * Resolves to whether it wrote.
 */
export async function appendTrack(ctx: StoreContext, id: string, fixes: readonly TrackFix[]): Promise<boolean> {
  check(IdSchema, id, 'id');
  if (fixes.length === 0) return false;
  return writeLocal(ctx, { id, type: 'patrolRound' }, (current) => {
    const round = roundOf(current);
    if (!round?.trackOptIn || round.deleted) return null;
    // The last batch may arrive just after the walkers ended the round: what was taken before the end still counts.
    const taken = isRoundRunning(round) ? fixes : round.endedAt === null ? [] : fixes.filter((fix) => fix.at <= (round.endedAt as number));
    if (taken.length === 0) return null;
    const track = appendToTrack(round.track, taken);
    return track === round.track ? null : { fields: { track } };
  });
}

export async function closeOverdueRounds(ctx: StoreContext): Promise<number> {
  const { db } = ctx;
  const now = ctx.now();
  const overdue = (await db.records.where('type').equals('patrolRound').toArray()).filter((record) => {
    const round = roundOf(record);
    return round !== null && isRoundOverdue(round, now);
  });
  let closed = 0;
  for (const record of overdue) {
    const wrote = await writeLocal(ctx, { id: record.id, type: 'patrolRound' }, (current) => {
      const round = roundOf(current);
      return round && isRoundOverdue(round, ctx.now()) ? { fields: { ...overdueClosure() } } : null;
    });
    if (wrote) closed++;
  }
  return closed;
}

export async function addObservation(ctx: StoreContext, input: ObservationInput, createdBy: string): Promise<string> {
  check(IdSchema, input.roundId, 'roundId');
  const type = input.kind === 'safety' ? 'safetyObservation' : input.kind === 'publicSpace' ? 'publicSpaceObservation' : null;
  if (!type) throw new InvalidInputError([{ path: 'kind', message: 'must be safety or publicSpace' }]);
  const schemas = type === 'safetyObservation' ? SafetyObservationFieldSchemas : PublicSpaceObservationFieldSchemas;
  const given = validFields(schemas, ['type', 'location', 'address', 'buurtId', 'action'], input);
  if (given['type'] === undefined) throw new InvalidInputError([{ path: 'type', message: 'required' }]);
  check(schemas.createdBy, createdBy, 'createdBy');
  const observedAt = ctx.now();
  const id = uuidv7(observedAt);
  // One tap in the dark: a new record, so createLocal reads only the round, beside the clock.
  await createLocal(ctx, { id, type }, async () => {
    const round = roundOf(await ctx.db.records.get(input.roundId));
    if (!round || round.deleted) throw new InvalidInputError([{ path: 'roundId', message: `no patrol round ${input.roundId} on this device` }]);
    const buurtId = given['buurtId'] ?? round.buurtIds[0];
    if (buurtId === undefined) throw new InvalidInputError([{ path: 'buurtId', message: 'the round has no buurt: choose the buurt' }]);
    return { action: 'none', ...given, roundId: input.roundId, teamId: round.teamId, buurtId, observedAt, createdAt: observedAt, createdBy };
  });
  return id;
}

export async function updateObservation(ctx: StoreContext, id: string, changes: ObservationChanges): Promise<void> {
  check(IdSchema, id, 'id');
  const { db } = ctx;
  const asked = changes.photos;
  const own = Array.isArray(asked) && asked.every((hash) => typeof hash === 'string') ? await ownThumbnails(db, asked) : {};
  await db.transaction('rw', [db.records, db.outbox, db.meta], async () => {
    const record = await db.records.get(id);
    if (record?.type === 'safetyObservation') {
      if (changes.photos !== undefined && changes.photos.length > 0)
        throw new InvalidInputError([{ path: 'photos', message: 'a safety observation has no photos' }]);
      const fields = validFields(SafetyObservationFieldSchemas, SAFETY_CHANGE_KEYS, changes);
      await writeLocal(ctx, { id, type: 'safetyObservation' }, (current) => (current ? { fields: changedOnly(current, fields) } : null));
      return;
    }
    if (record?.type !== 'publicSpaceObservation') throw new InvalidInputError([{ path: 'id', message: `no observation ${id}` }]);
    const fields = validFields(PublicSpaceObservationFieldSchemas, OBSERVATION_CHANGE_KEYS, changes);
    const photos = fields['photos'] as string[] | undefined;
    await writeLocal(ctx, { id, type: 'publicSpaceObservation' }, (current) => {
      if (!current) return null;
      // The photos and their thumbnails change together (src/domain/photos.ts).
      if (photos) fields['thumbnails'] = thumbnailsFor(photos, own, current);
      return { fields: changedOnly(current, fields) };
    });
  });
}

export async function deleteObservation(ctx: StoreContext, id: string): Promise<void> {
  check(IdSchema, id, 'id');
  const { db } = ctx;
  await db.transaction('rw', [db.records, db.outbox, db.meta], async () => {
    const record = await db.records.get(id);
    if (record?.type !== 'safetyObservation' && record?.type !== 'publicSpaceObservation') return;
    await writeLocal(ctx, { id, type: record.type }, (current) => (current?.fields['deleted']?.v === true ? null : { fields: { deleted: true } }));
  });
}

/** The follow-up of a public-space observation (follow-up.ts): its status and a history entry, in one transaction. */
export async function setObservationStatus(ctx: StoreContext, observationId: string, input: ObservationStatusInput): Promise<string> {
  check(IdSchema, observationId, 'observationId');
  const to = check(FollowUpStatusSchema, input.to, 'to');
  const note = check(ObservationStatusChangeFieldSchemas.note, input.note ?? '', 'note');
  const by = check(ObservationStatusChangeFieldSchemas.by, input.by, 'by');
  const { db } = ctx;
  return db.transaction('rw', [db.records, db.outbox, db.meta], async () => {
    const record = await db.records.get(observationId);
    const from = z.safeParse(FollowUpStatusSchema, record?.fields['status']?.v ?? 'new');
    if (record?.type !== 'publicSpaceObservation' || record.fields['deleted']?.v === true || !from.success) {
      throw new InvalidInputError([{ path: 'observationId', message: `no public-space observation ${observationId}` }]);
    }
    if (from.data === to && note.trim() === '')
      throw new InvalidInputError([{ path: 'note', message: 'a follow-up note without a change of status must say something' }]);
    const at = ctx.now();
    const entryId = uuidv7(at);
    const buurtId = record.fields['buurtId']?.v;
    const teamId = record.fields['teamId']?.v ?? null;
    await writeLocal(ctx, { id: entryId, type: 'observationStatusChange' }, () => ({
      fields: { observationId, from: from.data, to, note, at, by, buurtId, teamId },
    }));
    if (from.data !== to) await writeLocal(ctx, { id: observationId, type: 'publicSpaceObservation' }, () => ({ fields: { status: to } }));
    return entryId;
  });
}
