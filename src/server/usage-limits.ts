/**
 * The sliding-window byte limits of limits.ts applied to a request: checked
 * BEFORE the body is read (an over-limit device costs the server almost
 * nothing, and other tenants keep their speed), counted as soon as the body
 * is in. Over a limit: 429 `quota-exceeded` with `Retry-After` — the phone
 * keeps its outbox and photo queue and simply tries again then.
 *
 * The request that crosses a limit is allowed (it was under when it began),
 * and the crossing is written to the audit log once; the refusals after it
 * are not, so a flood cannot fill the audit log instead.
 *
 * A device found over its limit is remembered by its token until Retry-After
 * (`QuotaGate`, one per app), so its further requests are refused before
 * authentication touches the database: a flood costs the server next to
 * nothing (bench section 6). The database stays the truth; the memory only
 * answers sooner.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MiddlewareHandler } from 'hono';
import type { Database } from './db/database.ts';
import { recordAudit } from './db/audit.ts';
import { recordUsage, usageSince, type UsageKind, type WindowUse } from './db/usage.ts';
import { ApiFailure } from './errors.ts';
import type { Limits } from './limits.ts';
import { secretHash } from './auth/secrets.ts';

export type Usage = { readonly tenantId: string; readonly deviceId: string; readonly userId: string; readonly kind: UsageKind };

/** Devices known to be over a limit, by token hash and kind, until when. */
export type QuotaGate = { readonly blockedUntil: Map<string, { at: number; failure: ApiFailure }> };

/** Beyond this many remembered blocks, the expired ones are dropped. */
const MAX_REMEMBERED = 10_000;

export function createQuotaGate(): QuotaGate {
  return { blockedUntil: new Map() };
}

const WHAT: Readonly<Record<UsageKind, string>> = { push: 'changes', photo: 'photos' };

function limitsOf(limits: Limits, kind: UsageKind): { device: number; tenant: number } {
  return kind === 'push'
    ? { device: limits.pushBytesPerDevice, tenant: limits.pushBytesPerTenant }
    : { device: limits.photoBytesPerDevice, tenant: limits.photoBytesPerTenant };
}

/** Before `authenticate`: a token already known to be over its `kind` limit is refused at once. */
export function quotaGate(gate: QuotaGate, kind: UsageKind, now: () => number): MiddlewareHandler {
  return async (c, next) => {
    const key = gateKey(kind, c.req.header('authorization'));
    const blocked = key === null ? undefined : gate.blockedUntil.get(key);
    if (blocked && key !== null) {
      const left = blocked.at - now();
      if (left > 0) {
        cutAfterAnswer(c.env);
        throw withRetryAfter(blocked.failure, left);
      }
      gate.blockedUntil.delete(key);
    }
    await next();
  };
}

/**
 * Throws 429 when the device or its tenant has used up the window; else
 * answers a function that counts bytes received (call it once the body is in).
 *
 * @example
 * const counted = await withinLimits(database, limits, { tenantId, deviceId, userId, kind: 'photo' }, now(), { gate, authorization });
 * const bytes = await readBodyBytes(…);
 * await counted(bytes.length);
 */
export async function withinLimits(
  database: Database,
  limits: Limits,
  usage: Usage,
  now: number,
  memory?: { gate: QuotaGate; authorization: string | undefined },
): Promise<(bytes: number) => Promise<void>> {
  const max = limitsOf(limits, usage.kind);
  const since = now - limits.windowMs;
  const used = await usageSince(database.db, { ...usage, since });
  const isDeviceOver = used.device.bytes >= max.device;
  const over = [isDeviceOver ? used.device : null, used.tenant.bytes >= max.tenant ? used.tenant : null].filter((use): use is WindowUse => use !== null);
  if (over.length > 0) {
    // When the oldest bytes leave the window; if that is not enough, the next answer names a later time.
    const retryAt = Math.max(...over.map((use) => (use.oldestAt ?? now) + limits.windowMs));
    const whose = isDeviceOver ? 'This device has' : 'Your organisation has';
    const failure = new ApiFailure(
      429,
      'quota-exceeded',
      `${whose} sent more ${WHAT[usage.kind]} than the server takes in ${Math.round(limits.windowMs / 60_000)} minutes. Nothing is lost: the app keeps them and sends them later.`,
    );
    // Only the device's own block is remembered by its token; a tenant's depends on all its devices.
    const key = memory ? gateKey(usage.kind, memory.authorization) : null;
    if (isDeviceOver && memory && key !== null) remember(memory.gate, key, retryAt, failure, now);
    throw withRetryAfter(failure, retryAt - now);
  }
  return async (bytes) => {
    if (bytes <= 0) return;
    await recordUsage(database.db, { ...usage, at: now, amount: bytes });
    const crossed = [used.device.bytes + bytes >= max.device ? 'device' : null, used.tenant.bytes + bytes >= max.tenant ? 'tenant' : null].filter(
      (who): who is string => who !== null,
    );
    if (crossed.length === 0) return;
    await recordAudit(database.db, [
      { tenantId: usage.tenantId, at: now, userId: usage.userId, deviceId: usage.deviceId, action: 'quota.exceed', recordType: usage.kind, fields: crossed },
    ]);
  };
}

/**
 * The 429 with `Retry-After` in whole seconds, and `Connection: close`: the
 * body the client is still sending is not read, so the connection cannot
 * carry another request.
 */
function withRetryAfter(failure: ApiFailure, leftMs: number): ApiFailure {
  const seconds = Math.max(1, Math.ceil(leftMs / 1000));
  return new ApiFailure(429, failure.reason, failure.message, undefined, { 'Retry-After': String(seconds), Connection: 'close' });
}

/**
 * Closes the connection as soon as the 429 is sent, instead of reading (and
 * throwing away) the megabytes the flooding client is still sending: that
 * reading is what a flood would otherwise cost everyone (bench section 6).
 * Nothing to do without a socket (`app.request()` in tests).
 */
function cutAfterAnswer(env: unknown): void {
  const { incoming, outgoing } = (env ?? {}) as { incoming?: IncomingMessage; outgoing?: ServerResponse };
  outgoing?.once('finish', () => incoming?.socket.destroy());
}

function gateKey(kind: UsageKind, authorization: string | undefined): string | null {
  const token = /^Bearer ([A-Za-z0-9_-]{20,128})$/.exec(authorization?.trim() ?? '')?.[1];
  return token === undefined ? null : `${kind}:${secretHash(token)}`;
}

function remember(gate: QuotaGate, key: string, at: number, failure: ApiFailure, now: number): void {
  if (gate.blockedUntil.size >= MAX_REMEMBERED) {
    for (const [other, blocked] of gate.blockedUntil) if (blocked.at <= now) gate.blockedUntil.delete(other);
    if (gate.blockedUntil.size >= MAX_REMEMBERED) gate.blockedUntil.clear();
  }
  gate.blockedUntil.set(key, { at, failure });
}
