/**
 * The sync protocol's messages and the checks every pushed mutation must
 * pass. Server and app import the same schemas; see DESIGN.md "Sync protocol"
 * and src/sync/README.md for the invariants.
 */
import * as z from 'zod/mini';
import { IssueSchema, ReasonSchema, toIssues, type Issue, type Reason } from './errors.ts';
import { ConfigIdSchema, plainString } from './fields.ts';
import { hlcWall } from './hlc.ts';
import { IdSchema } from './ids.ts';
import type { Mergeable } from './merge.ts';
import { Sha256Schema } from './photos.ts';
import { SCHEMA_VERSION } from './schema-version.ts';
import { CounterMapSchema, FieldMapSchema, RecordIdSchema, RecordTypeSchema, SyncRecordSchema } from './record-schema.ts';
import { RECORD_DEFINITIONS, type SyncRecord } from './records.ts';

export { MIN_SCHEMA_VERSION, SCHEMA_VERSION } from './schema-version.ts';
/** A write stamped further ahead of the server's clock than this is refused. */
export const MAX_CLOCK_AHEAD_MS = 5 * 60_000;
export const MAX_PUSH_MUTATIONS = 500;
export const MAX_PUSH_BYTES = 1024 * 1024;
export const DEFAULT_PULL_LIMIT = 500;
export const MAX_PULL_LIMIT = 1000;

export const DeviceIdSchema = z.string().check(z.regex(/^[A-Za-z0-9-]{8,64}$/, 'must be a device id'));

export const MutationSchema = z.object({
  mutationId: IdSchema,
  schemaVersion: z.int().check(z.gte(1)),
  recordType: plainString(64),
  recordId: RecordIdSchema,
  tenantId: ConfigIdSchema,
  fields: z._default(FieldMapSchema, {}),
  counters: z._default(CounterMapSchema, {}),
});
export type Mutation = z.infer<typeof MutationSchema>;

export const PushRequestSchema = z.object({
  schemaVersion: z.int().check(z.gte(1)),
  deviceId: DeviceIdSchema,
  mutations: z
    .array(z.unknown())
    .check(z.minLength(1, 'must hold at least one mutation'), z.maxLength(MAX_PUSH_MUTATIONS, `must hold at most ${MAX_PUSH_MUTATIONS} mutations`)),
});
export type PushRequest = z.infer<typeof PushRequestSchema>;

export const PUSH_STATUSES = ['applied', 'duplicate', 'rejected'] as const;
export const PushResultSchema = z.object({
  mutationId: z.string(),
  status: z.enum(PUSH_STATUSES),
  reason: z.optional(ReasonSchema),
  message: z.optional(z.string()),
  issues: z.optional(z.array(IssueSchema)),
  /**
   * For a record with photos (a finding), applied or duplicate: the photos it
   * refers to that the server does not have yet — keep uploading those;
   * empty when all have arrived.
   */
  missingPhotos: z.optional(z.array(Sha256Schema)),
});
export type PushResult = z.infer<typeof PushResultSchema>;

export const PushResponseSchema = z.object({
  results: z.array(PushResultSchema),
  serverTime: z.number(),
});
export type PushResponse = z.infer<typeof PushResponseSchema>;

export const PullQuerySchema = z.object({
  /**
   * `<scope>.<seq>`: the server sequence number, prefixed with a fingerprint
   * of what the user may see. When the user's scope changes (moved to another
   * team) the fingerprint no longer matches and the pull starts again from 0
   * with `reset: true`, so the device's view is rebuilt for the new scope.
   */
  cursor: z._default(z.string().check(z.regex(/^(?:[a-z0-9]{1,24}\.)?\d{1,18}$/, 'must be a cursor from an earlier pull')), '0'),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(MAX_PULL_LIMIT, `must be at most ${MAX_PULL_LIMIT}`)), DEFAULT_PULL_LIMIT),
});

export const PullResponseSchema = z.object({
  records: z.array(SyncRecordSchema),
  cursor: z.string(),
  hasMore: z.boolean(),
  /** The device's view is rebuilt from scratch: drop synced records not in this pull (keep pending local changes). */
  reset: z.optional(z.boolean()),
  /**
   * The server was restored from a backup and may lack changes it had
   * acknowledged: before applying this (reset) page, put this device's own
   * changes back in the outbox so they are sent again (src/sync/README.md "Restore").
   */
  restored: z.optional(z.boolean()),
  /**
   * Records removed on the server after their retention period (buurtpreventie),
   * in this page's range: drop each, with its pending changes and held writes
   * (the server refuses them with `purged`). See src/sync/README.md "Purge".
   */
  purged: z.optional(z.array(z.object({ id: RecordIdSchema, type: RecordTypeSchema }))),
  /**
   * Records that left what this person may read (moved to another buurt or
   * team, or their activity did), in this page's range: drop each unless it
   * has unsent or refused changes, which stay until pushed or dismissed. An
   * older app ignores the field. See src/sync/README.md "Leaving scope".
   */
  gone: z.optional(z.array(z.object({ id: RecordIdSchema, type: RecordTypeSchema }))),
  serverTime: z.number(),
});
export type PullResponse = z.infer<typeof PullResponseSchema> & { records: SyncRecord[] };

export type Rejection = { ok: false; mutationId: string; reason: Reason; message: string; issues?: Issue[] };
export type Checked<T> = { ok: true; value: T } | Rejection;

type Context = { readonly deviceId: string; readonly tenantId: string; readonly now: number };

/**
 * Everything that can be checked about a pushed mutation without the stored
 * record: shape, record type, known fields with valid values, counters that
 * are this device's own, clocks not running ahead of the server's.
 */
export function checkMutation(raw: unknown, ctx: Context): Checked<Mutation> {
  const mutationId = mutationIdOf(raw);
  const reject = (reason: Reason, message: string, issues?: Issue[]): Rejection => ({
    ok: false,
    mutationId,
    reason,
    message,
    ...(issues ? { issues } : {}),
  });

  const parsed = z.safeParse(MutationSchema, raw);
  if (!parsed.success) return reject('invalid-payload', 'The mutation is not well-formed.', toIssues(parsed.error));
  const mutation = parsed.data;
  if (mutation.schemaVersion > SCHEMA_VERSION) {
    return reject('schema-unsupported', `Schema version ${mutation.schemaVersion} is newer than this server understands (${SCHEMA_VERSION}).`);
  }
  if (mutation.tenantId !== ctx.tenantId) return reject('tenant-mismatch', 'The mutation belongs to another tenant.');
  const type = z.safeParse(RecordTypeSchema, mutation.recordType);
  if (!type.success) return reject('unknown-record-type', `Unknown record type "${mutation.recordType}".`);
  const definition = RECORD_DEFINITIONS[type.data];

  const issues: Issue[] = [];
  for (const [name, field] of Object.entries(mutation.fields)) {
    // Own keys only: a field named "constructor" or "toString" must be an unknown field, not Object.prototype's.
    const schema = Object.hasOwn(definition.fields, name) ? definition.fields[name] : undefined;
    if (!schema) return reject('unknown-field', `A ${type.data} has no field "${name}".`, [{ path: `fields.${name}`, message: 'unknown field' }]);
    const value = z.safeParse(schema, field.v);
    if (!value.success) issues.push(...toIssues(value.error, `fields.${name}.v`));
    if (hlcWall(field.t) > ctx.now + MAX_CLOCK_AHEAD_MS) {
      return reject('clock-ahead', 'The device clock runs ahead of the server; the change was stamped in the future.', [
        { path: `fields.${name}.t`, message: 'more than five minutes ahead of the server' },
      ]);
    }
  }
  if (issues.length > 0) return reject('invalid-payload', 'Some fields have invalid values.', issues);

  for (const [key, counter] of Object.entries(mutation.counters)) {
    if (!definition.isCounterKey(key)) {
      return reject('unknown-field', `A ${type.data} has no count "${key}".`, [{ path: `counters.${key}`, message: 'unknown count' }]);
    }
    for (const device of Object.keys(counter)) {
      if (device !== ctx.deviceId) {
        return reject('foreign-counter', 'A device may only write its own counts.', [{ path: `counters.${key}.${device}`, message: 'not this device' }]);
      }
    }
  }

  const idProblem = definition.idRule?.(mutation.recordId, valuesOf(mutation));
  if (idProblem) return reject('invalid-payload', idProblem, [{ path: 'recordId', message: idProblem }]);
  return { ok: true, value: mutation };
}

/**
 * The checks that need the stored record: the same type and tenant, and a new
 * record's first write carrying every required field (never a half-written record).
 */
export function checkAgainstStored(mutation: Mutation, stored: SyncRecord | undefined): Rejection | null {
  const reject = (reason: Reason, message: string, issues?: Issue[]): Rejection => ({
    ok: false,
    mutationId: mutation.mutationId,
    reason,
    message,
    ...(issues ? { issues } : {}),
  });
  if (stored) {
    if (stored.type !== mutation.recordType) return reject('type-mismatch', `Record ${mutation.recordId} is a ${stored.type}, not a ${mutation.recordType}.`);
    if (stored.tenantId !== mutation.tenantId) return reject('tenant-mismatch', 'The record belongs to another tenant.');
    return null;
  }
  const definition = RECORD_DEFINITIONS[mutation.recordType as keyof typeof RECORD_DEFINITIONS];
  const missing = definition.required.filter((name) => !(name in mutation.fields));
  if (missing.length > 0) {
    return reject(
      'missing-fields',
      `A new ${mutation.recordType} needs ${missing.join(', ')}.`,
      missing.map((name) => ({ path: `fields.${name}`, message: 'required for a new record' })),
    );
  }
  return null;
}

/** The record state a mutation contributes, ready to merge. */
export function mutationAsRecord(mutation: Mutation): SyncRecord {
  return {
    id: mutation.recordId,
    type: mutation.recordType as SyncRecord['type'],
    tenantId: mutation.tenantId,
    fields: mutation.fields,
    counters: mutation.counters,
  } satisfies SyncRecord & Mergeable;
}

function valuesOf(mutation: Mutation): Record<string, unknown> {
  return Object.fromEntries(Object.entries(mutation.fields).map(([name, field]) => [name, field.v]));
}

function mutationIdOf(raw: unknown): string {
  if (raw && typeof raw === 'object' && 'mutationId' in raw && typeof raw.mutationId === 'string') {
    return raw.mutationId.slice(0, 64);
  }
  return '';
}
