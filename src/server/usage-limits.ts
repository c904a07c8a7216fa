/**
 * The sliding-window byte limits of limits.ts applied to a request: checked
 * BEFORE the body is read (an over-limit device costs the server almost
 * nothing, and other tenants keep their speed), counted after the work is
 * done. Over a limit: 429 `quota-exceeded` with `Retry-After` — the phone
 * keeps its outbox and photo queue and simply tries again then.
 *
 * The request that crosses a limit is allowed (it was under when it began),
 * and the crossing is written to the audit log once; the refusals after it
 * are not, so a flood cannot fill the audit log instead.
 */
import type { Database } from './db/database.ts';
import { recordAudit } from './db/audit.ts';
import { recordUsage, usageSince, type UsageKind, type WindowUse } from './db/usage.ts';
import { ApiFailure } from './errors.ts';
import type { Limits } from './limits.ts';

export type Usage = { readonly tenantId: string; readonly deviceId: string; readonly userId: string; readonly kind: UsageKind };

const WHAT: Readonly<Record<UsageKind, string>> = { push: 'changes', photo: 'photos' };

function limitsOf(limits: Limits, kind: UsageKind): { device: number; tenant: number } {
  return kind === 'push' ? { device: limits.pushBytesPerDevice, tenant: limits.pushBytesPerTenant } : { device: limits.photoBytesPerDevice, tenant: limits.photoBytesPerTenant };
}

/**
 * Throws 429 when the device or its tenant has used up the window; else
 * answers a function that counts the bytes of the work once it is done.
 *
 * @example
 * const done = await withinLimits(database, limits, { tenantId, deviceId, userId, kind: 'photo' }, now());
 * // … store the photo …
 * await done(bytes.length);
 */
export async function withinLimits(database: Database, limits: Limits, usage: Usage, now: number): Promise<(bytes: number) => Promise<void>> {
  const max = limitsOf(limits, usage.kind);
  const since = now - limits.windowMs;
  const used = await usageSince(database.db, { ...usage, since });
  const over = [used.device.bytes >= max.device ? used.device : null, used.tenant.bytes >= max.tenant ? used.tenant : null].filter((use): use is WindowUse => use !== null);
  if (over.length > 0) {
    // When the oldest bytes leave the window; if that is not enough, the next answer names a later time.
    const retryAt = Math.max(...over.map((use) => (use.oldestAt ?? now) + limits.windowMs));
    const seconds = Math.max(1, Math.ceil((retryAt - now) / 1000));
    const whose = used.device.bytes >= max.device ? 'This device has' : 'Your organisation has';
    throw new ApiFailure(429, 'quota-exceeded', `${whose} sent more ${WHAT[usage.kind]} than the server takes in ${Math.round(limits.windowMs / 60_000)} minutes. Nothing is lost: the app keeps them and sends them in ${Math.ceil(seconds / 60)} minutes.`, undefined, {
      'Retry-After': String(seconds),
    });
  }
  return async (bytes) => {
    if (bytes <= 0) return;
    await recordUsage(database.db, { ...usage, at: now, amount: bytes });
    const crossed = [used.device.bytes + bytes >= max.device ? 'device' : null, used.tenant.bytes + bytes >= max.tenant ? 'tenant' : null].filter((who): who is string => who !== null);
    if (crossed.length === 0) return;
    await recordAudit(database.db, [{ tenantId: usage.tenantId, at: now, userId: usage.userId, deviceId: usage.deviceId, action: 'quota.exceed', recordType: usage.kind, fields: crossed }]);
  };
}
