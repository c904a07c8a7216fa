/**
 * The Buurtlog HTTP app: the sync API under /api/v1 and, when built, the PWA.
 * Returned without listening, so tests drive it through `app.request()`
 * with no ports (main.ts does the listening).
 *
 * @example
 * const app = createApp({ db: createDatabase({ dataDir }) });
 * const response = await app.request('/api/v1/health');
 */
import { Hono } from 'hono';
import type { Database } from './db/database.ts';
import { ApiFailure, handleError } from './errors.ts';
import { configRoute } from './routes/config.ts';
import { healthRoute } from './routes/health.ts';
import { pullRoute } from './routes/pull.ts';
import { pushRoute } from './routes/push.ts';
import { securityHeaders } from './security-headers.ts';
import { DEMO_TENANT_ID } from './seed.ts';
import { isApiPath, staticFiles } from './static-files.ts';

export type AppOptions = {
  /** An open, migrated database (db/database.ts, db/migrator.ts). */
  readonly db: Database;
  /** The server clock, in Unix ms; injected so tests control it. */
  readonly now?: () => number;
  /** The built PWA (vite's dist/); API only when absent. */
  readonly staticDir?: string;
  /** The tenant whose config `GET /api/v1/config` serves when no X-Tenant-Id is sent. */
  readonly defaultTenant?: string;
};

export function createApp({ db, now = Date.now, staticDir, defaultTenant = DEMO_TENANT_ID }: AppOptions): Hono {
  const app = new Hono();
  app.use('*', securityHeaders);
  app.onError(handleError);

  app.route('/api/v1', healthRoute(db));
  app.route('/api/v1', configRoute(db, defaultTenant));
  app.route('/api/v1/sync', pushRoute(db, now));
  app.route('/api/v1/sync', pullRoute(db, now));
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
