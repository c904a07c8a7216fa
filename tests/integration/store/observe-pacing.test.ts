// Dexie's change events need a global indexedDB, read when dexie loads.
import 'fake-indexeddb/auto';
import { Dexie, type EntityTable } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { observeQuery } from '../../../src/store/observe.ts';

type Row = { id: number };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function openDb(name: string) {
  const db = new Dexie(name) as Dexie & { rows: EntityTable<Row, 'id'> };
  db.version(1).stores({ rows: 'id' });
  return db;
}

describe('live queries and a bulk pull', () => {
  const stops: Array<() => void> = [];
  afterEach(() => stops.splice(0).forEach((stop) => stop()));

  it('follow every committed change closely while the store is not busy', async () => {
    const db = openDb('pace-idle');
    let runs = 0;
    const seen: number[] = [];
    stops.push(
      observeQuery(
        db.name,
        async () => ++runs && db.rows.count(),
        (count) => seen.push(count),
      ),
    );
    // Each change is seen on its own before the next one comes: every
    // committed change gets a run of its own (waiting on the answer rather
    // than on a fixed 60 ms, which a loaded machine can overrun).
    const until = async (count: number) => {
      for (let waited = 0; !seen.includes(count); waited += 10) {
        if (waited > 1_000) throw new Error(`the change to ${count} rows was not followed; seen ${seen.join(', ')}`);
        await sleep(10);
      }
    };
    await until(0);
    for (let i = 0; i < 5; i++) {
      await db.rows.put({ id: i });
      await until(i + 1);
    }
    expect(seen).toEqual([0, 1, 2, 3, 4, 5]);
    expect(runs).toBeGreaterThanOrEqual(6);
  });

  it('hold back while a bulk pull is under way, and catch up once it is done', async () => {
    const db = openDb('pace-busy');
    let isBusy = true;
    let runs = 0;
    const seen: number[] = [];
    stops.push(
      observeQuery(
        db.name,
        async () => ++runs && db.rows.count(),
        (count) => seen.push(count),
        undefined,
        () => isBusy,
      ),
    );
    await sleep(50);
    const before = runs;
    for (let i = 0; i < 5; i++) {
      await db.rows.put({ id: i });
      await sleep(60);
    }
    // Five pages in 300 ms: at most one re-run held back until the gap has passed, not five.
    expect(runs - before).toBeLessThanOrEqual(1);

    isBusy = false;
    await sleep(2_100);
    expect(seen.at(-1)).toBe(5);
  });
});
