/**
 * The Buurtlog HTTP app: the API under /api/v1 and, when built, the PWA.
 * Returned without listening, so tests drive it through `app.request()`
 * with no ports (main.ts does the listening).
 *
 * Public: health, the default tenant's name, sign-in, invite preview and
 * redemption. Everything else needs a device token (auth/authenticate.ts).
 *
 * @example
 * const app = createApp({ db: createDatabase({ dataDir }) });
 * const response = await app.request('/api/v1/health');
 */
import { Hono } from 'hono';
import type { Database } from './db/database.ts';
import { compressAnswers } from './compress.ts';
import { ApiFailure, errorHandler } from './errors.ts';
import { createMetrics, metricsRoute } from './metrics.ts';
import { requestLog, silentLogger, type Logger } from './request-log.ts';
import { auditRoute } from './routes/audit.ts';
import { authRoute } from './routes/auth.ts';
import { devicesRoute } from './routes/devices.ts';
import { eventsRoute } from './routes/events.ts';
import { healthRoute } from './routes/health.ts';
import { invitesRoute } from './routes/invites.ts';
import { meRoute } from './routes/me.ts';
import { monitoringRoute } from './routes/monitoring.ts';
import { personDataRoute } from './routes/person-data.ts';
import { photosRoute } from './routes/photos.ts';
import { privacyTextsRoute } from './routes/privacy-texts.ts';
import { pullRoute } from './routes/pull.ts';
import { pushRoute } from './routes/push.ts';
import { tenantRoute } from './routes/tenant.ts';
import { usersRoute } from './routes/users.ts';
import { DEFAULT_LIMITS, type Limits } from './limits.ts';
import { localChangeFeed } from './live/change-feed.ts';
import { createLiveHub, type LiveHub } from './live/live-hub.ts';
import { noStore, securityHeaders } from './security-headers.ts';
import { DEMO_TENANT_ID } from './seed.ts';
import type { ServerContext } from './server-context.ts';
import { isApiPath, staticFiles } from './static-files.ts';
import { createQuotaGate } from './usage-limits.ts';

export type AppOptions = {
  /** An open, migrated database (db/database.ts, db/migrator.ts). */
  readonly db: Database;
  /** The server clock, in Unix ms; injected so tests control it. */
  readonly now?: () => number;
  /** The built PWA (vite's dist/); API only when absent. */
  readonly staticDir?: string;
  /** The tenant `GET /api/v1/tenant` names on the sign-in screen. */
  readonly defaultTenant?: string;
  /** Believe X-Forwarded-For and X-Forwarded-Proto (only behind a proxy that sets them; env TRUST_PROXY=1). */
  readonly trustProxy?: boolean;
  /** The public origin for invite links (env PUBLIC_URL); the request's origin when absent. */
  readonly publicUrl?: string;
  /** Limits against abuse (limits.ts; env LIMIT_*): the defaults when absent. */
  readonly limits?: Limits;
  /** The request log and error log (request-log.ts); silent when absent. */
  readonly logger?: Logger;
  /** Serve `GET /metrics` to this Bearer token (env METRICS_TOKEN); off when absent. */
  readonly metricsToken?: string;
  /** Live pokes (live/): main.ts gives one over PostgreSQL NOTIFY when several processes share the database; else in-process. */
  readonly live?: LiveHub;
  /** How often an open event stream gets a heartbeat and its token checked again (routes/events.ts); tests shorten it. */
  readonly liveHeartbeatMs?: number;
};

export function createApp({
  db,
  now = Date.now,
  staticDir,
  defaultTenant = DEMO_TENANT_ID,
  trustProxy = false,
  publicUrl,
  limits = DEFAULT_LIMITS,
  logger = silentLogger,
  metricsToken,
  live = createLiveHub(localChangeFeed()),
  liveHeartbeatMs,
}: AppOptions): Hono {
  const metrics = createMetrics(db);
  const ctx: ServerContext = {
    database: db,
    now,
    defaultTenant,
    trustProxy,
    publicUrl: publicUrl?.replace(/\/+$/, ''),
    limits,
    quota: createQuotaGate(),
    metrics,
    live,
  };
  const handleError = errorHandler(logger);
  const app = new Hono();
  app.use('*', requestLog(logger, metrics));
  app.use('*', securityHeaders(trustProxy));
  app.use('*', compressAnswers);
  app.use('/api/*', noStore);
  app.onError(handleError);

  app.route('/api/v1', healthRoute(db));
  app.route('/api/v1', tenantRoute(ctx));
  app.route('/api/v1/auth', authRoute(ctx));
  app.route('/api/v1', meRoute(ctx));
  app.route('/api/v1/invites', invitesRoute(ctx));
  app.route('/api/v1/users', usersRoute(ctx));
  app.route('/api/v1/users', personDataRoute(ctx));
  app.route('/api/v1/devices', devicesRoute(ctx));
  app.route('/api/v1', auditRoute(ctx));
  app.route('/api/v1/sync', pushRoute(ctx));
  app.route('/api/v1/sync', pullRoute(ctx));
  app.route('/api/v1/sync', eventsRoute(ctx, liveHeartbeatMs));
  app.route('/api/v1/photos', photosRoute(ctx));
  app.route('/', metricsRoute(metrics, metricsToken));
  app.route('/api/v1', monitoringRoute(ctx));
  app.route('/api/v1', privacyTextsRoute(ctx));
  app.all('/api/*', (c) => {
    throw new ApiFailure(404, 'not-found', `There is no API endpoint ${c.req.method} ${c.req.path}.`);
  });

  if (staticDir) app.use('*', staticFiles(staticDir));
  app.notFound((c) => {
    const what = isApiPath(c.req.path) ? 'API endpoint' : 'page';
    return handleError(new ApiFailure(404, 'not-found', `There is no ${what} ${c.req.path}.`), c);
  });
  return app;
}
