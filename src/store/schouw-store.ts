/**
 * The schouw's half of the device store: rounds, findings, follow-up and the
 * photo states the schouw screens show. store.ts hands each call on to here,
 * so this code loads with the first schouw screen, not with the first screen.
 */
import { cachePhoto } from './photos.ts';
import { readFinding, readFindingHistories, readFindings, readPhotoStates, readSchouw } from './schouw-views.ts';
import { bumpSchouwCount, createFinding, deleteFinding, setFindingStatus, updateFinding, updateSchouw } from './schouw-write.ts';
import type { StoreContext } from './local-write.ts';
import type { Store } from './store.ts';

export type SchouwStore = Pick<
  Store,
  | 'getSchouw'
  | 'updateSchouw'
  | 'bumpSchouwCount'
  | 'createFinding'
  | 'updateFinding'
  | 'deleteFinding'
  | 'setFindingStatus'
  | 'listFindings'
  | 'getFinding'
  | 'getFindingHistory'
  | 'getFindingHistories'
  | 'photoStates'
  | 'cachePhoto'
>;

/** `run` is the store's wrapper: reopen a lost connection once, refuse after a wipe. */
export function schouwStore(ctx: StoreContext, run: <T>(operation: () => Promise<T>) => Promise<T>): SchouwStore {
  const { db } = ctx;
  const read = <T>(operation: () => Promise<T>): Promise<T> => run(() => db.transaction('r', [db.records, db.outbox, db.photos], operation));
  return {
    getSchouw: (activityId) => read(() => readSchouw(db, ctx.deviceId, activityId)),
    updateSchouw: (activityId, changes) => run(() => updateSchouw(ctx, activityId, changes)),
    bumpSchouwCount: (activityId, key, delta) => run(() => bumpSchouwCount(ctx, activityId, key, delta)),
    createFinding: (input, createdBy) => run(() => createFinding(ctx, input, createdBy)),
    updateFinding: (id, changes) => run(() => updateFinding(ctx, id, changes)),
    deleteFinding: (id) => run(() => deleteFinding(ctx, id)),
    setFindingStatus: (findingId, change) => run(() => setFindingStatus(ctx, findingId, change)),
    listFindings: (filter) => read(() => readFindings(db, filter)),
    getFinding: (id) => read(() => readFinding(db, id)),
    getFindingHistory: (findingId) => read(async () => (await readFindingHistories(db, [findingId]))[findingId] ?? []),
    getFindingHistories: (findingIds) => read(() => readFindingHistories(db, findingIds)),
    photoStates: (hashes) => read(() => readPhotoStates(db, hashes)),
    cachePhoto: (input) => run(() => cachePhoto(db, ctx.now(), input)),
  };
}
