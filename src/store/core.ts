/**
 * What every part of the device store shares: the database and who writes
 * (local-write.ts's StoreContext), the one guard every operation runs
 * through, and the one way a part loads its code (lazy.ts).
 */
import { withReopen } from './database.ts';
import { lazy, type Lazy, type Run } from './lazy.ts';
import type { StoreContext } from './local-write.ts';

export type StoreCore = StoreContext & {
  /** Reopen a lost connection once (withReopen); refuse after destroy(). */
  readonly run: Run;
  /** A module of this store that loads on first use, through `run`. */
  lazy<M>(load: () => Promise<M>): Lazy<M>;
  /** A bulk pull is under way until `until`: live queries re-run rarely until then. */
  holdLiveQueries(until: number): void;
  isBulkPullUnderWay(): boolean;
  /** After destroy() nothing may touch the database again. */
  markDestroyed(): void;
};

export function createCore(ctx: StoreContext): StoreCore {
  let isDestroyed = false;
  let heldUntil = 0;
  // Reopening a wiped database (withReopen, Dexie's auto-open) would recreate what the wipe deleted.
  const run: Run = (operation) => (isDestroyed ? Promise.reject(new Error('This device store was wiped.')) : withReopen(ctx.db, operation));
  return {
    ...ctx,
    run,
    lazy: (load) => lazy(load, run),
    holdLiveQueries(until) {
      heldUntil = until;
    },
    isBulkPullUnderWay: () => Date.now() < heldUntil,
    markDestroyed() {
      isDestroyed = true;
    },
  };
}
