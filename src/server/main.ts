/**
 * Starts the Buurtlog server: migrate, seed what is missing (tenants, their
 * configuration, a coordinator each), listen.
 * Settings come from the environment (env.ts). Prints one line with the URL
 * (tests start it with PORT=0 and read the real port from that line).
 */
import { existsSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { openDatabase, readSettings } from './env.ts';
import { localChangeFeed, postgresChangeFeed } from './live/change-feed.ts';
import { createLiveHub } from './live/live-hub.ts';
import { startRetentionSchedule } from './patrol-retention.ts';
import { createLogger } from './request-log.ts';
import { runMaintenance } from './purge.ts';
import { seed, seedReportLines } from './seed.ts';

/** How long in-flight requests may take to finish after SIGTERM before connections are cut. */
const SHUTDOWN_GRACE_MS = 10_000;
/** How often the upkeep runs: purging unreferenced photos, forgetting old usage (purge.ts). */
const MAINTENANCE_EVERY_MS = 60 * 60_000;

async function main(): Promise<void> {
  const settings = readSettings(process.env);
  const logger = createLogger(settings.logLevel);
  const database = await openDatabase(settings);
  // The seed report (a first start's generated coordinator passwords) is for the person at the terminal,
  // as plain lines: a secret does not belong in the JSON log that log shippers keep.
  for (const line of seedReportLines(await seed(database, { coordinatorPassword: settings.coordinatorPassword }))) console.log(line);

  const hasStatic = existsSync(settings.staticDir);
  if (!hasStatic) logger.warn(`Geen gebouwde app in ${settings.staticDir}: alleen de API draait (bouw de app met \`npm run build\`).`);
  // Live pokes: across processes through PostgreSQL LISTEN/NOTIFY; SQLite has one process.
  const live = createLiveHub(
    database.dialect === 'postgres' && settings.databaseUrl
      ? postgresChangeFeed(database, { url: settings.databaseUrl, schema: database.schema ?? 'public' })
      : localChangeFeed(),
  );
  const app = createApp({
    db: database,
    live,
    defaultTenant: settings.defaultTenant,
    trustProxy: settings.trustProxy,
    limits: settings.limits,
    logger,
    ...(settings.metricsToken ? { metricsToken: settings.metricsToken } : {}),
    ...(settings.publicUrl ? { publicUrl: settings.publicUrl } : {}),
    ...(hasStatic ? { staticDir: settings.staticDir } : {}),
  });

  const server = serve({ fetch: app.fetch, port: settings.port, hostname: settings.host }, (info) => {
    logger.info(`Buurtlog draait op http://localhost:${info.port} (database: ${database.dialect} ${database.location})`);
  });

  // Buurtpreventie retention: at start, then every hour.
  const stopRetention = startRetentionSchedule(database, {
    onPurged: (reports) => {
      for (const report of reports) logger.info(`Bewaartermijn: ${report.purged.length} buurtpreventie-gegevens van ${report.tenantId} verwijderd.`);
    },
    onError: (error) => logger.error({ err: error }, 'Bewaartermijn: opschonen mislukt, volgende poging over een uur'),
  });
  const upkeep = async (): Promise<void> => {
    const report = await runMaintenance(database, settings.limits, Date.now());
    if (report.photosPurged > 0) logger.info(`Opgeruimd: ${report.photosPurged} foto's die geen record meer toont.`);
  };
  const maintenance = setInterval(() => void upkeep().catch((error: unknown) => logger.error({ err: error }, 'Onderhoud mislukt')), MAINTENANCE_EVERY_MS);
  maintenance.unref();

  server.on('error', (error: NodeJS.ErrnoException) => {
    const hint = error.code === 'EADDRINUSE' ? ` Poort ${settings.port} is al in gebruik; kies een andere met PORT.` : '';
    logger.fatal(`Buurtlog kan niet luisteren op ${settings.host}:${settings.port}: ${error.message}.${hint}`);
    void database.close().finally(() => process.exit(1));
  });

  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    stopRetention();
    clearInterval(maintenance);
    // Open event streams would hold close() until the grace period ends; the phones reconnect elsewhere.
    const liveClosed = live.close();
    logger.info(`${signal}: Buurtlog stopt; lopende verzoeken worden afgemaakt.`);
    // close() stops accepting and waits for in-flight requests; idle keep-alive connections are closed at once.
    const force = setTimeout(() => {
      if ('closeAllConnections' in server) server.closeAllConnections();
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    server.close(async () => {
      await liveClosed;
      await database.close();
      logger.info('Buurtlog gestopt.');
      process.exit(0);
    });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error('Buurtlog kon niet starten:', error instanceof Error ? error.message : error);
  process.exit(1);
});
