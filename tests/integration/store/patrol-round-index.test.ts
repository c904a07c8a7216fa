/**
 * The round screen reads its own observations through the records' round
 * index (database version 3), not every observation on the device — also on
 * a phone whose database was made before that index existed.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { expect, it } from 'vitest';
import { openTestStore } from '../../fixtures/factories.ts';
import { TENANT } from '../../fixtures/fixed.ts';

const ANNA = '0193a1b2-0000-7000-8000-00000000a001';
const START = { teamId: 'bp-kinderdijk', buurtIds: ['kinderdijk'], walkers: [ANNA], mode: 'onFoot' as const, checkedInWithPolice: false };

it('lists each round’s own observations, on a database upgraded from version 2', async () => {
  const source = new IDBFactory();
  const made = await openTestStore({ factory: source });
  const first = await made.ui.patrol.startRound(START, ANNA);
  await made.ui.patrol.addObservation({ roundId: first, kind: 'safety', type: 'openWindowOrDoor' }, ANNA);
  await made.ui.patrol.addObservation({ roundId: first, kind: 'publicSpace', type: 'brokenStreetLight' }, ANNA);
  await made.ui.patrol.endRound(first, { outcome: 'remarks', summary: 'Twee dingen gezien' });
  const second = await made.ui.patrol.startRound(START, ANNA);
  await made.ui.patrol.addObservation({ roundId: second, kind: 'safety', type: 'keyInDoor' }, ANNA);
  made.close();

  // The same rows in a database of version 2, as a phone had them before the index.
  const tables = ['records', 'outbox', 'meta', 'photos'] as const;
  const read = new Dexie(`buurtlog-${TENANT}`, { indexedDB: source, IDBKeyRange });
  await read.open();
  const rows = Object.fromEntries(await Promise.all(tables.map(async (name) => [name, await read.table(name).toArray()] as const)));
  read.close();
  const factory = new IDBFactory();
  const v2 = new Dexie(`buurtlog-${TENANT}`, { indexedDB: factory, IDBKeyRange });
  v2.version(2).stores({
    records: 'id, type',
    outbox: '++seq, &mutationId, recordId, state, [recordId+state]',
    meta: 'key',
    photos: 'sha256, state, [state+nextAttemptAt]',
  });
  await v2.open();
  for (const name of tables) await v2.table(name).bulkAdd(rows[name] ?? []);
  v2.close();

  const store = await openTestStore({ factory });
  const typesOf = async (id: string) => (await store.ui.patrol.getRound(id))?.observations.map((o) => o.type).sort();
  expect(await typesOf(first)).toEqual(['brokenStreetLight', 'openWindowOrDoor']);
  expect(await typesOf(second)).toEqual(['keyInDoor']);
  await store.ui.patrol.addObservation({ roundId: second, kind: 'safety', type: 'signsOfAbsence' }, ANNA);
  expect(await typesOf(second)).toEqual(['keyInDoor', 'signsOfAbsence']);
  store.close();
});
