/**
 * Proof for DESIGN.md's PostgreSQL pitfall: two real server processes on one
 * database, two devices pushing to them at the same time, and a third device
 * pulling through both in small pages while the pushes run. If commit order
 * ever differed from sequence order, a cursor would skip a row and the third
 * device would miss a record or an update for ever.
 *
 * PostgreSQL only: SQLite is one process per file by design.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { attendanceIdFor } from '../../../src/domain/attendance.ts';
import { mergeRecord } from '../../../src/domain/merge.ts';
import { PullResponseSchema, PushResponseSchema, SCHEMA_VERSION } from '../../../src/domain/protocol.ts';
import { attendanceTotals, type SyncRecord } from '../../../src/domain/records.ts';
import { createTestUser, type TestUser } from '../../fixtures/server-auth.ts';
import { attendance, idFactory, newActivity, type PushedMutation } from '../../fixtures/server-mutations.ts';
import { DEVICE_A, DEVICE_B, DEVICE_C, TENANT } from '../../fixtures/fixed.ts';
import { HAS_POSTGRES, TEST_DATABASE_URL, openTestDatabase, type TestDatabase } from './databases.ts';
import { startServer, type ServerProcess } from './server-process.ts';

const BATCHES = 40;
const NEW_ACTIVITIES_PER_BATCH = 8;
const SHARED = 2;
const PAGE = 7;

describe.skipIf(!HAS_POSTGRES)('two server processes on one PostgreSQL', () => {
  let test: TestDatabase;
  let servers: ServerProcess[] = [];
  let coordinator: TestUser;
  let seeded = 0;
  beforeAll(async () => {
    // Migrated and seeded here first, so the processes start on a ready schema.
    test = await openTestDatabase('postgres');
    // Signed in now by the real clock: the server processes run on it.
    coordinator = await createTestUser(test.database, { devices: [DEVICE_A, DEVICE_B, DEVICE_C], signedInAt: Date.now() });
    seeded = Number(
      (
        await test.database.db
          .selectFrom('records')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('tenant_id', '=', TENANT)
          .executeTakeFirstOrThrow()
      ).n,
    );
    const env = { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: test.database.schema as string };
    servers = await Promise.all([startServer(env), startServer(env)]);
  });
  afterAll(async () => {
    for (const server of servers) server.kill();
    await test?.cleanup();
  });

  it('loses no record to concurrent pushes, and every device converges', async () => {
    const [first, second] = servers as [ServerProcess, ServerProcess];
    const setupIds = idFactory(900);
    const shared = Array.from({ length: SHARED }, () => setupIds());
    await push(
      first,
      DEVICE_A,
      shared.map((id) => newActivity(setupIds, id, { device: DEVICE_A, offsetMs: -60_000 })),
    );

    let pushing = true;
    const device = async (server: ServerProcess, deviceId: string, seed: number) => {
      const ids = idFactory(seed);
      for (let batch = 1; batch <= BATCHES; batch++) {
        const mutations: PushedMutation[] = Array.from({ length: NEW_ACTIVITIES_PER_BATCH }, () => newActivity(ids, ids(), { device: deviceId }));
        // Running totals, as a device's outbox sends them: the latest one wins per device.
        for (const activityId of shared) mutations.push(attendance(ids, activityId, deviceId, { residents: { p: batch } }, batch));
        const results = await push(server, deviceId, mutations);
        expect(results.every((result) => result.status === 'applied')).toBe(true);
      }
    };
    const pushes = Promise.all([device(first, DEVICE_A, 901), device(second, DEVICE_B, 902)]).finally(() => (pushing = false));

    // The third device: pulls through both processes in turn, merging like the app does.
    const known = new Map<string, SyncRecord>();
    let cursor = '0';
    let turn = 0;
    let pagesDuringPushes = 0;
    const pullOnce = async (): Promise<boolean> => {
      const page = await pull(turn++ % 2 === 0 ? first : second, cursor);
      expect(seqOf(page.cursor) >= seqOf(cursor)).toBe(true);
      for (const record of page.records) {
        const before = known.get(record.id);
        known.set(record.id, before ? mergeRecord(before, record) : record);
      }
      cursor = page.cursor;
      return page.hasMore;
    };
    while (pushing) {
      await pullOnce();
      pagesDuringPushes++;
    }
    await pushes;
    while (await pullOnce());

    expect(pagesDuringPushes).toBeGreaterThan(10);
    const expectedCount = seeded + SHARED * 2 + 2 * BATCHES * NEW_ACTIVITIES_PER_BATCH;
    expect(known.size).toBe(expectedCount);
    for (const activityId of shared) expect(attendanceTotals(known.get(attendanceIdFor(activityId))).counts.residents).toBe(2 * BATCHES);

    // What the third device pieced together equals a fresh full pull: no update skipped either.
    const fresh = new Map<string, SyncRecord>();
    for (let from = '0', more = true; more; ) {
      const page = await pull(second, from, 1000);
      for (const record of page.records) fresh.set(record.id, record);
      [from, more] = [page.cursor, page.hasMore];
    }
    expect(fresh.size).toBe(expectedCount);
    for (const [id, record] of fresh) expect(known.get(id)).toEqual(record);
  });

  it('shuts both processes down cleanly on SIGTERM', async () => {
    const codes = await Promise.all(servers.map((server) => server.stop()));
    expect(codes).toEqual([0, 0]);
    for (const server of servers) expect(server.output()).toContain('Buurtlog gestopt.');
  });

  async function push(server: ServerProcess, deviceId: string, mutations: PushedMutation[]) {
    const response = await fetch(`${server.url}/api/v1/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...coordinator.auth(deviceId) },
      body: JSON.stringify({ schemaVersion: SCHEMA_VERSION, deviceId, mutations }),
    });
    if (response.status !== 200) throw new Error(`push answered ${response.status}: ${await response.text()}`);
    return z.parse(PushResponseSchema, await response.json()).results;
  }

  /** As the third device. */
  async function pull(server: ServerProcess, cursor: string, limit = PAGE) {
    const response = await fetch(`${server.url}/api/v1/sync/pull?cursor=${cursor}&limit=${limit}`, { headers: coordinator.auth(DEVICE_C) });
    if (response.status !== 200) throw new Error(`pull answered ${response.status}: ${await response.text()}`);
    return z.parse(PullResponseSchema, await response.json()) as { records: SyncRecord[]; cursor: string; hasMore: boolean };
  }
});

function seqOf(cursor: string): bigint {
  return BigInt(cursor.split('.').at(-1) as string);
}
