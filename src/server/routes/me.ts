/** `GET /api/v1/me`: who is signed in on this device, and what they may see. */
import { Hono } from 'hono';
import type { Me } from '../../domain/auth.ts';
import { authenticate, type AuthEnv } from '../auth/authenticate.ts';
import { meOf } from '../auth/sessions.ts';
import type { ServerContext } from '../server-context.ts';

export function meRoute({ database, now }: ServerContext): Hono<AuthEnv> {
  return new Hono<AuthEnv>().get('/me', authenticate(database, now), async (c) => {
    return c.json((await meOf(database.db, c.var.caller.user, c.var.deviceId, c.var.principal)) satisfies Me);
  });
}
