/** `POST /api/v1/sync/push`: a device's batch of outbox entries (DESIGN.md "Push"). */
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { toIssues } from '../../domain/errors.ts';
import { MAX_PUSH_BYTES, MIN_SCHEMA_VERSION, PushRequestSchema, type PushResponse } from '../../domain/protocol.ts';
import { applyPush } from '../apply-push.ts';
import { authenticate, type AuthEnv } from '../auth/authenticate.ts';
import { ApiFailure } from '../errors.ts';
import { distinctScopes, type ChangedScope } from '../live/change-feed.ts';
import { readJsonBody } from '../json-body.ts';
import type { ServerContext } from '../server-context.ts';
import { quotaGate, withinLimits } from '../usage-limits.ts';

export function pushRoute({ database, now, limits, quota, metrics, live }: ServerContext): Hono<AuthEnv> {
  return new Hono<AuthEnv>().post('/push', quotaGate(quota, 'push', now), authenticate(database, now), async (c) => {
    const { principal, deviceId } = c.var;
    // Before the body is read: a device over its limit costs the server (and other tenants) next to nothing.
    const usage = { tenantId: principal.tenantId, deviceId, userId: principal.userId, kind: 'push' } as const;
    const counted = await withinLimits(database, limits, usage, now(), { gate: quota, authorization: c.req.header('authorization') });
    // Every push received counts against the limits, applied or refused (too large: as the most the server read): junk costs the server as much.
    const body = await readJsonBody(c.req.raw, MAX_PUSH_BYTES).catch(async (error: unknown) => {
      if (error instanceof ApiFailure && error.status === 413) await counted(MAX_PUSH_BYTES);
      throw error;
    });
    await counted(Buffer.byteLength(JSON.stringify(body)));
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
    const changed: ChangedScope[] = [];
    const results = await applyPush(database, { actor, mutations: parsed.data.mutations, now: serverTime, limits, changed });
    metrics.pushed(results);
    // Committed: the phones that may read it pull now (live/); this device pulls after its push anyway.
    await live.publish({ tenantId: principal.tenantId, deviceId, scopes: distinctScopes(changed) });
    return c.json({ results, serverTime } satisfies PushResponse);
  });
}

function isOutdated(body: unknown): boolean {
  if (!body || typeof body !== 'object' || !('schemaVersion' in body)) return false;
  return typeof body.schemaVersion === 'number' && body.schemaVersion < MIN_SCHEMA_VERSION;
}
