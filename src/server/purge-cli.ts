/**
 * `npm run purge`: the upkeep the server runs by itself every hour, once, for
 * an external scheduler (cron, a systemd timer): buurtpreventie data past the
 * tenant's retention periods, photos no record shows any more, usage counts
 * that left every limit window. Same settings as main.ts. Each removal is in
 * the audit log. Safe beside running servers: every purge takes the write
 * lock, so two runs at once remove (and audit) each record once.
 */
import { openDatabase, readSettings } from './env.ts';
import { purgeExpiredPatrolData } from './patrol-retention.ts';
import { runMaintenance } from './purge.ts';

const settings = readSettings(process.env);
const database = await openDatabase(settings);
try {
  const now = Date.now();
  const reports = await purgeExpiredPatrolData(database, now);
  const { photosPurged } = await runMaintenance(database, settings.limits, now);
  for (const report of reports) console.log(`Bewaartermijn: ${report.purged.length} buurtpreventie-gegevens van ${report.tenantId} verwijderd.`);
  console.log(`Opgeruimd: ${photosPurged} foto's die geen record meer toont.`);
} catch (error) {
  console.error('Opschonen mislukt:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.close();
}
