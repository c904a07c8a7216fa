/**
 * Push throughput: N activity creations in batches of 500 through
 * `app.request()` (real request parsing and validation, no sockets) into a
 * fresh database. Used by `npm run bench` (tests/bench/run.ts); runs on its
 * own too: `node tests/bench/push.ts [sqlite|postgres] [mutations]`.
 *
 * PostgreSQL at BENCH_DATABASE_URL, else DATABASE_URL, else the test server.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { MAX_PUSH_MUTATIONS, SCHEMA_VERSION } from '../../src/domain/protocol.ts';
import { createApp } from '../../src/server/app.ts';
import { DEFAULT_LIMITS } from '../../src/server/limits.ts';
import { createDatabase, type Database } from '../../src/server/db/database.ts';
import { migrateToLatest } from '../../src/server/db/migrator.ts';
import { seed } from '../../src/server/seed.ts';
import { TEST_COORDINATOR_PASSWORD, createTestUser } from '../fixtures/server-auth.ts';
import { idFactory, newActivity } from '../fixtures/server-mutations.ts';
import { DEVICE_A, NOW } from '../fixtures/fixed.ts';

const MIB = 1024 * 1024;

const DATABASE_URL = process.env['BENCH_DATABASE_URL'] ?? process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

export async function benchPush(opts: { dialect: 'sqlite' | 'postgres'; mutations: number }): Promise<{ mutationsPerSecond: number; ms: number }> {
  const fresh = await freshDatabase(opts.dialect);
  try {
    // Throughput, not abuse: limits high enough for 10,000 mutations from one device.
    const app = createApp({
      db: fresh.database,
      now: () => NOW,
      limits: { ...DEFAULT_LIMITS, pushBytesPerDevice: 1024 * MIB, pushBytesPerTenant: 10 * 1024 * MIB },
    });
    // A coordinator's device with a real token: authentication and authorisation are part of the measured path.
    const coordinator = await createTestUser(fresh.database, { role: 'coordinator', devices: [DEVICE_A] });
    const ids = idFactory(0xbe7c);
    const bodies: string[] = [];
    for (let done = 0; done < opts.mutations; done += MAX_PUSH_MUTATIONS) {
      const size = Math.min(MAX_PUSH_MUTATIONS, opts.mutations - done);
      const mutations = Array.from({ length: size }, () => newActivity(ids, ids(), { device: DEVICE_A }));
      bodies.push(JSON.stringify({ schemaVersion: SCHEMA_VERSION, deviceId: DEVICE_A, mutations }));
    }

    const started = performance.now();
    for (const body of bodies) {
      const response = await app.request('/api/v1/sync/push', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...coordinator.auth(DEVICE_A) },
        body,
      });
      if (response.status !== 200) throw new Error(`push answered ${response.status}: ${await response.text()}`);
      await response.arrayBuffer();
    }
    const ms = performance.now() - started;
    return { mutationsPerSecond: Math.round((opts.mutations / ms) * 1000), ms: Math.round(ms) };
  } finally {
    await fresh.cleanup();
  }
}

export async function freshDatabase(dialect: 'sqlite' | 'postgres'): Promise<{ database: Database; cleanup(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'buurtlog-bench-'));
    const database = await prepared(createDatabase({ dataDir }));
    return { database, cleanup: async () => (await database.close(), await rm(dataDir, { recursive: true, force: true })) };
  }
  const schema = `buurtlog_bench_${randomBytes(6).toString('hex')}`;
  const database = await prepared(createDatabase({ url: DATABASE_URL, schema }));
  return {
    database,
    async cleanup() {
      await database.close();
      const client = new pg.Client({ connectionString: DATABASE_URL });
      await client.connect();
      await client.query(`drop schema if exists "${schema}" cascade`);
      await client.end();
    },
  };
}

async function prepared(database: Database): Promise<Database> {
  await migrateToLatest(database);
  await seed(database, { now: NOW, coordinatorPassword: TEST_COORDINATOR_PASSWORD });
  return database;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dialects = process.argv[2] ? [process.argv[2] as 'sqlite' | 'postgres'] : (['sqlite', 'postgres'] as const);
  const counts = process.argv[3] ? [Number(process.argv[3])] : [1_000, 10_000];
  for (const dialect of dialects) {
    for (const mutations of counts) {
      const { mutationsPerSecond, ms } = await benchPush({ dialect, mutations });
      console.log(`push ${dialect.padEnd(8)} ${String(mutations).padStart(6)} mutations: ${String(ms).padStart(6)} ms, ${mutationsPerSecond} mutations/s`);
    }
  }
}
