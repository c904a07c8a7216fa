/**
 * Backup and restore of the embedded SQLite database (`npm run backup`,
 * `npm run restore`; README "Productie"). The database file holds records,
 * photos and the audit log together, so one file is the whole backup.
 *
 * A backup uses SQLite's online backup API while the server runs (a plain
 * copy of a live WAL database is not consistent) and is checked before it
 * counts as made. A restore puts a checked backup into an empty data folder
 * and refuses to overwrite a database that is there: a restore never
 * destroys anything, and marks the database as restored (a new epoch,
 * db/sequence.ts), so every phone sends again the changes the backup lacks.
 * The server migrates an older backup forward at start.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { createDatabase } from './db/database.ts';
import { markRestored } from './db/sequence.ts';

export const DATABASE_FILE = 'buurtlog.sqlite';

export class BackupError extends Error {}

export type BackupSummary = { readonly file: string; readonly records: number; readonly photos: number; readonly bytes: number };

/** Copies the live database of `dataDir` to `target` (a new file) and checks the copy. */
export async function backupDatabase(dataDir: string, target: string): Promise<BackupSummary> {
  const source = path.join(dataDir, DATABASE_FILE);
  if (!existsSync(source)) throw new BackupError(`Er is geen database in ${dataDir} (${DATABASE_FILE} ontbreekt); kies met DATA_DIR de map van de server.`);
  if (existsSync(target)) throw new BackupError(`${target} bestaat al; een reservekopie overschrijft nooit een bestand. Kies een nieuwe naam.`);
  const live = new SqliteDatabase(source, { fileMustExist: true });
  try {
    live.pragma('busy_timeout = 5000');
    await live.backup(target);
  } finally {
    live.close();
  }
  try {
    return summarise(target);
  } catch (error) {
    rmSync(target, { force: true });
    throw error;
  }
}

/** Puts the backup `file` into `dataDir`, which must not hold a database yet. */
export async function restoreDatabase(file: string, dataDir: string): Promise<BackupSummary> {
  const target = path.join(dataDir, DATABASE_FILE);
  for (const existing of [target, `${target}-wal`]) {
    if (existsSync(existing))
      throw new BackupError(
        `Er staat al een database in ${dataDir}. Een herstel overschrijft nooit een database: stop de server, verplaats ${DATABASE_FILE} (en ${DATABASE_FILE}-wal, -shm) en probeer het opnieuw.`,
      );
  }
  if (!existsSync(file)) throw new BackupError(`De reservekopie ${file} bestaat niet.`);
  summarise(file);
  mkdirSync(dataDir, { recursive: true });
  const backup = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    await backup.backup(target);
  } finally {
    backup.close();
  }
  const restored = createDatabase({ dataDir });
  try {
    await markRestored(restored.db);
  } finally {
    await restored.close();
  }
  return summarise(target);
}

/** Opens `file` read-only and checks it is a whole Buurtlog database; answers what it holds. */
function summarise(file: string): BackupSummary {
  let sqlite: SqliteDatabase.Database;
  try {
    sqlite = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  } catch {
    throw new BackupError(`${file} is geen SQLite-database.`);
  }
  try {
    const check = sqlite.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`${file} is beschadigd (integrity_check: ${String(check)}).`);
    const tables = new Set((sqlite.prepare("select name from sqlite_master where type = 'table'").all() as Array<{ name: string }>).map((row) => row.name));
    for (const table of ['records', 'photos', 'audit_log', 'kysely_migration'])
      if (!tables.has(table)) throw new BackupError(`${file} is geen Buurtlog-database (de tabel ${table} ontbreekt).`);
    const count = (table: string) => (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    const pages = sqlite.pragma('page_count', { simple: true }) as number;
    const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
    return { file, records: count('records'), photos: count('photos'), bytes: pages * pageSize };
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${file} is geen bruikbare database: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    sqlite.close();
  }
}
