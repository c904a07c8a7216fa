/** What every route of the API needs: the database, the clock and the deployment's settings. */
import type { Database } from './db/database.ts';
import type { Limits } from './limits.ts';
import type { Metrics } from './metrics.ts';
import type { LiveHub } from './live/live-hub.ts';
import type { QuotaGate } from './usage-limits.ts';

export type ServerContext = {
  readonly database: Database;
  /** The server clock, in Unix ms; injected so tests control it. */
  readonly now: () => number;
  /** The tenant named on the sign-in screen (`GET /api/v1/tenant`). */
  readonly defaultTenant: string;
  /** Believe X-Forwarded-For / X-Forwarded-Proto (TRUST_PROXY=1): only behind a proxy that sets them. */
  readonly trustProxy: boolean;
  /** The app's public origin for invite links (PUBLIC_URL); else the request's origin. */
  readonly publicUrl: string | undefined;
  /** Byte limits, rejection caps, photo retention (limits.ts). */
  readonly limits: Limits;
  /** Devices known to be over a limit (usage-limits.ts): this process's memory of them. */
  readonly quota: QuotaGate;
  /** Counts for `GET /metrics` (metrics.ts). */
  readonly metrics: Metrics;
  /** The phones listening for changes on this process, and the news of changes from every process (live/). */
  readonly live: LiveHub;
};
