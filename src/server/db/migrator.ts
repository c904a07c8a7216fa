/**
 * Runs the migrations at start, on SQLite and PostgreSQL alike. Migrations
 * are listed in code (not read from a folder) so they travel with the source
 * and need no file-system lookups.
 */
import { Migrator, type Migration } from 'kysely/migration';
import type { Database } from './database.ts';
import * as initial from './migrations/0001-initial.ts';
import { accountsMigration } from './migrations/0002-accounts.ts';
import * as deviceInvites from './migrations/0003-device-invites.ts';
import { photosMigration } from './migrations/0004-photos.ts';
import { abuseLimitsMigration } from './migrations/0005-abuse-limits.ts';
import * as accessRules from './migrations/0006-access-rules.ts';
import * as patrolPurges from './migrations/0007-patrol-purges.ts';
import * as indicatorFacts from './migrations/0008-indicator-facts.ts';
import * as scopeExits from './migrations/0009-scope-exits.ts';
import * as avgRights from './migrations/0010-avg-rights.ts';
import * as monitoringIndexes from './migrations/0011-monitoring-indexes.ts';
import * as monitoringRollups from './migrations/0012-monitoring-rollups.ts';

/** Every migration by name, in order; the dialect picks the dialect-specific pieces (audit_log's guard, the photos' byte column). */
export function migrationsFor(database: Database): Readonly<Record<string, Migration>> {
  return {
    '0001-initial': initial,
    '0002-accounts': accountsMigration(database.dialect),
    '0003-device-invites': deviceInvites,
    '0004-photos': photosMigration(database.dialect),
    '0005-abuse-limits': abuseLimitsMigration(database.dialect),
    '0006-access-rules': accessRules,
    '0007-patrol-purges': patrolPurges,
    '0008-indicator-facts': indicatorFacts,
    '0009-scope-exits': scopeExits,
    '0010-avg-rights': avgRights,
    '0011-monitoring-indexes': monitoringIndexes,
    '0012-monitoring-rollups': monitoringRollups,
  };
}

/** Brings the schema up to date; throws (and the server must not start) if a migration fails. */
export async function migrateToLatest(database: Database): Promise<void> {
  const migrator = new Migrator({
    db: database.db,
    provider: { getMigrations: async () => migrationsFor(database) },
    // On PostgreSQL, Kysely looks for its bookkeeping tables in *any* schema
    // unless told which; naming ours also makes it create the schema.
    ...(database.schema ? { migrationTableSchema: database.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName;
    throw new Error(`database migration ${failed ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
