/**
 * A buurtpreventie round as the volunteer's round screen writes and reads
 * it: start, observations of both kinds, end, and the follow-up of a
 * public-space observation. The code (patrol-write.ts, patrol-views.ts)
 * loads with the first patrol screen, not with the first screen. The
 * roster (slots, sign-ups) is the roster store's (patrol-roster-store.ts).
 *
 * Every step is its own local write (record and outbox entry in one
 * transaction): a round survives the phone locking, the app being killed
 * and hours without signal. A round left running past 6 hours is closed by
 * `closeOverdueRounds` at the next start of the app ("niet afgesloten").
 */
import type { FollowUpStatus } from '../domain/follow-up.ts';
import type { Location } from '../domain/fields.ts';
import type { Address } from '../domain/finding.ts';
import type { ObservationReaction, ObservationStatusChange, PublicSpaceObservation, SafetyObservation } from '../domain/patrol-observation.ts';
import type { PatrolRound } from '../domain/patrol.ts';
import type { PatrolSettings } from '../domain/patrol-retention.ts';
import type { TrackFix } from '../domain/patrol-track.ts';
import type { StoreCore } from './core.ts';
import type { SyncState } from './sync-state.ts';

export type PatrolRoundView = PatrolRound & { id: string; syncState: SyncState; observationCount: number };
export type SafetyObservationView = SafetyObservation & {
  id: string;
  kind: 'safety';
  syncState: SyncState;
  reaction: (ObservationReaction & { id: string }) | null;
};
export type PublicSpaceObservationView = PublicSpaceObservation & { id: string; kind: 'publicSpace'; syncState: SyncState; reaction: null };
export type ObservationView = SafetyObservationView | PublicSpaceObservationView;
export type ObservationHistoryEntry = ObservationStatusChange & { id: string; syncState: SyncState };

/** A round with its observations (in the order seen) and how many of its changes this phone has not sent yet. */
export type PatrolRoundDetail = {
  round: PatrolRoundView;
  observations: ObservationView[];
  /** Changes to the round or its observations not yet on the server (pending or refused). */
  unsent: number;
};

/** What the walkers fill in at the start; the store adds when and by whom. */
export type StartRoundInput = Pick<PatrolRound, 'teamId' | 'buurtIds' | 'walkers' | 'mode'> &
  Partial<Pick<PatrolRound, 'slotId' | 'checkedInWithPolice' | 'startPoint' | 'trackOptIn' | 'shareTrackWithPolice'>>;
/** The route: recorded or not (off clears it), shared with the wijkagent or not. */
export type TrackChoice = Partial<Pick<PatrolRound, 'trackOptIn' | 'shareTrackWithPolice'>>;
export type EndRoundInput = Pick<PatrolRound, 'outcome' | 'summary'> & { outcome: NonNullable<PatrolRound['outcome']> };

/** A tap on a type: the rest is automatic (time now; place when the GPS has one) or added afterwards. */
export type ObservationInput =
  | {
      roundId: string;
      kind: 'safety';
      type: SafetyObservation['type'];
      location?: Location | null;
      address?: Address | null;
      buurtId?: string;
      action?: SafetyObservation['action'];
    }
  | {
      roundId: string;
      kind: 'publicSpace';
      type: PublicSpaceObservation['type'];
      location?: Location | null;
      address?: Address | null;
      buurtId?: string;
      action?: PublicSpaceObservation['action'];
    };

/** What may change on an observation afterwards (a safety observation has no photos). */
export type ObservationChanges = Partial<
  Pick<PublicSpaceObservation, 'note' | 'action' | 'meldingNumber' | 'location' | 'address' | 'photos' | 'meldingStatus'>
>;

export type ObservationStatusInput = { to: FollowUpStatus; note?: string; by: string };

export type RoundFilter = { readonly teamId: string } | { readonly all: true };

export type PatrolStore = {
  /** Resolves to the new round's id. */
  startRound(input: StartRoundInput, createdBy: string): Promise<string>;
  /** Closed by its walkers: the end time now, the outcome and summary. */
  endRound(id: string, input: EndRoundInput): Promise<void>;
  /** The walkers' choice about the route; turning it off clears the stored track (and the sharing). */
  setTrackChoice(id: string, choice: TrackChoice): Promise<void>;
  /** GPS fixes for a running round with the route on: the kept points, in one write of the encoded track. Resolves to whether it wrote. */
  appendTrack(id: string, fixes: readonly TrackFix[]): Promise<boolean>;
  /** Rounds running longer than 6 hours, closed as "niet afgesloten" (kept, marked). Resolves to how many. */
  closeOverdueRounds(): Promise<number>;
  /** Saved at once with the time (and the place, when given). Resolves to the observation's id. */
  addObservation(input: ObservationInput, createdBy: string): Promise<string>;
  updateObservation(id: string, changes: ObservationChanges): Promise<void>;
  deleteObservation(id: string): Promise<void>;
  /** The follow-up of a public-space observation: its status and a history entry in one transaction (follow-up.ts). */
  setObservationStatus(observationId: string, change: ObservationStatusInput): Promise<string>;
  /** Newest first. */
  listRounds(filter: RoundFilter): Promise<PatrolRoundView[]>;
  /** The round still running on this device that `userId` walks in (or started), if any. */
  runningRound(userId: string): Promise<PatrolRoundView | null>;
  getRound(id: string): Promise<PatrolRoundDetail | null>;
  getObservation(id: string): Promise<ObservationView | null>;
  /** Oldest first. */
  getObservationHistory(observationId: string): Promise<ObservationHistoryEntry[]>;
  /** The tenant's patrol settings (retention, the place whose sunset starts night mode), defaults filled in. */
  settings(): Promise<PatrolSettings>;
  /** Start loading the code now (the round screen calls this when it opens). */
  preload(): void;
};

/** The name of the performance measure from a tap on an observation type to its commit (read by `npm run bench`). */
export const OBSERVATION_MEASURE = 'buurtlog:observation-durable';

export function patrolStore(core: StoreCore): PatrolStore {
  const { db } = core;
  const writes = core.lazy(() => import('./patrol-write.ts'));
  const views = core.lazy(() => import('./patrol-views.ts'));
  const read = <T>(query: (v: typeof import('./patrol-views.ts')) => Promise<T>): Promise<T> =>
    views((v) => db.transaction('r', [db.records, db.outbox], () => query(v)));
  return {
    startRound: (input, createdBy) => writes((w) => w.startRound(core, input, createdBy)),
    endRound: (id, input) => writes((w) => w.endRound(core, id, input)),
    closeOverdueRounds: () => writes((w) => w.closeOverdueRounds(core)),
    setTrackChoice: (id, choice) => writes((w) => w.setTrackChoice(core, id, choice)),
    appendTrack: (id, fixes) => writes((w) => w.appendTrack(core, id, fixes)),
    async addObservation(input, createdBy) {
      const perf = globalThis.performance;
      const startedAt = typeof perf?.measure === 'function' ? perf.now() : null;
      const id = await writes((w) => w.addObservation(core, input, createdBy));
      if (startedAt !== null) perf.measure(OBSERVATION_MEASURE, { start: startedAt, end: perf.now() });
      return id;
    },
    updateObservation: (id, changes) => writes((w) => w.updateObservation(core, id, changes)),
    deleteObservation: (id) => writes((w) => w.deleteObservation(core, id)),
    setObservationStatus: (observationId, change) => writes((w) => w.setObservationStatus(core, observationId, change)),
    listRounds: (filter) => read((v) => v.readRounds(db, filter)),
    runningRound: (userId) => read((v) => v.readRunningRound(db, userId)),
    getRound: (id) => read((v) => v.readRoundDetail(db, id)),
    getObservation: (id) => read((v) => v.readObservation(db, id)),
    getObservationHistory: (observationId) => read((v) => v.readObservationHistory(db, observationId)),
    settings: () => read((v) => v.readPatrolSettings(db)),
    preload() {
      writes.preload();
      views.preload();
    },
  };
}
