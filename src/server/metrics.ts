/**
 * `GET /metrics` in Prometheus's text format (prom-client), for the
 * operator's monitoring (README "Productie"). Off unless METRICS_TOKEN is
 * set; then only with `Authorization: Bearer <METRICS_TOKEN>`. Every app has
 * its own registry, so tests (and several apps in one process) never share
 * counts. What is counted says nothing about a person: routes as patterns,
 * statuses, totals.
 */
import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { sql } from 'kysely';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { PushResult } from '../domain/protocol.ts';
import type { Database } from './db/database.ts';
import { ApiFailure } from './errors.ts';

export type Metrics = {
  readonly registry: Registry;
  /** One answered request: its route pattern (never the path with ids), status and duration. */
  request(method: string, route: string, status: number, seconds: number): void;
  /** What a push came to, mutation by mutation. */
  pushed(results: readonly PushResult[]): void;
  /** The bytes of a photo stored now (not one the server already had). */
  photoStored(bytes: number): void;
};

export function createMetrics(database: Database): Metrics {
  const registry = new Registry();
  const requests = new Counter({
    name: 'buurtlog_http_requests_total',
    help: 'Answered HTTP requests.',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'buurtlog_http_request_duration_seconds',
    help: 'Time to answer an HTTP request.',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const mutations = new Counter({ name: 'buurtlog_push_mutations_total', help: 'Pushed mutations by outcome.', labelNames: ['status'], registers: [registry] });
  const photoBytes = new Counter({ name: 'buurtlog_photo_bytes_stored_total', help: 'Bytes of photos stored.', registers: [registry] });
  const signInFailures = new Counter({
    name: 'buurtlog_sign_in_failures_total',
    help: 'Sign-ins refused for a wrong e-mail or password.',
    registers: [registry],
  });
  const lockOuts = new Counter({
    name: 'buurtlog_sign_in_delayed_total',
    help: 'Sign-ins refused while an address waits after wrong passwords (429).',
    registers: [registry],
  });
  for (const status of ['applied', 'duplicate', 'rejected']) mutations.inc({ status }, 0);
  photoBytes.inc(0);
  signInFailures.inc(0);
  lockOuts.inc(0);
  new Gauge({
    name: 'buurtlog_database_size_bytes',
    help: 'Size of the database on disk.',
    registers: [registry],
    async collect() {
      this.set(await databaseSize(database));
    },
  });
  if (database.poolStats) {
    const stats = database.poolStats.bind(database);
    new Gauge({
      name: 'buurtlog_database_pool_connections',
      help: 'PostgreSQL pool connections by state.',
      labelNames: ['state'],
      registers: [registry],
      collect() {
        const { total, idle, waiting } = stats();
        this.set({ state: 'total' }, total);
        this.set({ state: 'idle' }, idle);
        this.set({ state: 'waiting' }, waiting);
      },
    });
  }
  return {
    registry,
    request(method, route, status, seconds) {
      requests.inc({ method, route, status: String(status) });
      duration.observe({ method, route }, seconds);
      if (route === '/api/v1/auth/sign-in' && status === 401) signInFailures.inc();
      if (route === '/api/v1/auth/sign-in' && status === 429) lockOuts.inc();
    },
    pushed(results) {
      for (const result of results) mutations.inc({ status: result.status });
    },
    photoStored: (bytes) => photoBytes.inc(bytes),
  };
}

async function databaseSize(database: Database): Promise<number> {
  if (database.dialect === 'postgres') {
    const { rows } = await sql<{ size: string | number }>`select pg_database_size(current_database()) as size`.execute(database.db);
    return Number(rows[0]?.size ?? 0);
  }
  const { rows } = await sql<{ size: number }>`select page_count * page_size as size from pragma_page_count(), pragma_page_size()`.execute(database.db);
  return Number(rows[0]?.size ?? 0);
}

/** `GET /metrics`: 404 unless a token is set (as if it did not exist), 401 without the right one. */
export function metricsRoute(metrics: Metrics, token: string | undefined): Hono {
  return new Hono().get('/metrics', async (c) => {
    if (!token) throw new ApiFailure(404, 'not-found', 'There is no page /metrics.');
    const given = Buffer.from(c.req.header('authorization') ?? '');
    const wanted = Buffer.from(`Bearer ${token}`);
    if (given.length !== wanted.length || !timingSafeEqual(given, wanted))
      throw new ApiFailure(401, 'unauthenticated', 'The metrics need the METRICS_TOKEN as a Bearer token.');
    return c.body(await metrics.registry.metrics(), 200, { 'Content-Type': metrics.registry.contentType, 'Cache-Control': 'no-store' });
  });
}
