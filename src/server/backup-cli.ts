/**
 * `npm run backup -- <file>` and `npm run restore -- <file>` for the
 * embedded database in DATA_DIR (backup.ts). PostgreSQL has its own tools,
 * pg_dump and pg_restore; after pg_restore, `npm run restore` (no file, with
 * DATABASE_URL) marks the database as restored (README "Productie").
 */
import { BackupError, backupDatabase, restoreDatabase, type BackupSummary } from './backup.ts';
import { markRestored } from './db/sequence.ts';
import { openDatabase, readSettings } from './env.ts';

const [command, file] = process.argv.slice(2);
const settings = readSettings(process.env);
const describe = (summary: BackupSummary) => `${summary.records} records, ${summary.photos} foto's, ${(summary.bytes / 1024 / 1024).toFixed(1)} MB`;

try {
  if (settings.databaseUrl && command === 'restore' && !file) {
    const database = await openDatabase(settings);
    try {
      await markRestored(database.db);
    } finally {
      await database.close();
    }
    console.log(`${database.location} is gemarkeerd als teruggezet: telefoons sturen wat ze daarna nog hadden opnieuw.`);
  } else if (settings.databaseUrl) {
    throw new BackupError(
      'DATABASE_URL is gezet: maak de reservekopie van PostgreSQL met pg_dump, zet hem terug met pg_restore en voer daarna `npm run restore` uit zonder bestand (README "Productie").',
    );
  } else {
    if (!file || (command !== 'backup' && command !== 'restore'))
      throw new BackupError('Gebruik: npm run backup -- <bestand>  of  npm run restore -- <bestand>');
    if (command === 'backup') {
      const summary = await backupDatabase(settings.dataDir, file);
      console.log(`Reservekopie gemaakt: ${summary.file} (${describe(summary)}).`);
    } else {
      const summary = await restoreDatabase(file, settings.dataDir);
      console.log(`Teruggezet in ${settings.dataDir}: ${describe(summary)}. Start de server; telefoons sturen wat ze daarna nog hadden opnieuw.`);
    }
  }
} catch (error) {
  console.error(error instanceof BackupError ? error.message : `Mislukt: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
