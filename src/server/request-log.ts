/**
 * One JSON line per request (pino), for the operator: time, request id,
 * method, route pattern, status, duration, tenant and device — never a
 * token, password, note text or photo: nothing of the request or answer
 * body is logged, and a path is logged as its route pattern
 * (`/api/v1/photos/:sha256`), not with its ids. Levels via LOG_LEVEL
 * (default info; `silent` in tests that pass no logger).
 *
 * Each request gets an id (`X-Request-Id` on the answer); a 500 is logged
 * with it and its stack, and its body carries it as `requestId`, which the
 * app shows as "foutcode …" so a user can quote it to the helpdesk.
 */
import { randomBytes } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { type DestinationStream, type Logger, pino } from 'pino';
import type { Principal } from '../domain/permissions.ts';
import type { Metrics } from './metrics.ts';

export type { Logger };

export type RequestLogEnv = { Variables: { requestId: string } };

/** The server's logger: JSON lines (ISO time, level by name) on stdout — or `destination` — at `level`. */
export function createLogger(level = 'info', destination?: DestinationStream): Logger {
  const options = { level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime, formatters: { level: (label: string) => ({ level: label }) } };
  return destination ? pino(options, destination) : pino(options);
}

/** A logger that writes nothing (tests, unless they pass their own). */
export const silentLogger: Logger = pino({ level: 'silent' });

/** 12 characters a person can read aloud or type: 60 bits, Crockford's base32 without I, L, O, U. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export function newRequestId(): string {
  return Array.from(randomBytes(12), (byte) => ALPHABET[byte % 32]).join('');
}

/** The middleware: an id for every request, one log line and the metrics for every answer. */
export function requestLog(logger: Logger, metrics: Metrics): MiddlewareHandler<RequestLogEnv> {
  return async (c, next) => {
    const started = performance.now();
    const requestId = newRequestId();
    c.set('requestId', requestId);
    c.header('X-Request-Id', requestId);
    await next();
    const seconds = (performance.now() - started) / 1000;
    const route = routePattern(c);
    const status = c.res.status;
    metrics.request(c.req.method, route, status, seconds);
    const principal = (c.var as { principal?: Principal }).principal;
    const deviceId = (c.var as { deviceId?: string }).deviceId;
    const line = {
      reqId: requestId,
      method: c.req.method,
      route,
      status,
      ms: Math.round(seconds * 10_000) / 10,
      ...(principal ? { tenant: principal.tenantId } : {}),
      ...(deviceId ? { device: deviceId } : {}),
    };
    if (status >= 500) logger.error(line, 'request failed');
    else logger.info(line, 'request');
  };
}

/** The pattern of the route that answered (`/api/v1/photos/:sha256`), or `static` / `not-found`: never a path with its ids. */
function routePattern(c: Context): string {
  const handlers = matchedRoutes(c).filter((route) => route.method !== 'ALL' || !route.path.endsWith('*'));
  const last = handlers.at(-1)?.path;
  if (last) return last;
  return c.res.status === 404 ? 'not-found' : 'static';
}
