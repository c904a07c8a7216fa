/**
 * The server's settings from environment variables, read in one place so
 * main.ts and seed-cli.ts open the same database the same way.
 *
 * PORT (8080; 0 picks a free port), HOST (0.0.0.0), DATA_DIR (./data, SQLite),
 * DATABASE_URL (PostgreSQL when set), DATABASE_SCHEMA (PostgreSQL schema,
 * default public; created if missing — tests use a fresh one each),
 * STATIC_DIR (./dist), DEFAULT_TENANT (alblasserdam), PUBLIC_URL (the origin
 * in invite links; else the request's), TRUST_PROXY (1: believe
 * X-Forwarded-For/-Proto), BUURTLOG_COORDINATOR_PASSWORD (the seeded
 * coordinators' password; else a random one, printed once), LIMIT_* and
 * PHOTO_PURGE_DAYS (limits against abuse, limits.ts).
 */
import * as z from 'zod/mini';
import { PasswordSchema } from '../domain/auth.ts';
import { COMMON_PASSWORD_MESSAGE, isCommonPassword } from './auth/common-passwords.ts';
import { createDatabase, type Database } from './db/database.ts';
import { migrateToLatest } from './db/migrator.ts';
import { limitsFromEnv, type Limits } from './limits.ts';
import { DEMO_TENANT_ID } from './seed.ts';

export type ServerSettings = {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly databaseSchema: string | undefined;
  readonly staticDir: string;
  readonly defaultTenant: string;
  readonly publicUrl: string | undefined;
  readonly trustProxy: boolean;
  readonly coordinatorPassword: string | undefined;
  /** LIMIT_* and PHOTO_PURGE_DAYS (limits.ts). */
  readonly limits: Limits;
  /** LOG_LEVEL: fatal, error, warn, info (default), debug, trace or silent. */
  readonly logLevel: string;
  /** METRICS_TOKEN: `GET /metrics` answers only with this Bearer token; off when unset. */
  readonly metricsToken: string | undefined;
};

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function readSettings(env: NodeJS.ProcessEnv): ServerSettings {
  const port = Number(env['PORT'] ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number (0–65535), not "${env['PORT']}"`);
  return {
    port,
    host: env['HOST'] || '0.0.0.0',
    dataDir: env['DATA_DIR'] || './data',
    databaseUrl: env['DATABASE_URL'] || undefined,
    databaseSchema: env['DATABASE_SCHEMA'] || undefined,
    staticDir: env['STATIC_DIR'] || './dist',
    defaultTenant: env['DEFAULT_TENANT'] || DEMO_TENANT_ID,
    publicUrl: publicUrlOf(env['PUBLIC_URL']),
    trustProxy: env['TRUST_PROXY'] === '1' || env['TRUST_PROXY'] === 'true',
    coordinatorPassword: coordinatorPasswordOf(env['BUURTLOG_COORDINATOR_PASSWORD']),
    limits: limitsFromEnv(env),
    logLevel: logLevelOf(env['LOG_LEVEL']),
    metricsToken: metricsTokenOf(env['METRICS_TOKEN']),
  };
}

function logLevelOf(value: string | undefined): string {
  if (!value) return 'info';
  if (!LOG_LEVELS.includes(value)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${value}"`);
  return value;
}

function metricsTokenOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (value.length < 16) throw new Error('METRICS_TOKEN must be at least 16 characters (it guards the metrics)');
  return value;
}

function publicUrlOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`PUBLIC_URL must be a URL such as https://buurtlog.example.nl, not "${value}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`PUBLIC_URL must start with https:// (or http://), not "${value}"`);
  // The origin plus any path the app is served under, without query, fragment or trailing slash.
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

function coordinatorPasswordOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const valid = z.safeParse(PasswordSchema, value);
  if (!valid.success) throw new Error(`BUURTLOG_COORDINATOR_PASSWORD ${valid.error.issues[0]?.message ?? 'is not a usable password'}`);
  if (isCommonPassword(value)) throw new Error(`BUURTLOG_COORDINATOR_PASSWORD: ${COMMON_PASSWORD_MESSAGE}`);
  return value;
}

/** Opens the configured database and brings its schema up to date. */
export async function openDatabase(settings: ServerSettings): Promise<Database> {
  const database = createDatabase({
    ...(settings.databaseUrl ? { url: settings.databaseUrl } : { dataDir: settings.dataDir }),
    ...(settings.databaseSchema ? { schema: settings.databaseSchema } : {}),
  });
  try {
    await migrateToLatest(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}
