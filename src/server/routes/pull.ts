/**
 * `GET /api/v1/sync/pull?cursor=&limit=`: the caller's tenant's records
 * changed after the cursor, oldest change first, tombstones included.
 * Correct only because pushes commit in sequence order (db/write-lock.ts).
 */
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { toIssues } from '../../domain/errors.ts';
import { PullQuerySchema, type PullResponse } from '../../domain/protocol.ts';
import type { Database } from '../db/database.ts';
import { recordsSince } from '../db/records.ts';
import { ApiFailure } from '../errors.ts';
import { identify, type IdentityEnv } from '../identity.ts';

export function pullRoute(database: Database, now: () => number): Hono<IdentityEnv> {
  return new Hono<IdentityEnv>().get('/pull', identify(database), async (c) => {
    const query = z.safeParse(PullQuerySchema, c.req.query());
    if (!query.success) throw new ApiFailure(400, 'invalid-payload', 'The pull query is not valid.', toIssues(query.error));
    const { cursor, limit } = query.data;

    const page = await recordsSince(database.db, c.get('identity').tenantId, Number(cursor), limit);
    return c.json({
      records: page.records,
      // An empty page keeps the caller's cursor: nothing past it has committed yet.
      cursor: page.lastSeq === null ? cursor : String(page.lastSeq),
      hasMore: page.hasMore,
      serverTime: now(),
    } satisfies PullResponse);
  });
}
