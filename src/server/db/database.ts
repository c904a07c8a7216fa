/**
 * Opens the server's database: embedded SQLite by default, PostgreSQL when a
 * URL is given. Both are queried through the same Kysely instance type, so
 * every query is written once (DESIGN.md "Architecture").
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Schema } from './schema.ts';

export type DialectName = 'sqlite' | 'postgres';

export type Database = {
  readonly db: Kysely<Schema>;
  readonly dialect: DialectName;
  /** Where the data lives, for the start-up line: a file path or `host/db (schema)`. */
  readonly location: string;
  /** The PostgreSQL schema the tables live in (search_path); undefined on SQLite. */
  readonly schema?: string;
  /** PostgreSQL only: the connection pool's connections (for /metrics). */
  poolStats?(): { readonly total: number; readonly idle: number; readonly waiting: number };
  close(): Promise<void>;
};

export type DatabaseOptions = {
  /** A PostgreSQL connection URL; SQLite when absent. */
  readonly url?: string;
  /** SQLite only: the folder of `buurtlog.sqlite`, created if missing. */
  readonly dataDir?: string;
  /** PostgreSQL only: the schema to use (search_path), e.g. a fresh one per test. */
  readonly schema?: string;
};

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * @example
 * const database = createDatabase({ dataDir: './data' });
 * await migrateToLatest(database);
 */
export function createDatabase(options: DatabaseOptions = {}): Database {
  return options.url ? openPostgres(options.url, options.schema ?? 'public') : openSqlite(options.dataDir ?? './data');
}

function openSqlite(dataDir: string): Database {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'buurtlog.sqlite');
  const sqlite = new SqliteDatabase(file);
  // WAL lets pulls read while a push writes; synchronous=FULL makes an
  // acknowledged push survive power loss (WAL's default NORMAL does not).
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  // A second process writing the same file waits instead of failing at once.
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', location: file, close: () => db.destroy() };
}

function openPostgres(url: string, schema: string): Database {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`not a usable PostgreSQL schema name: "${schema}"`);
  const pool = new pg.Pool({
    connectionString: url,
    // Every connection works in the chosen schema; the migrator creates it.
    options: `-c search_path=${schema}`,
    types: { getTypeParser: parseInt8AsNumber },
  });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', (error) => console.error('PostgreSQL connection lost:', error.message));
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  const { host, pathname } = new URL(url);
  return {
    db,
    dialect: 'postgres',
    location: `${host}${pathname} (schema ${schema})`,
    schema,
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: () => db.destroy(),
  };
}

/**
 * bigint columns (seq, times in ms) come back as numbers, like SQLite's: both
 * stay far below 2^53, and one query must read the same on both databases.
 */
function parseInt8AsNumber(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
  if (oid === pg.types.builtins.INT8) return Number;
  return pg.types.getTypeParser(oid, format ?? 'text') as (value: string) => unknown;
}
