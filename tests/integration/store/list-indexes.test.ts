/**
 * The list screens read by index (database version 4): a page of the
 * activity list and a buurt's findings give the same rows, in the same
 * order, as the full read they replace — with tombstones, ties on date and
 * start, records whose buurt changed (here and by a pull), and on a database
 * upgraded from version 3.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { turnedUp } from '../../../src/domain/attendance.ts';
import { FINDING_STATUSES, type FindingStatus } from '../../../src/domain/finding.ts';
import { formatHlc } from '../../../src/domain/hlc.ts';
import type { SyncRecord } from '../../../src/domain/records.ts';
import { selectActivities } from '../../../src/app/activities/list-logic.ts';
import { ANY_OPEN, openFindings, partnersInUse, type OpenFilter } from '../../../src/app/report/report-data.ts';
import { activityInput, manualClock, openTestStore, type TestStore } from '../../fixtures/factories.ts';
import { DEVICE_B, NOW, TENANT } from '../../fixtures/fixed.ts';

const TODAY = '2025-06-21';
const LATER = formatHlc({ wall: NOW + 60_000, counter: 0, node: DEVICE_B });

/** The server took every change so far: a pulled change of any field now wins by its later HLC. */
async function acknowledgeAll(store: TestStore): Promise<void> {
  const batch = await store.sync.takeBatch({ maxCount: 500, maxBytes: 10_000_000 });
  await store.sync.applyPushResults(batch.map((m) => ({ mutationId: m.mutationId, status: 'applied' as const })));
}
const BUURTEN = ['oranjebuurt', 'kinderdijk'] as const;
const USER = 'user-anna';

/** Dates around TODAY (before, on, after), starts with ties, in both buurten; some deleted, one moved. */
async function seedActivities(store: TestStore): Promise<void> {
  const dates = ['2025-06-19', '2025-06-20', TODAY, '2025-06-22'];
  const starts = ['09:00', '16:00', '16:00'];
  const ids: string[] = [];
  for (const [d, date] of dates.entries()) {
    for (const [s, start] of starts.entries()) {
      for (const buurtId of BUURTEN) {
        ids.push(
          await store.ui.activities.create(
            activityInput({ title: `${date} ${start} ${buurtId} ${s}`, date, start, buurtId, type: d === 0 ? 'schouw' : 'street-party' }),
          ),
        );
      }
    }
  }
  // Tombstones, a moved activity and attendance counted on some.
  await store.ui.activities.delete(ids[1] ?? '');
  await store.ui.activities.delete(ids[10] ?? '');
  await store.ui.activities.update(ids[4] ?? '', { buurtId: 'kinderdijk', date: '2025-06-22' });
  await store.ui.attendance.bump(ids[0] ?? '', 'residents', 1);
  await store.ui.attendance.bump(ids[7] ?? '', 'children', 1);
  await store.ui.attendance.bump(ids[7] ?? '', 'children', 1);
}

async function expectSameActivityRows(store: TestStore): Promise<void> {
  const all = await store.ui.activities.list();
  for (const when of ['upcoming', 'past'] as const) {
    for (const buurtId of [null, ...BUURTEN, 'elders']) {
      const expected = selectActivities(all, { today: TODAY, when, buurt: buurtId });
      for (const limit of [1, 2, 3, 5, 100]) {
        const page = await store.ui.activities.page({ when, today: TODAY, buurtId, limit });
        const rows = selectActivities(page.rows, { today: TODAY, when, buurt: buurtId });
        expect(page.total, `${when} ${buurtId} total`).toBe(expected.length);
        expect(
          rows.map((row) => row.id),
          `${when} ${buurtId} ${limit}`,
        ).toEqual(expected.slice(0, limit).map((a) => a.id));
        for (const row of rows) {
          const { turnedUp: count, ...view } = row;
          expect(view).toEqual(all.find((a) => a.id === row.id));
          expect(count).toBe(turnedUp((await store.ui.attendance.get(row.id)).counts));
        }
      }
    }
  }
}

describe('the activity list by index', () => {
  it('pages the same activities in the same order as the full read, tombstones and moved ones included', async () => {
    const store = await openTestStore({ now: manualClock(NOW, 1).now });
    await seedActivities(store);
    await expectSameActivityRows(store);
    // A colleague moves one to the other buurt and deletes another (a pull).
    const [moved, removed] = selectActivities(await store.ui.activities.list(), { today: TODAY, when: 'past', buurt: 'oranjebuurt' });
    const exported = (await store.ui.outbox.exportUnsent()).records;
    await acknowledgeAll(store);
    const pulled = exported.flatMap((record): SyncRecord[] => {
      if (record.id === moved?.id) return [{ ...record, fields: { ...record.fields, buurtId: { v: 'kinderdijk', t: LATER } } }];
      if (record.id === removed?.id) return [{ ...record, fields: { ...record.fields, deleted: { v: true, t: LATER } } }];
      return [];
    });
    expect(pulled).toHaveLength(2);
    await store.sync.applyPullPage(pulled, '1');
    // One unsent change again, beside the sent ones.
    await store.ui.activities.update(exported[0]?.id ?? '', { title: 'Nog niet verstuurd' });
    const after = await store.ui.activities.list();
    expect(after.find((a) => a.id === moved?.id)?.buurtId).toBe('kinderdijk');
    expect(after.some((a) => a.id === removed?.id)).toBe(false);
    expect(new Set(after.map((a) => a.syncState))).toEqual(new Set(['sent', 'local']));
    await expectSameActivityRows(store);
    store.close();
  });
});

/** Two rounds in each buurt, findings in every status, one deleted, and one whose buurt a pull changed. */
async function seedFindings(store: TestStore): Promise<{ rounds: string[] }> {
  const rounds: string[] = [];
  for (const buurtId of BUURTEN) {
    for (const title of ['Voorjaarsschouw', 'Najaarsschouw']) {
      rounds.push(await store.ui.activities.create(activityInput({ type: 'schouw', title: `${title} ${buurtId}`, buurtId, teamId: null })));
    }
  }
  const findings: string[] = [];
  for (const [r, schouwId] of rounds.entries()) {
    for (const [s, to] of FINDING_STATUSES.entries()) {
      const partner = [null, 'swa', 'gemeente'][(r + s) % 3] ?? null;
      const id = await store.ui.schouw.createFinding(
        { schouwId, element: 'tree', aspect: 'damage', responsiblePartnerId: partner, ...(s % 2 === 0 ? { pointNo: 10 - s } : {}) },
        USER,
      );
      findings.push(id);
      if (to !== 'new') await store.ui.schouw.setFindingStatus(id, { to, by: USER });
      if (r === 1 && s === 0) await store.ui.schouw.deleteFinding(id);
    }
  }
  const moved = (await store.ui.outbox.exportUnsent()).records.find((record) => record.id === findings[6]);
  if (!moved) throw new Error('no finding to move');
  await acknowledgeAll(store);
  await store.sync.applyPullPage([{ ...moved, fields: { ...moved.fields, buurtId: { v: 'kinderdijk', t: LATER } } }], '1');
  // One unsent change again, beside the sent ones.
  await store.ui.schouw.setFindingStatus(findings[2] ?? '', { to: 'resolved', by: USER });
  return { rounds };
}

async function expectSameFindings(store: TestStore, rounds: readonly string[]): Promise<void> {
  const all = await store.ui.schouw.listFindings({ all: true });
  for (const schouwId of rounds) {
    expect(await store.ui.schouw.listFindings({ schouwId })).toEqual(all.filter((f) => f.schouwId === schouwId));
  }
  for (const buurtId of [...BUURTEN, 'elders']) {
    const inBuurt = all.filter((f) => f.buurtId === buurtId);
    expect(await store.ui.schouw.listFindings({ buurtId })).toEqual(inBuurt);
    const open = openFindings(inBuurt);
    const filters: OpenFilter[] = [
      ANY_OPEN,
      { partner: { kind: 'none' }, status: null },
      { partner: { kind: 'partner', partnerId: 'swa' }, status: null },
      { partner: { kind: 'any' }, status: 'reported' },
      { partner: { kind: 'partner', partnerId: 'gemeente' }, status: 'new' },
    ];
    for (const filter of filters) {
      const expected = openFindings(inBuurt, filter);
      for (const limit of [1, 2, 100]) {
        const page = await store.ui.schouw.listOpenFindings(buurtId, { ...filter, limit });
        expect(openFindings(page.rows)).toEqual(expected.slice(0, limit));
        expect(page.total).toBe(expected.length);
        expect(page.partners).toEqual(partnersInUse(open).sort());
      }
    }
    const counts = Object.fromEntries(FINDING_STATUSES.map((status) => [status, inBuurt.filter((f) => f.status === status).length]));
    expect(await store.ui.schouw.countFindings(buurtId)).toEqual(counts as Record<FindingStatus, number>);
  }
}

describe('findings by index', () => {
  it('lists a round’s and a buurt’s findings, the open ones and the counts per status as the full read does', async () => {
    const store = await openTestStore({ now: manualClock(NOW, 1).now });
    const { rounds } = await seedFindings(store);
    const all = await store.ui.schouw.listFindings({ all: true });
    expect(all.filter((f) => f.buurtId === 'kinderdijk')).toHaveLength(FINDING_STATUSES.length * 2 + 1);
    expect(new Set(all.map((f) => f.syncState))).toEqual(new Set(['sent', 'local']));
    await expectSameFindings(store, rounds);
    store.close();
  });

  it('reads the same on a database upgraded from version 3', async () => {
    const source = new IDBFactory();
    const made = await openTestStore({ factory: source, now: manualClock(NOW, 1).now });
    const { rounds } = await seedFindings(made);
    await seedActivities(made);
    made.close();

    // The same rows in a database of version 3, as a phone had them before the list indexes.
    const tables = ['records', 'outbox', 'meta', 'photos'] as const;
    const read = new Dexie(`buurtlog-${TENANT}`, { indexedDB: source, IDBKeyRange });
    await read.open();
    const rows = Object.fromEntries(await Promise.all(tables.map(async (name) => [name, await read.table(name).toArray()] as const)));
    read.close();
    const factory = new IDBFactory();
    const v3 = new Dexie(`buurtlog-${TENANT}`, { indexedDB: factory, IDBKeyRange });
    v3.version(3).stores({
      records: 'id, type, [type+fields.roundId.v]',
      outbox: '++seq, &mutationId, recordId, state, [recordId+state]',
      meta: 'key',
      photos: 'sha256, state, [state+nextAttemptAt], [origin+usedAt]',
    });
    await v3.open();
    for (const name of tables) {
      const old = (rows[name] ?? []).map((row: Record<string, unknown>) => {
        const { listKeys: _keys, ...rest } = row;
        return rest;
      });
      await v3.table(name).bulkAdd(old);
    }
    v3.close();

    const store = await openTestStore({ factory });
    await expectSameFindings(store, rounds);
    await expectSameActivityRows(store);
    store.close();
  });
});
