/**
 * Buurtpreventie beside the round itself: the team's roster (slots, who
 * signs up, the weekly pattern), the police's reaction to a safety
 * observation, and the reads of observations and rounds for the wijkagent,
 * the professional and the coordinator's effort view. The code
 * (roster-write.ts, roster-views.ts) loads with the first roster screen.
 *
 * The round and its observations are written by patrol-store.ts; this part
 * only reads those records (by type, from the records table), so the two
 * modules do not depend on each other.
 */
import type { WeeklyPattern } from '../domain/patrol-roster.ts';
import type { ObservationReaction, PublicSpaceObservation, ReactionState, SafetyObservation } from '../domain/patrol-observation.ts';
import type { PatrolRound, PatrolSlot } from '../domain/patrol.ts';
import type { PatrolSettings } from '../domain/patrol-retention.ts';
import type { StoreCore } from './core.ts';
import type { SyncState } from './sync-state.ts';

export type SlotView = Omit<PatrolSlot, 'deleted'> & {
  id: string;
  /** User ids signed up (each once, sorted). */
  walkers: string[];
  /** Fewer than two walkers: flagged. */
  needsWalkers: boolean;
  /** The round started from this slot (the running one first, else the newest), so the screens offer no second start. */
  round: SlotRound | null;
  syncState: SyncState;
};

/** A round started from a slot: its id and whether it is still being walked. */
export type SlotRound = { id: string; running: boolean };

/** What a coordinator fills in for one slot. */
export type SlotInput = Pick<PatrolSlot, 'teamId' | 'date' | 'start' | 'durationMinutes' | 'buurtIds'> & Partial<Pick<PatrolSlot, 'meetingPoint'>>;
/** What may change on a slot afterwards (its team never changes). */
export type SlotChanges = Partial<Pick<PatrolSlot, 'date' | 'start' | 'durationMinutes' | 'meetingPoint' | 'buurtIds'>>;

/** Which slots: of these teams (all on this device when absent), dates from…until inclusive. */
export type SlotFilter = { readonly teamIds?: readonly string[]; readonly from?: string; readonly until?: string };

export type ReactionView = ObservationReaction & { id: string; syncState: SyncState };
export type SafetyObservationView = SafetyObservation & { id: string; kind: 'safety'; reaction: ReactionView | null; syncState: SyncState };
export type PublicSpaceObservationView = PublicSpaceObservation & { id: string; kind: 'publicSpace'; syncState: SyncState };
export type ObservationView = SafetyObservationView | PublicSpaceObservationView;
export type RoundView = PatrolRound & { id: string; syncState: SyncState };

/** Which observations or rounds: of these buurten / teams, seen (started) from…until (Unix ms, until exclusive). */
export type PatrolFilter = { readonly buurtIds?: readonly string[]; readonly teamIds?: readonly string[]; readonly from?: number; readonly until?: number };

// A public-space observation's follow-up is the patrol store's (patrol-write.ts, patrol-views.ts): one rule, written once.
export type { ObservationHistoryEntry, ObservationStatusInput } from './patrol-store.ts';
import type { ObservationHistoryEntry, ObservationStatusInput } from './patrol-store.ts';

export type ReactionInput = { readonly text: string; readonly state: ReactionState; readonly by: string };

export type RosterStore = {
  /** Resolves to the new slot's id. */
  createSlot(input: SlotInput, createdBy: string): Promise<string>;
  updateSlot(id: string, changes: SlotChanges): Promise<void>;
  deleteSlot(id: string): Promise<void>;
  /** The coordinator's weekly pattern, up to three months ahead; dates that already have the slot are skipped. Resolves to the new slots' ids. */
  repeatWeekly(pattern: WeeklyPattern, createdBy: string): Promise<string[]>;
  /** `name`: the member's display name when this phone knows it (their own), kept on the sign-up for the team to read. */
  signUp(slotId: string, userId: string, name?: string): Promise<void>;
  signOff(slotId: string, userId: string): Promise<void>;
  /** `from` hands the slot to `to` (named `toName` when known): a sign-off and a sign-up in one transaction. */
  swap(slotId: string, from: string, to: string, toName?: string): Promise<void>;
  /** By date and start. */
  listSlots(filter: SlotFilter): Promise<SlotView[]>;
  getSlot(id: string): Promise<SlotView | null>;
  /** The person's next slot that has not ended at `now` (null: none planned). */
  nextSlot(userId: string, now: number): Promise<SlotView | null>;
  /** Slots from `now` on with fewer than two walkers. */
  understaffed(filter: SlotFilter, now: number): Promise<SlotView[]>;
  /** The display names the sign-ups on this phone carry, by user id (the newest name of each). */
  memberNames(): Promise<Map<string, string>>;

  /** Safety observations with their reaction (the wijkagent's view, and the team's), newest first. */
  listSafetyObservations(filter: PatrolFilter): Promise<SafetyObservationView[]>;
  /** Public-space observations (the professional's and the wijkbeheerder's view), newest first. */
  listPublicSpaceObservations(filter: PatrolFilter): Promise<PublicSpaceObservationView[]>;
  /** Rounds, newest first (the effort view and reports). */
  listRounds(filter: PatrolFilter): Promise<RoundView[]>;
  /** The police's reaction: text and seen/handled, one per observation (last writer wins). Resolves to the reaction's id. */
  react(observationId: string, input: ReactionInput): Promise<string>;
  /** A public-space observation's follow-up: its status and a history entry in one transaction. Resolves to the entry's id. */
  setObservationStatus(observationId: string, input: ObservationStatusInput): Promise<string>;
  /** The follow-up history of a public-space observation, oldest first. */
  getObservationHistory(observationId: string): Promise<ObservationHistoryEntry[]>;
  /** The tenant's patrol settings (retention periods, place), defaults until set. */
  settings(): Promise<PatrolSettings>;
};

export function rosterStore(core: StoreCore): RosterStore {
  const { db } = core;
  const writes = core.lazy(() => import('./roster-write.ts'));
  const views = core.lazy(() => import('./roster-views.ts'));
  const read = <T>(query: (v: typeof import('./roster-views.ts')) => Promise<T>): Promise<T> =>
    views((v) => db.transaction('r', [db.records, db.outbox], () => query(v)));
  const patrolWrites = core.lazy(() => import('./patrol-write.ts'));
  const patrolViews = core.lazy(() => import('./patrol-views.ts'));
  const patrolRead = <T>(query: (v: typeof import('./patrol-views.ts')) => Promise<T>): Promise<T> =>
    patrolViews((v) => db.transaction('r', [db.records, db.outbox], () => query(v)));
  return {
    createSlot: (input, createdBy) => writes((w) => w.createSlot(core, input, createdBy)),
    updateSlot: (id, changes) => writes((w) => w.updateSlot(core, id, changes)),
    deleteSlot: (id) => writes((w) => w.deleteSlot(core, id)),
    repeatWeekly: (pattern, createdBy) => writes((w) => w.repeatWeekly(core, pattern, createdBy)),
    signUp: (slotId, userId, name) => writes((w) => w.setSignedUp(core, slotId, userId, true, name)),
    signOff: (slotId, userId) => writes((w) => w.setSignedUp(core, slotId, userId, false)),
    swap: (slotId, from, to, toName) => writes((w) => w.swap(core, slotId, from, to, toName)),
    listSlots: (filter) => read((v) => v.readSlots(db, filter)),
    getSlot: (id) => read((v) => v.readSlot(db, id)),
    nextSlot: (userId, now) => read((v) => v.readNextSlot(db, userId, now)),
    understaffed: (filter, now) => read((v) => v.readUnderstaffed(db, filter, now)),
    memberNames: () => read((v) => v.readMemberNames(db)),
    listSafetyObservations: (filter) => read((v) => v.readSafetyObservations(db, filter)),
    listPublicSpaceObservations: (filter) => read((v) => v.readPublicSpaceObservations(db, filter)),
    listRounds: (filter) => read((v) => v.readRounds(db, filter)),
    react: (observationId, input) => writes((w) => w.react(core, observationId, input)),
    setObservationStatus: (observationId, input) => patrolWrites((w) => w.setObservationStatus(core, observationId, input)),
    getObservationHistory: (observationId) => patrolRead((v) => v.readObservationHistory(db, observationId)),
    settings: () => read((v) => v.readPatrolSettings(db)),
  };
}
