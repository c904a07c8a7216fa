/**
 * What the patrol screens read: rounds, a round with its observations and
 * the police's reactions, an observation's follow-up history, each with its
 * sync state. Loaded with the first patrol screen.
 */
import * as z from 'zod/mini';
import {
  ObservationReactionSchema,
  ObservationStatusChangeSchema,
  PublicSpaceObservationSchema,
  SafetyObservationSchema,
  reactionIdFor,
} from '../domain/patrol-observation.ts';
import { PatrolRoundSchema, isRoundRunning } from '../domain/patrol.ts';
import { fieldValues } from '../domain/records.ts';
import { PATROL_SETTINGS_ID, patrolSettingsOf, type PatrolSettings } from '../domain/patrol-retention.ts';
import type { BuurtlogDatabase, StoredRecord } from './database.ts';
import type { ObservationHistoryEntry, ObservationView, PatrolRoundDetail, PatrolRoundView, RoundFilter } from './patrol-store.ts';
import { stateOf, syncStates, syncStatesOf, type SyncState } from './sync-state.ts';

function parse<T>(schema: z.ZodMiniType<T>, record: StoredRecord): T | null {
  const parsed = z.safeParse(schema, fieldValues(record));
  return parsed.success ? parsed.data : null;
}

const OBSERVATION_TYPES = ['safetyObservation', 'publicSpaceObservation'] as const;

async function observationRecords(db: BuurtlogDatabase): Promise<StoredRecord[]> {
  return db.records.where('type').anyOf(OBSERVATION_TYPES).toArray();
}

/** The wijkagent's reactions to these observations, by id (a reaction's id follows from its observation's: reactionIdFor). */
async function reactionsOf(db: BuurtlogDatabase, observations: readonly StoredRecord[]): Promise<Map<string, StoredRecord>> {
  const ids = observations.filter((record) => record.type === 'safetyObservation').map((record) => reactionIdFor(record.id));
  const found = await db.records.bulkGet(ids);
  return new Map(found.flatMap((record) => (record?.type === 'observationReaction' ? [[record.id, record] as const] : [])));
}

function observationOf(record: StoredRecord, reactions: ReadonlyMap<string, StoredRecord>, state: SyncState): ObservationView | null {
  if (record.type === 'safetyObservation') {
    const observation = parse(SafetyObservationSchema, record);
    if (!observation || observation.deleted) return null;
    const reactionRecord = reactions.get(reactionIdFor(record.id));
    const reaction = reactionRecord ? parse(ObservationReactionSchema, reactionRecord) : null;
    return {
      ...observation,
      id: record.id,
      kind: 'safety',
      syncState: state,
      reaction: reaction && !reaction.deleted ? { ...reaction, id: reactionRecord?.id ?? '' } : null,
    };
  }
  if (record.type === 'publicSpaceObservation') {
    const observation = parse(PublicSpaceObservationSchema, record);
    return observation && !observation.deleted ? { ...observation, id: record.id, kind: 'publicSpace', syncState: state, reaction: null } : null;
  }
  return null;
}

export async function readRounds(db: BuurtlogDatabase, filter: RoundFilter): Promise<PatrolRoundView[]> {
  const [records, observations] = await Promise.all([db.records.where('type').equals('patrolRound').toArray(), observationRecords(db)]);
  const counts = new Map<string, number>();
  for (const record of observations) {
    const roundId = record.fields['roundId']?.v;
    if (typeof roundId === 'string' && record.fields['deleted']?.v !== true) counts.set(roundId, (counts.get(roundId) ?? 0) + 1);
  }
  const rounds: Array<{ record: StoredRecord; round: NonNullable<ReturnType<typeof parse<z.infer<typeof PatrolRoundSchema>>>> }> = [];
  for (const record of records) {
    const round = parse(PatrolRoundSchema, record);
    if (round && !round.deleted && ('all' in filter || round.teamId === filter.teamId)) rounds.push({ record, round });
  }
  const stateOfRecord = await syncStatesOf(
    db,
    rounds.map(({ record }) => record),
  );
  return rounds
    .map(({ record, round }) => ({ ...round, id: record.id, syncState: stateOfRecord(record), observationCount: counts.get(record.id) ?? 0 }))
    .sort((a, b) => b.startedAt - a.startedAt || b.id.localeCompare(a.id));
}

export async function readRunningRound(db: BuurtlogDatabase, userId: string): Promise<PatrolRoundView | null> {
  const rounds = await readRounds(db, { all: true });
  return rounds.find((round) => isRoundRunning(round) && (round.walkers.includes(userId) || round.createdBy === userId)) ?? null;
}

export async function readRoundDetail(db: BuurtlogDatabase, id: string): Promise<PatrolRoundDetail | null> {
  const [record, mine] = await Promise.all([
    db.records.get(id),
    db.records
      .where('[type+fields.roundId.v]')
      .anyOf(OBSERVATION_TYPES.map((type) => [type, id]))
      .toArray(),
  ]);
  if (record?.type !== 'patrolRound') return null;
  const round = parse(PatrolRoundSchema, record);
  if (!round || round.deleted) return null;
  const reactions = await reactionsOf(db, mine);
  const entries = await db.outbox
    .where('recordId')
    .anyOf([id, ...mine.map((observation) => observation.id)])
    .toArray();
  const states = syncStates(entries);
  const stateOfRecord = (r: StoredRecord): SyncState => states.get(r.id) ?? (r.onServer ? 'sent' : 'local');
  const observations = mine
    .map((observation) => observationOf(observation, reactions, stateOfRecord(observation)))
    .filter((observation): observation is ObservationView => observation !== null)
    .sort((a, b) => a.observedAt - b.observedAt || a.id.localeCompare(b.id));
  return {
    round: { ...round, id, syncState: stateOfRecord(record), observationCount: observations.length },
    observations,
    unsent: entries.length,
  };
}

export async function readObservation(db: BuurtlogDatabase, id: string): Promise<ObservationView | null> {
  const [record, entries, reaction] = await Promise.all([
    db.records.get(id),
    db.outbox.where('recordId').equals(id).toArray(),
    db.records.get(reactionIdFor(id)),
  ]);
  if (!record) return null;
  return observationOf(record, new Map(reaction ? [[reaction.id, reaction]] : []), stateOf(record, entries));
}

export async function readObservationHistory(db: BuurtlogDatabase, observationId: string): Promise<ObservationHistoryEntry[]> {
  const matching: Array<{ record: StoredRecord; change: z.infer<typeof ObservationStatusChangeSchema> }> = [];
  for (const record of await db.records.where('type').equals('observationStatusChange').toArray()) {
    const change = parse(ObservationStatusChangeSchema, record);
    if (change && change.observationId === observationId) matching.push({ record, change });
  }
  const stateOfRecord = await syncStatesOf(
    db,
    matching.map(({ record }) => record),
  );
  // Two changes in one millisecond keep the order they were made in: the HLC of their status (string order is time order).
  const madeAt = (record: StoredRecord) => String(record.fields['to']?.t ?? '');
  return matching
    .sort((a, b) => a.change.at - b.change.at || madeAt(a.record).localeCompare(madeAt(b.record)) || a.record.id.localeCompare(b.record.id))
    .map(({ record, change }) => ({ ...change, id: record.id, syncState: stateOfRecord(record) }));
}

export async function readPatrolSettings(db: BuurtlogDatabase): Promise<PatrolSettings> {
  const record = await db.records.get(PATROL_SETTINGS_ID);
  return patrolSettingsOf(record?.type === 'patrolSettings' ? record : undefined);
}
