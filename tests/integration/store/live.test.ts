// Dexie's liveQuery needs a global indexedDB, read when dexie loads; each store still gets its own IDBFactory.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { activityInput, openTestStore } from '../../fixtures/factories.ts';
import { DEVICE_A } from '../../fixtures/fixed.ts';

/** Resolves when `predicate` holds for a value seen by the observer. */
function until<T>(values: T[], predicate: (value: T) => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = () =>
      values.some(predicate) ? resolve() : Date.now() - started > 2_000 ? reject(new Error(`never saw it in ${JSON.stringify(values)}`)) : setTimeout(poll, 5);
    poll();
  });
}

describe('observing the store', () => {
  it('re-runs a query after each committed change, until unsubscribed', async () => {
    const store = await openTestStore();
    const seen: number[] = [];
    const stop = store.ui.observe(
      async (s) => (await s.activities.list()).length,
      (count) => seen.push(count),
    );
    await until(seen, (n) => n === 0);
    await store.ui.activities.create(activityInput());
    await until(seen, (n) => n === 1);
    stop();
    await store.ui.activities.create(activityInput());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen.at(-1)).toBe(1);
  });

  it('sees a change made in another tab of the same phone', async () => {
    const factory = new IDBFactory();
    const tab1 = await openTestStore({ factory, name: 'shared' });
    const tab2 = await openTestStore({ factory, name: 'shared' });
    const activityId = await tab1.ui.activities.create(activityInput());
    const seen: number[] = [];
    const stop = tab1.ui.observe(
      async (s) => (await s.attendance.get(activityId)).counts.residents,
      (n) => seen.push(n),
    );
    await until(seen, (n) => n === 0);
    await Promise.all([tab1.ui.attendance.bump(activityId, 'residents', 1), tab2.ui.attendance.bump(activityId, 'residents', 1)]);
    await until(seen, (n) => n === 2);
    expect((await tab2.ui.attendance.get(activityId)).ownCounts).toEqual({ residents: 2 });
    expect(tab2.deviceId).toBe(DEVICE_A);
    stop();
  });
});
