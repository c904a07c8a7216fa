/**
 * Health for load balancers and people. `GET /api/v1/health` (and
 * `/health/ready`, readiness): can the server reach its database? 503 when
 * not. `GET /api/v1/health/live` (liveness): the process answers, whatever
 * the database does — restart it only when this fails.
 */
import { type Context, Hono } from 'hono';
import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { errorBody } from '../errors.ts';
import { SERVER_VERSION } from '../version.ts';

export function healthRoute(database: Database): Hono {
  const ready = async (c: Context) => {
    try {
      await sql`select 1`.execute(database.db);
    } catch (error) {
      console.error('Health check: database not reachable:', (error as Error).message);
      return c.json(errorBody('server-unavailable', 'The server cannot reach its database.'), 503);
    }
    return c.json({ ok: true, database: database.dialect, version: SERVER_VERSION });
  };
  return new Hono()
    .get('/health', ready)
    .get('/health/ready', ready)
    .get('/health/live', (c) => c.json({ ok: true, version: SERVER_VERSION }));
}
