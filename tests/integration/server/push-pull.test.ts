import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendanceIdFor } from '../../../src/domain/attendance.ts';
import { MAX_CLOCK_AHEAD_MS } from '../../../src/domain/protocol.ts';
import { activityOf, attendanceTotals, type SyncRecord } from '../../../src/domain/records.ts';
import { createApp } from '../../../src/server/app.ts';
import { insertTenantIfMissing } from '../../../src/server/db/tenants.ts';
import { createTestUser, type TestUser } from '../../fixtures/server-auth.ts';
import { attendance, editActivity, idFactory, newActivity, type PushedMutation } from '../../fixtures/server-mutations.ts';
import { DEVICE_A, DEVICE_B, NOW } from '../../fixtures/fixed.ts';
import { apiClient, rowCounts, storedMutation } from './api-client.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from './databases.ts';

describe.each(DIALECTS)('push and pull on %s', (dialect) => {
  let test: TestDatabase;
  let coordinator: TestUser;
  beforeAll(async () => {
    test = await openTestDatabase(dialect);
    coordinator = await createTestUser(test.database, { role: 'coordinator', devices: [DEVICE_A, DEVICE_B] });
  });
  afterAll(() => test.cleanup());
  const client = (user: TestUser = coordinator) => apiClient(createApp({ db: test.database, now: () => NOW }), user);
  const pulled = async (id: string): Promise<SyncRecord | undefined> => (await client().pullAll()).find((record) => record.id === id);

  it('applies a push, and pull returns the merged state field by field', async () => {
    const ids = idFactory(1);
    const activityId = ids();
    const first = await client().push(DEVICE_A, [newActivity(ids, activityId, { device: DEVICE_A, offsetMs: -3000 })]);
    expect(first.body).toEqual({ results: [{ mutationId: expect.any(String), status: 'applied' }], serverTime: NOW });

    await client().push(DEVICE_B, [editActivity(ids, activityId, { title: 'Koffie en koek' }, { device: DEVICE_B, offsetMs: -1000 })]);
    await client().push(DEVICE_A, [
      // An older edit of the title loses to B's later one; the notes are A's alone.
      editActivity(ids, activityId, { title: 'Koffieochtend (oud)', notes: 'Twaalf bewoners' }, { device: DEVICE_A, offsetMs: -2000 }),
    ]);

    const record = await pulled(activityId);
    expect(record?.tenantId).toBe('alblasserdam');
    expect(activityOf(record as SyncRecord)).toMatchObject({ title: 'Koffie en koek', notes: 'Twaalf bewoners', buurtId: 'staatsliedenbuurt' });
  });

  it('answers a repeated mutation id "duplicate" and changes nothing', async () => {
    const ids = idFactory(2);
    const batch = [newActivity(ids, ids(), { device: DEVICE_A })];
    batch.push(editActivity(ids, batch[0]!.recordId, { notes: 'x' }, { device: DEVICE_A, offsetMs: 1 }));
    await client().push(DEVICE_A, batch);
    const before = await rowCounts(test.database);

    const retry = await client().push(DEVICE_A, [...batch, batch[0]!]);
    expect(retry.body.results.map((result) => result.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(await rowCounts(test.database)).toEqual(before);
  });

  it('answers the second copy of a mutation within one batch "duplicate"', async () => {
    const ids = idFactory(3);
    const create = newActivity(ids, ids(), { device: DEVICE_A });
    const answer = await client().push(DEVICE_A, [create, create]);
    expect(answer.body.results.map((result) => result.status)).toEqual(['applied', 'duplicate']);
  });

  it('gives no new sequence number to a mutation that changes nothing', async () => {
    const ids = idFactory(4);
    const create = newActivity(ids, ids(), { device: DEVICE_A });
    await client().push(DEVICE_A, [create]);
    const before = await rowCounts(test.database);
    const sameAgain = { ...create, mutationId: ids() };
    expect((await client().push(DEVICE_A, [sameAgain])).body.results[0]?.status).toBe('applied');
    expect((await rowCounts(test.database)).seq).toBe(before.seq);
  });

  it('converges whatever the order and number of deliveries of the same batches', async () => {
    const ids = idFactory(5);
    const PUSHER = idFactory(0x5005)();
    const [a1, a2, a3] = [ids(), ids(), ids()];
    const setup = [
      newActivity(ids, a1, { device: DEVICE_A, offsetMs: -10_000 }),
      newActivity(ids, a2, { device: DEVICE_A, offsetMs: -10_000 }),
      newActivity(ids, a3, { device: DEVICE_A, offsetMs: -10_000 }),
    ];
    const fromA1 = [
      editActivity(ids, a1, { title: 'Buurtbarbecue' }, { device: DEVICE_A, offsetMs: -5000 }),
      attendance(ids, a1, DEVICE_A, { residents: { p: 3 } }, -5000),
    ];
    const fromA2 = [
      editActivity(ids, a2, { deleted: true }, { device: DEVICE_A, offsetMs: -4000 }),
      attendance(ids, a1, DEVICE_A, { residents: { p: 5 } }, -4000),
    ];
    const fromB1 = [
      editActivity(ids, a1, { title: 'Barbecue Oranjebuurt' }, { device: DEVICE_B, offsetMs: -3000 }),
      attendance(ids, a1, DEVICE_B, { residents: { p: 2 } }, -3000),
    ];
    const fromB2 = [
      attendance(ids, a1, DEVICE_B, { children: { p: 4, n: 1 }, 'pc4:2951': { p: 2 } }, -2000),
      editActivity(ids, a3, { status: 'held' }, { device: DEVICE_B, offsetMs: -2000 }),
    ];

    const deliver = async (order: Array<[string, PushedMutation[]]>): Promise<SyncRecord[]> => {
      const other = await openTestDatabase(dialect);
      try {
        // The same person in both databases: the server writes their id into what they create.
        const api = apiClient(
          createApp({ db: other.database, now: () => NOW }),
          await createTestUser(other.database, { userId: PUSHER, devices: [DEVICE_A, DEVICE_B] }),
        );
        for (const [device, batch] of order) await api.push(device, batch);
        return (await api.pullAll()).sort((x, y) => x.id.localeCompare(y.id));
      } finally {
        await other.cleanup();
      }
    };
    const inOrder = await deliver([
      [DEVICE_A, setup],
      [DEVICE_A, fromA1],
      [DEVICE_A, fromA2],
      [DEVICE_B, fromB1],
      [DEVICE_B, fromB2],
    ]);
    const shuffledAndRetried = await deliver([
      [DEVICE_A, setup],
      [DEVICE_B, fromB2],
      [DEVICE_A, fromA2],
      [DEVICE_B, fromB1],
      [DEVICE_A, fromA1],
      [DEVICE_A, fromA2],
      [DEVICE_B, fromB2],
      [DEVICE_A, setup],
    ]);

    expect(shuffledAndRetried).toEqual(inOrder);
    const byId = new Map(inOrder.map((record) => [record.id, record]));
    expect(activityOf(byId.get(a1)!)?.title).toBe('Barbecue Oranjebuurt');
    expect(activityOf(byId.get(a2)!)?.deleted).toBe(true);
    expect(activityOf(byId.get(a3)!)?.status).toBe('held');
    const totals = attendanceTotals(byId.get(attendanceIdFor(a1)));
    expect(totals.counts.residents).toBe(7);
    expect(totals.counts.children).toBe(3);
    expect(totals.postcodes).toEqual([['2951', 2]]);
  });

  it('adds up two devices’ counts of one activity, and a resent total adds nothing', async () => {
    const ids = idFactory(6);
    const activityId = ids();
    await client().push(DEVICE_A, [newActivity(ids, activityId, { device: DEVICE_A }), attendance(ids, activityId, DEVICE_A, { residents: { p: 3 } })]);
    await client().push(DEVICE_B, [attendance(ids, activityId, DEVICE_B, { residents: { p: 4 } })]);
    await client().push(DEVICE_A, [attendance(ids, activityId, DEVICE_A, { residents: { p: 3 } })]);
    expect(attendanceTotals(await pulled(attendanceIdFor(activityId))).counts.residents).toBe(7);
  });

  it('records a rejected mutation and answers its retry with the same rejection', async () => {
    const ids = idFactory(7);
    const bad = newActivity(ids, ids(), { device: DEVICE_A }, { colour: 'rood' });
    const first = await client().push(DEVICE_A, [bad]);
    expect(first.body.results[0]).toMatchObject({ status: 'rejected', reason: 'unknown-field', issues: [{ path: 'fields.colour' }] });
    expect(await storedMutation(test.database, bad.mutationId)).toMatchObject({ status: 'rejected', reason: 'unknown-field', device_id: DEVICE_A });

    const retry = await client().push(DEVICE_A, [bad]);
    expect(retry.body.results[0]).toEqual(first.body.results[0]);
  });

  it('keeps applying the rest of a batch around a rejected mutation', async () => {
    const ids = idFactory(8);
    const good = newActivity(ids, ids(), { device: DEVICE_A });
    const bad = editActivity(ids, ids(), { title: 'Nergens' }, { device: DEVICE_A });
    const alsoGood = editActivity(ids, good.recordId, { place: 'Het Kompas' }, { device: DEVICE_A, offsetMs: 1 });
    const answer = await client().push(DEVICE_A, [good, bad, alsoGood]);
    expect(answer.body.results.map((result) => [result.mutationId, result.status, result.reason])).toEqual([
      [good.mutationId, 'applied', undefined],
      [bad.mutationId, 'rejected', 'missing-fields'],
      [alsoGood.mutationId, 'applied', undefined],
    ]);
    expect(activityOf((await pulled(good.recordId))!)?.place).toBe('Het Kompas');
  });

  it('refuses a change stamped more than five minutes ahead of the server', async () => {
    const ids = idFactory(9);
    const ahead = newActivity(ids, ids(), { device: DEVICE_A, offsetMs: MAX_CLOCK_AHEAD_MS + 1000 });
    const before = await rowCounts(test.database);
    const answer = await client().push(DEVICE_A, [ahead]);
    expect(answer.body.results[0]).toMatchObject({ status: 'rejected', reason: 'clock-ahead' });
    expect((await rowCounts(test.database)).records).toBe(before.records);
    expect(await pulled(ahead.recordId)).toBeUndefined();
  });

  it('asks an outdated client to update with 426', async () => {
    const ids = idFactory(10);
    const before = await rowCounts(test.database);
    const answer = await client().pushRaw({
      body: JSON.stringify({ schemaVersion: 0, deviceId: DEVICE_A, mutations: [newActivity(ids, ids(), { device: DEVICE_A })] }),
    });
    expect(answer.status).toBe(426);
    expect(answer.body.error.reason).toBe('client-outdated');
    expect(await rowCounts(test.database)).toEqual(before);
  });

  it('pulls in pages that follow the cursor, tombstones included, and only the caller’s tenant', async () => {
    await insertTenantIfMissing(test.database.db, { id: 'papendrecht', name: 'Papendrecht', cbsCode: 'GM0590' }, NOW);
    const ids = idFactory(11);
    const papendrecht = client(await createTestUser(test.database, { tenantId: 'papendrecht', devices: [DEVICE_A] }));
    const creations = Array.from({ length: 25 }, () => ({ ...newActivity(ids, ids(), { device: DEVICE_A }), tenantId: 'papendrecht' }));
    await papendrecht.push(DEVICE_A, creations);
    await papendrecht.push(DEVICE_A, [
      { ...editActivity(ids, creations[0]!.recordId, { deleted: true }, { device: DEVICE_A, offsetMs: 1 }), tenantId: 'papendrecht' },
    ]);

    const pages = [];
    let cursor = '0';
    for (;;) {
      const { body } = await papendrecht.pull(cursor, 10);
      pages.push(body);
      cursor = body.cursor;
      if (!body.hasMore) break;
    }
    expect(pages.map((page) => [page.records.length, page.hasMore])).toEqual([
      [10, true],
      [10, true],
      [5, false],
    ]);
    const records = pages.flatMap((page) => page.records);
    expect(new Set(records.map((record) => record.id)).size).toBe(25);
    expect(records.every((record) => record.tenantId === 'papendrecht')).toBe(true);
    // The tombstoned record changed last, so it comes last.
    expect(records.at(-1)).toMatchObject({ id: creations[0]!.recordId, fields: { deleted: { v: true } } });

    const after = await papendrecht.pull(cursor, 10);
    expect(after.body).toMatchObject({ records: [], cursor, hasMore: false });
    expect((await client().pullAll()).some((record) => record.tenantId === 'papendrecht')).toBe(false);
  });
});
