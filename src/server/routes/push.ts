/** `POST /api/v1/sync/push`: a device's batch of outbox entries (DESIGN.md "Push"). */
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { toIssues } from '../../domain/errors.ts';
import { MAX_PUSH_BYTES, MIN_SCHEMA_VERSION, PushRequestSchema, type PushResponse } from '../../domain/protocol.ts';
import { applyPush } from '../apply-push.ts';
import type { Database } from '../db/database.ts';
import { ApiFailure } from '../errors.ts';
import { identify, type IdentityEnv } from '../identity.ts';
import { readJsonBody } from '../json-body.ts';

export function pushRoute(database: Database, now: () => number): Hono<IdentityEnv> {
  return new Hono<IdentityEnv>().post('/push', identify(database, { requireDevice: true }), async (c) => {
    const body = await readJsonBody(c.req.raw, MAX_PUSH_BYTES);
    // Before the full schema check: an old client's body may not fit today's schema at all.
    if (isOutdated(body)) {
      throw new ApiFailure(426, 'client-outdated', 'This version of the app is too old for the server. Update the app; your unsent changes stay on the phone.');
    }
    const parsed = z.safeParse(PushRequestSchema, body);
    if (!parsed.success) throw new ApiFailure(400, 'invalid-payload', 'The push request is not well-formed.', toIssues(parsed.error));

    const { deviceId, tenantId } = c.get('identity');
    if (parsed.data.deviceId !== deviceId) {
      throw new ApiFailure(400, 'invalid-payload', 'The body’s deviceId differs from the X-Device-Id header.', [
        { path: 'deviceId', message: 'must equal the X-Device-Id header' },
      ]);
    }

    const serverTime = now();
    const results = await applyPush(database, { tenantId, deviceId, mutations: parsed.data.mutations, now: serverTime });
    return c.json({ results, serverTime } satisfies PushResponse);
  });
}

function isOutdated(body: unknown): boolean {
  if (!body || typeof body !== 'object' || !('schemaVersion' in body)) return false;
  return typeof body.schemaVersion === 'number' && body.schemaVersion < MIN_SCHEMA_VERSION;
}
