/** `POST /api/v1/sync/push`: a device's batch of outbox entries (DESIGN.md "Push"). */
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { toIssues } from '../../domain/errors.ts';
import { MAX_PUSH_BYTES, MIN_SCHEMA_VERSION, PushRequestSchema, type PushResponse } from '../../domain/protocol.ts';
import { applyPush } from '../apply-push.ts';
import { authenticate, type AuthEnv } from '../auth/authenticate.ts';
import { ApiFailure } from '../errors.ts';
import { readJsonBody } from '../json-body.ts';
import type { ServerContext } from '../server-context.ts';
import { withinLimits } from '../usage-limits.ts';

export function pushRoute({ database, now, limits }: ServerContext): Hono<AuthEnv> {
  return new Hono<AuthEnv>().post('/push', authenticate(database, now), async (c) => {
    const { principal, deviceId } = c.var;
    // Before the body is read: a device over its limit costs the server (and other tenants) next to nothing.
    const counted = await withinLimits(database, limits, { tenantId: principal.tenantId, deviceId, userId: principal.userId, kind: 'push' }, now());
    const body = await readJsonBody(c.req.raw, MAX_PUSH_BYTES);
    // Before the full schema check: an old client's body may not fit today's schema at all.
    if (isOutdated(body)) {
      throw new ApiFailure(426, 'client-outdated', 'This version of the app is too old for the server. Update the app; your unsent changes stay on the phone.');
    }
    const parsed = z.safeParse(PushRequestSchema, body);
    if (!parsed.success) throw new ApiFailure(400, 'invalid-payload', 'The push request is not well-formed.', toIssues(parsed.error));

    // Counters are written per device: only the device the token was issued to may write its entries.
    if (parsed.data.deviceId !== deviceId) {
      throw new ApiFailure(400, 'invalid-payload', 'The body’s deviceId is not the device this token was issued to.', [
        { path: 'deviceId', message: 'must be the signed-in device' },
      ]);
    }

    const serverTime = now();
    const actor = { tenantId: principal.tenantId, deviceId, userId: principal.userId, principal };
    const results = await applyPush(database, { actor, mutations: parsed.data.mutations, now: serverTime, limits });
    await counted(Buffer.byteLength(JSON.stringify(parsed.data.mutations)));
    return c.json({ results, serverTime } satisfies PushResponse);
  });
}

function isOutdated(body: unknown): boolean {
  if (!body || typeof body !== 'object' || !('schemaVersion' in body)) return false;
  return typeof body.schemaVersion === 'number' && body.schemaVersion < MIN_SCHEMA_VERSION;
}
