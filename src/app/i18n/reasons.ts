/**
 * The one place where a machine reason (src/domain/errors.ts) becomes text a
 * person reads. The record type makes a new reason fail typechecking here
 * until it has its words.
 */
import type { Reason } from '../../domain/errors.ts';
import type { MessageKey } from './nl.ts';
import type { T } from './translate.ts';

const REASON_KEYS: Readonly<Record<Reason, MessageKey>> = {
  'invalid-payload': 'reason.invalid-payload',
  'malformed-json': 'reason.malformed-json',
  'unsupported-media-type': 'reason.unsupported-media-type',
  'body-too-large': 'reason.body-too-large',
  'unknown-record-type': 'reason.unknown-record-type',
  'unknown-field': 'reason.unknown-field',
  'missing-fields': 'reason.missing-fields',
  'type-mismatch': 'reason.type-mismatch',
  'tenant-mismatch': 'reason.tenant-mismatch',
  'foreign-counter': 'reason.foreign-counter',
  'clock-ahead': 'reason.clock-ahead',
  'schema-unsupported': 'reason.schema-unsupported',
  'client-outdated': 'reason.client-outdated',
  'unknown-tenant': 'reason.unknown-tenant',
  unauthenticated: 'reason.unauthenticated',
  'session-expired': 'reason.session-expired',
  'device-revoked': 'reason.device-revoked',
  'invalid-credentials': 'reason.invalid-credentials',
  'rate-limited': 'reason.rate-limited',
  'invite-invalid': 'reason.invite-invalid',
  forbidden: 'reason.forbidden',
  'unknown-activity': 'reason.unknown-activity',
  'not-found': 'reason.not-found',
  internal: 'reason.internal',
  network: 'reason.network',
  'server-unavailable': 'reason.server-unavailable',
};

/** User text for a reason; an unknown value (from a newer server) reads as a server problem. */
export function reasonText(reason: Reason | string, t: T): string {
  return t(REASON_KEYS[reason as Reason] ?? 'reason.internal');
}
