/** `GET /api/v1/health`: for load balancers and people: is the server up, can it reach its database? */
import { Hono } from 'hono';
import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { errorBody } from '../errors.ts';
import { SERVER_VERSION } from '../version.ts';

export function healthRoute(database: Database): Hono {
  return new Hono().get('/health', async (c) => {
    try {
      await sql`select 1`.execute(database.db);
    } catch (error) {
      console.error('Health check: database not reachable:', (error as Error).message);
      return c.json(errorBody('server-unavailable', 'The server cannot reach its database.'), 503);
    }
    return c.json({ ok: true, database: database.dialect, version: SERVER_VERSION });
  });
}
