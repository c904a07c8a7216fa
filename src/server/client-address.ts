/**
 * Where a request came from, for rate limits: the socket's remote address.
 * X-Forwarded-For is believed only behind a proxy the operator vouches for
 * (TRUST_PROXY=1) — otherwise anyone could claim a fresh address per guess.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    // The proxy appends the address it saw: the last entry is the one it vouches for.
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // No socket: a request handed to app.fetch directly (tests, app.request()).
    return 'unknown';
  }
}

/** Whether the request reached us over HTTPS (for Strict-Transport-Security). */
export function isHttps(c: Context, trustProxy: boolean): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return trustProxy && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https';
}
