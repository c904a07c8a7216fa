/**
 * The two real backends every server test runs against: SQLite in a temp
 * folder and PostgreSQL in a fresh, uniquely named schema (dropped after).
 *
 * PostgreSQL at TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test).
 * Unreachable: with CI=true the suite FAILS; locally its PostgreSQL cases are
 * skipped with a loud warning (DESIGN.md "Quality bars").
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDatabase, type Database, type DialectName } from '../../../src/server/db/database.ts';
import { migrateToLatest } from '../../../src/server/db/migrator.ts';
import { hashPassword } from '../../../src/server/auth/passwords.ts';
import { seed } from '../../../src/server/seed.ts';
import { postgresProblem } from '../../fixtures/postgres.ts';
import { TEST_COORDINATOR_PASSWORD } from '../../fixtures/server-auth.ts';
import { NOW } from '../../fixtures/fixed.ts';

export const TEST_DATABASE_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

export type TestDatabase = { readonly database: Database; cleanup(): Promise<void> };

/** Hashed once per test file: scrypt is slow on purpose. */
export const TEST_COORDINATOR_PASSWORD_HASH = await hashPassword(TEST_COORDINATOR_PASSWORD);

const postgresUnreachable = await postgresProblem(TEST_DATABASE_URL);
if (postgresUnreachable !== null) {
  const message = `PostgreSQL is not reachable at ${TEST_DATABASE_URL} (${postgresUnreachable}).`;
  if (process.env['CI'] === 'true') throw new Error(`${message} CI requires the PostgreSQL server tests; start PostgreSQL or set TEST_DATABASE_URL.`);
  console.warn(`\n${'!'.repeat(78)}\n!! ${message}\n!! SKIPPING every PostgreSQL case of the server suite. CI will not skip them.\n${'!'.repeat(78)}\n`);
}

/**
 * The dialects to run `describe.each` over. TEST_DIALECTS=sqlite narrows them for the
 * run a year ahead (tests/a-year-ahead.sh): PostgreSQL's own clock does not move there,
 * and each case's dates come from the same test code the SQLite case runs.
 */
const chosen = process.env['TEST_DIALECTS']?.split(',').map((name) => name.trim());
export const DIALECTS: readonly DialectName[] = (postgresUnreachable === null ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const)).filter(
  (dialect) => chosen === undefined || chosen.includes(dialect),
);
/** PostgreSQL answers and is among the chosen dialects (PostgreSQL-only cases run when it is). */
export const HAS_POSTGRES = DIALECTS.includes('postgres');

/** A unique schema name: tests in parallel workers never share one. */
export function uniqueSchemaName(): string {
  return `buurtlog_test_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database, seeded at NOW (both tenants, their configuration records and coordinators). */
export async function openTestDatabase(dialect: DialectName, options: PrepareOptions = {}): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'buurtlog-test-'));
    const database = createDatabase({ dataDir });
    await prepare(database, options);
    return {
      database,
      async cleanup() {
        await database.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  }
  const schema = uniqueSchemaName();
  const database = createDatabase({ url: TEST_DATABASE_URL, schema });
  await prepare(database, options);
  return {
    database,
    async cleanup() {
      await database.close();
      await dropSchema(schema);
    },
  };
}

type PrepareOptions = { seed?: boolean; migrate?: boolean };

async function prepare(database: Database, options: PrepareOptions): Promise<void> {
  if (options.migrate === false) return;
  await migrateToLatest(database);
  if (options.seed !== false) await seed(database, { now: NOW, coordinatorPasswordHash: TEST_COORDINATOR_PASSWORD_HASH });
}
