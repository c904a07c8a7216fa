/**
 * A schouw round, its findings and their follow-up, as the schouw screens
 * write and read them. The code (schouw-write.ts, schouw-views.ts) loads with
 * the first schouw screen, not with the first screen.
 *
 * A finding copies its round's buurt and team inside the transaction that
 * writes it; a status change writes the finding and its history entry in one
 * transaction (schouw-write.ts).
 */
import type { CounterKey } from '../domain/attendance.ts';
import type { Finding, FindingStatus, FindingStatusChange } from '../domain/finding.ts';
import type { SchouwParticipants } from '../domain/records.ts';
import type { Schouw } from '../domain/schouw.ts';
import type { StoreCore } from './core.ts';
import type { SyncState } from './sync-state.ts';

export type SchouwView = Omit<Schouw, 'deleted'> & {
  /** The schouw record's id (derived from the activity's). */
  id: string;
  participants: SchouwParticipants;
  /** This device's own net count per key, so the UI can tell what this phone counted. */
  ownCounts: Record<string, number>;
  syncState: SyncState;
};
export type FindingView = Finding & { id: string; syncState: SyncState };
export type FindingHistoryEntry = FindingStatusChange & { id: string; syncState: SyncState };
/** Which findings: one round's, a buurt's (every round there), or every finding on this device. */
export type FindingFilter = { readonly schouwId: string } | { readonly buurtId: string } | { readonly all: true };

/** Responsible partner filter: any, nobody yet, or one partner. */
export type PartnerFilter = { readonly kind: 'any' } | { readonly kind: 'none' } | { readonly kind: 'partner'; readonly partnerId: string };
/** Which page of a buurt's open findings: those in one open status or any, of one partner or any, the first `limit`. */
export type OpenFindingQuery = { readonly status: FindingStatus | null; readonly partner: PartnerFilter; readonly limit: number };
export type OpenFindingPage = {
  /** The page: the first `limit` that match, longest waiting first. */
  rows: FindingView[];
  /** How many match the filters. */
  total: number;
  /** The partners the buurt's open findings name, by id (for the filter's choices). */
  partners: string[];
  /** The buurt's findings in each status (every status present). */
  counts: Record<FindingStatus, number>;
};

/** The round's own settings a person may change. */
export type SchouwSettings = Pick<Schouw, 'kind' | 'method' | 'targetLevel'>;
/** What a person fills in for a new finding; the store adds the round's buurt and team, when and by whom. */
export type FindingInput = Pick<Finding, 'schouwId' | 'element' | 'aspect'> &
  Partial<
    Pick<Finding, 'pointNo' | 'location' | 'address' | 'photos' | 'note' | 'level' | 'action' | 'responsiblePartnerId' | 'meldingNumber' | 'meldingStatus'>
  >;

/** What may change on a finding afterwards (status goes through setFindingStatus, so it has a history). */
export type FindingChanges = Partial<
  Pick<
    Finding,
    | 'pointNo'
    | 'location'
    | 'address'
    | 'cbsBuurtCode'
    | 'photos'
    | 'note'
    | 'element'
    | 'aspect'
    | 'level'
    | 'action'
    | 'responsiblePartnerId'
    | 'meldingNumber'
    | 'meldingStatus'
  >
>;

export type StatusChangeInput = { to: FindingStatus; note?: string; by: string };

export type SchouwStore = {
  /** The round's settings (defaults until someone changes one) and participants. */
  getRound(activityId: string): Promise<SchouwView>;
  updateRound(activityId: string, changes: Partial<SchouwSettings>): Promise<void>;
  /** One more (or one fewer) participant: `residents` or `partner:<id>`; a minus at zero does nothing. */
  bump(activityId: string, key: CounterKey, delta: 1 | -1): Promise<void>;
  /** Takes the round's buurt and team from its activity; `createdBy` is the user id. Resolves to the finding's id. */
  createFinding(input: FindingInput, createdBy: string): Promise<string>;
  updateFinding(id: string, changes: FindingChanges): Promise<void>;
  deleteFinding(id: string): Promise<void>;
  /** The finding's status and an append-only history entry, in one transaction. Resolves to the entry's id. */
  setFindingStatus(findingId: string, change: StatusChangeInput): Promise<string>;
  listFindings(filter: FindingFilter): Promise<FindingView[]>;
  /** A page of a buurt's open findings (of every round there), by index: only the page's findings are read. */
  listOpenFindings(buurtId: string, query: OpenFindingQuery): Promise<OpenFindingPage>;
  /** How many findings a buurt has in each follow-up status (every status present), counted by index. */
  countFindings(buurtId: string): Promise<Record<FindingStatus, number>>;
  getFinding(id: string): Promise<FindingView | null>;
  /** Oldest first. */
  getFindingHistory(findingId: string): Promise<FindingHistoryEntry[]>;
  /** The history of each of these findings (a round's), read at once; every id has a list, maybe empty. */
  getFindingHistories(findingIds: readonly string[]): Promise<Record<string, FindingHistoryEntry[]>>;
};

export function schouwStore(core: StoreCore): SchouwStore {
  const { db } = core;
  const writes = core.lazy(() => import('./schouw-write.ts'));
  const views = core.lazy(() => import('./schouw-views.ts'));
  const read = <T>(query: (v: typeof import('./schouw-views.ts')) => Promise<T>): Promise<T> =>
    views((v) => db.transaction('r', [db.records, db.outbox], () => query(v)));
  return {
    getRound: (activityId) => read((v) => v.readSchouw(db, core.deviceId, activityId)),
    updateRound: (activityId, changes) => writes((w) => w.updateSchouw(core, activityId, changes)),
    bump: (activityId, key, delta) => writes((w) => w.bumpSchouwCount(core, activityId, key, delta)),
    createFinding: (input, createdBy) => writes((w) => w.createFinding(core, input, createdBy)),
    updateFinding: (id, changes) => writes((w) => w.updateFinding(core, id, changes)),
    deleteFinding: (id) => writes((w) => w.deleteFinding(core, id)),
    setFindingStatus: (findingId, change) => writes((w) => w.setFindingStatus(core, findingId, change)),
    listFindings: (filter) => read((v) => v.readFindings(db, filter)),
    listOpenFindings: (buurtId, query) => read((v) => v.readOpenFindingPage(db, buurtId, query)),
    countFindings: (buurtId) => read((v) => v.countFindings(db, buurtId)),
    getFinding: (id) => read((v) => v.readFinding(db, id)),
    getFindingHistory: (findingId) => read(async (v) => (await v.readFindingHistories(db, [findingId]))[findingId] ?? []),
    getFindingHistories: (findingIds) => read((v) => v.readFindingHistories(db, findingIds)),
  };
}
