/**
 * Applies one pushed batch (DESIGN.md "Push"): every mutation is checked,
 * deduplicated by its id, checked against the stored record, authorised and
 * merged with the shared domain rules, all inside ONE transaction — a
 * failure rolls the whole batch back, never leaving a half-written record.
 *
 * Per-mutation rejection never fails the batch: it is answered, and recorded
 * so a retry is answered the same and a mutation that can never apply does
 * not wedge the device's outbox.
 *
 * The server's own changes (seeded configuration, a volunteer joining a team
 * by invite) take the same path, so they get sequence numbers, reach devices
 * by pull and land in the audit log like any other change.
 *
 * A record that belongs to another (attendance and schouw to their activity,
 * a finding to its schouw's activity, a follow-up entry to its finding) is
 * refused while the server lacks that parent. History (append-only types)
 * is never changed: the same values again are a no-op, other values are refused.
 *
 * A record's photos may arrive before or after it: a record whose photos are
 * not here yet is accepted, and its result lists them as `missingPhotos`.
 *
 * Fast path: one query each for the seen mutation ids and the stored records
 * (and parents) of the whole batch, then one upsert and two inserts (and the
 * photo lookups of a batch with photos).
 */
import type { Transaction } from 'kysely';
import * as z from 'zod/mini';
import { IdSchema } from '../domain/ids.ts';
import { changesRecord, mergeRecord, stableStringify } from '../domain/merge.ts';
import { isScopedByActivity, type Principal } from '../domain/permissions.ts';
import { checkAgainstStored, checkMutation, mutationAsRecord, type Checked, type Mutation, type PushResult, type Rejection } from '../domain/protocol.ts';
import { RecordIdSchema } from '../domain/record-schema.ts';
import { photoHashesOf } from '../domain/photos.ts';
import { RECORD_DEFINITIONS, type RecordType, type SyncRecord } from '../domain/records.ts';
import { actionOf, consistencyProblemOf, mayRead, parentIdOf, parentRefusalOf, parentRuleOf, recordScope, refusalOf, scopeParentIdOf } from './authorise.ts';
import type { ChangedScope } from './live/change-feed.ts';
import { appendAudit, type AuditInput } from './db/audit.ts';
import type { Database } from './db/database.ts';
import { countRejections, loadSeenMutations, saveMutations, type MutationRow, type SeenMutation } from './db/mutations.ts';
import { existingPhotos, savePhotoRefs, saveReferenceOrigins } from './db/photos.ts';
import { purgedIdsAmong } from './db/purges.ts';
import { fieldRefusalOf, withServerFields } from './field-rules.ts';
import { childrenToMove, movedWithChildren, rewritesOnlyCopiedScope } from './move-children.ts';
import { arrivedPhotos, visiblePhotos } from './photo-access.ts';
import { scopeExitOf } from './scope-exit.ts';
import { loadRecords, saveRecords } from './db/records.ts';
import { saveScopeExits } from './db/scope-exits.ts';
import type { Schema } from './db/schema.ts';
import { takeSequenceNumbers } from './db/sequence.ts';
import { serialiseWrites } from './db/write-lock.ts';
import { DEFAULT_LIMITS, type Limits } from './limits.ts';

/** Who makes the changes. */
export type Actor = {
  readonly tenantId: string;
  /** Whose counter entries the mutations may write; 'server' for the server's own changes. */
  readonly deviceId: string;
  /** For the audit log; null for the server itself. */
  readonly userId: string | null;
  /** Checked against the permission table; null: the server itself (seed, invite), not subject to it. */
  readonly principal: Principal | null;
  /**
   * Erasure of a person (person-erasure.ts) only: the server may replace their
   * name in a history entry's note, the one change an append-only entry takes
   * besides the scope it copies from a moved parent.
   */
  readonly redactsHistory?: boolean;
};

export type PushBatch = {
  readonly actor: Actor;
  readonly mutations: readonly unknown[];
  readonly now: number;
  /** The caps on stored rejections (default: DEFAULT_LIMITS). */
  readonly limits?: Pick<Limits, 'rejectionsPerDevice' | 'rejectionsPerTenant'>;
  /**
   * Filled with the scopes (type, buurten, team) of every record the batch
   * changed, as stored before and as saved, for the live pokes once the
   * transaction has committed (live/live-hub.ts decides who may hear it).
   */
  readonly changed?: ChangedScope[];
};

/** One result per mutation, in request order. */
export async function applyPush(database: Database, batch: PushBatch): Promise<PushResult[]> {
  return database.db.transaction().execute(async (trx) => {
    await serialiseWrites(trx, database.dialect);
    return applyMutations(trx, batch);
  });
}

/**
 * The body of `applyPush`, for a transaction that **must** already hold the
 * write lock (`serialiseWrites` as its first statement): the invite redemption
 * adds its team change to its own transaction this way.
 */
export async function applyMutations(
  trx: Transaction<Schema>,
  { actor, mutations: raws, now, limits = DEFAULT_LIMITS, changed: changedScopes }: PushBatch,
): Promise<PushResult[]> {
  const { tenantId, deviceId, principal } = actor;
  // Pure checks first, so the database is asked only about well-formed mutations.
  const checked = raws.map((raw) => checkMutation(raw, { deviceId, tenantId, now }));
  const valid = checked.flatMap((check) => (check.ok ? [check.value] : []));

  const seen = await loadSeenMutations(trx, { tenantId, deviceId }, unique(checked.map(mutationIdOf).filter(isRecordableId)));
  const working = await loadRecords(trx, tenantId, unique(valid.flatMap((m) => [m.recordId, ...optional(parentIdOf(m, undefined))])));
  /** The records as stored before this batch. */
  const before = new Map(working);
  // A change of a stored record whose mutation did not repeat the parent's id: its parent in a second query.
  const missingParents = unique(valid.flatMap((m) => optional(parentIdOf(m, working.get(m.recordId))))).filter((id) => !working.has(id));
  for (const [id, record] of await loadRecords(trx, tenantId, missingParents)) working.set(id, record);
  // Records removed after their retention period (patrol-retention.ts) are never made again.
  const purged = await purgedIdsAmong(trx, tenantId, unique(valid.map((m) => m.recordId)));

  const changed = new Set<string>();
  const scopeAtStart = new Map<string, SyncRecord>();
  const newMutations: MutationRow[] = [];
  const audit: AuditInput[] = [];

  const remember = (id: string, outcome: SeenMutation, recordId: string | null): void => {
    seen.set(id, { outcome, recordId });
    newMutations.push({
      mutation_id: id,
      tenant_id: tenantId,
      device_id: deviceId,
      record_id: recordId,
      status: outcome.status,
      reason: outcome.status === 'rejected' ? outcome.reason : null,
      message: outcome.status === 'rejected' ? outcome.message : null,
      issues: outcome.status === 'rejected' && outcome.issues ? JSON.stringify(outcome.issues) : null,
      received_at: now,
    });
  };

  const reject = (rejection: Rejection, raw: unknown): PushResult => {
    const outcome = asSeen(rejection);
    // A mutation without a usable id cannot be recognised on retry, so it is only answered.
    if (isRecordableId(rejection.mutationId)) remember(rejection.mutationId, outcome, recordIdOf(raw));
    return rejected(rejection.mutationId, outcome);
  };

  const results = checked.map((check, index): PushResult => {
    const mutationId = mutationIdOf(check);
    const before = seen.get(mutationId);
    if (before) {
      // Only this device's earlier mutation for the same record is the same one; another record under a used id is refused, unsaved.
      if (before.recordId !== recordIdOf(raws[index])) return rejected(mutationId, asSeen(REUSED_ID(mutationId)));
      return before.outcome.status === 'applied' ? { mutationId, status: 'duplicate' } : rejected(mutationId, before.outcome);
    }
    if (!check.ok) return reject(check, raws[index]);

    const stored = working.get(check.value.recordId);
    if (purged.has(check.value.recordId)) {
      return reject(
        {
          ok: false,
          mutationId,
          reason: 'purged',
          message: 'This record was removed after its retention period and cannot be changed or made again. Drop the change.',
        },
        check.value,
      );
    }
    const problem = checkAgainstStored(check.value, stored);
    if (problem) return reject(problem, check.value);

    const refuse = (reason: 'unknown-activity' | 'unknown-finding' | 'unknown-parent' | 'invalid-payload' | 'forbidden', message: string) =>
      reject({ ok: false, mutationId, reason, message }, check.value);
    const type = check.value.recordType as RecordType;
    const parentId = parentIdOf(check.value, stored);
    const parent = parentId === null ? undefined : working.get(parentId);
    const parentRule = parentRuleOf(type);
    if (parentRule && parent?.type !== parentRule.type) {
      const missing = MISSING_PARENT[type] ?? {
        reason: 'unknown-activity',
        message: `The ${parentRule.type} this record belongs to is not on the server. Send it first.`,
      };
      return refuse(missing.reason, missing.message);
    }

    // What the server sets itself (who made it, the parent's scope), before anything is merged or checked.
    const mutation = withServerFields(check.value, { principal, stored, parent, now });
    const incoming = mutationAsRecord(mutation);
    const merged = stored ? mergeRecord(stored, incoming) : incoming;
    const action = actionOf(mutation, stored);
    const rewritten = stored ? rewrittenNames(stored, mutation) : [];
    // History is append-only, except that the server carries an entry along when its parent moves (move-children.ts)
    // and takes an erased person's name out of its note (person-erasure.ts).
    const isServerRewrite =
      principal === null &&
      (rewritesOnlyCopiedScope(type, rewritten) || (actor.redactsHistory === true && rewritten.length > 0 && rewritten.every((name) => name === 'note')));
    if (stored && RECORD_DEFINITIONS[type].isAppendOnly && !isServerRewrite) {
      // History: its reader sending the same entry again (another mutation id, another stamp) changes nothing and is not an error.
      if (rewritten.length === 0 && (principal === null || mayRead(principal, stored, parent))) {
        remember(mutationId, { status: 'applied' }, mutation.recordId);
        return { mutationId, status: 'duplicate' };
      }
      const refusal = principal ? refusalOf(principal, action, stored, merged, parent) : null;
      return refuse('forbidden', refusal ?? 'A history entry cannot be changed once made: the history is append-only. Add a new entry instead.');
    }
    const refusal = principal
      ? // The parent's refusal first: it says what is wrong (the schouw is not theirs) where the table would only say the scope is.
        ((parent ? parentRefusalOf(principal, mutation, stored, parent) : null) ??
        refusalOf(principal, action, stored, merged, parent) ??
        fieldRefusalOf(principal, { mutation, stored, merged, parent }))
      : null;
    if (refusal !== null) return refuse('forbidden', refusal);
    // After the permission checks: what never changes once made (a round's team, an observation's round).
    const inconsistent = consistencyProblemOf(mutation, stored, merged);
    if (inconsistent !== null) return refuse('invalid-payload', inconsistent);

    if (!stored || changesRecord(stored, incoming)) {
      // Its scope when this batch first touched it: a move is judged against that (move-children.ts).
      if (!scopeAtStart.has(mutation.recordId)) scopeAtStart.set(mutation.recordId, stored ?? merged);
      working.set(mutation.recordId, merged);
      changed.add(mutation.recordId);
    }
    remember(mutationId, { status: 'applied' }, mutation.recordId);
    audit.push({
      tenantId,
      at: now,
      userId: actor.userId,
      deviceId,
      action: `record.${action}`,
      recordType: mutation.recordType,
      recordId: mutation.recordId,
      mutationId,
      fields: changedNames(stored, merged),
    });
    return { mutationId, status: 'applied' };
  });

  // Only records that really changed get a new sequence number, so a retried
  // batch does not make every device pull its records again.
  const toSave = [...changed].map((id) => working.get(id) as SyncRecord);
  if (toSave.length > 0) await saveRecords(trx, toSave, await takeSequenceNumbers(trx, tenantId, toSave.length), now);
  // What left its buurt or team, for pull to tell who could read it there (scope-exit.ts); attendance and a schouw follow their activity (moveChildren).
  await saveScopeExits(
    trx,
    tenantId,
    toSave.flatMap((record) => (isScopedByActivity(record.type) ? [] : scopeExitOf(record, before.get(record.id)))),
    now,
  );
  if (changedScopes) {
    const scopeOfRecord = (record: SyncRecord): ChangedScope => {
      const parentId = scopeParentIdOf(record);
      return { type: record.type, ...recordScope(record, parentId === null ? undefined : working.get(parentId)) };
    };
    // Before and after: a record moved out of a buurt is news to that buurt too.
    for (const record of toSave) changedScopes.push(scopeOfRecord(record), ...optional(before.get(record.id) ?? null).map(scopeOfRecord));
  }
  await savePhotoRefs(trx, tenantId, toSave.filter(hasPhotos), now);
  await saveReferenceOrigins(trx, tenantId, toSave.filter(hasPhotos), {
    userId: principal?.userId ?? null,
    now,
    isVouched: async (sha256) => principal !== null && (await visiblePhotos(trx, principal, [sha256])).has(sha256),
  });
  const kept = await withinRejectionCap(trx, actor, newMutations, limits);
  await saveMutations(trx, kept);
  await appendAudit(trx, [...audit, ...kept.filter((row) => row.status === 'rejected').map((row) => rejectionAudit(actor, row))]);
  await moveChildren(
    trx,
    actor,
    toSave.filter((record) => movedWithChildren(scopeAtStart.get(record.id) ?? record, record)),
    { before, made: new Set(toSave.filter((record) => !before.has(record.id)).map((record) => record.id)) },
    now,
  );
  return withMissingPhotos(trx, actor, checked, results, working);
}

/**
 * Scope follows the parent, also on a move: the children of the records this
 * batch moved take their new scope as server-made changes on behalf of the
 * mover (this same path, so their own children follow), and those read by
 * their activity's scope are numbered again, so pull brings them to whoever
 * may read them now (move-children.ts).
 */
async function moveChildren(
  trx: Transaction<Schema>,
  actor: Actor,
  moved: readonly SyncRecord[],
  /** The records as stored before the batch, and those the batch made: what only now exists left no scope. */
  { before, made }: { before: ReadonlyMap<string, SyncRecord>; made: ReadonlySet<string> },
  now: number,
): Promise<void> {
  if (moved.length === 0) return;
  const { mutations, renumber } = await childrenToMove(trx, actor.tenantId, moved, now);
  if (renumber.length > 0) await saveRecords(trx, renumber, await takeSequenceNumbers(trx, actor.tenantId, renumber.length), now);
  // Those read by their activity's scope left the activity's old scope with it.
  const parents = new Map(moved.map((record) => [record.id, record]));
  const exits = renumber.flatMap((child) => {
    const parentId = scopeParentIdOf(child);
    return parentId === null || made.has(child.id) ? [] : scopeExitOf(child, child, { before: before.get(parentId), after: parents.get(parentId) });
  });
  await saveScopeExits(trx, actor.tenantId, exits, now);
  if (mutations.length === 0) return;
  const results = await applyMutations(trx, { actor: { ...actor, principal: null }, mutations, now });
  const refused = results.find((result) => result.status === 'rejected');
  if (refused) throw new Error(`moving a child of a moved record was refused: ${refused.status === 'rejected' ? refused.message : ''}`);
}

/**
 * The rows to store: every applied one, and rejections only while the
 * device and its tenant are under their caps (issue 10, item 1) — past
 * them a rejection is still answered, but 16,000 junk mutations no longer
 * fill the disk. A retry of an unstored one is simply checked again.
 */
async function withinRejectionCap(
  trx: Transaction<Schema>,
  actor: Actor,
  rows: readonly MutationRow[],
  limits: NonNullable<PushBatch['limits']>,
): Promise<MutationRow[]> {
  if (!rows.some((row) => row.status === 'rejected')) return [...rows];
  const stored = await countRejections(trx, actor.tenantId, actor.deviceId);
  let room = Math.max(0, Math.min(limits.rejectionsPerDevice - stored.device, limits.rejectionsPerTenant - stored.tenant));
  return rows.filter((row) => row.status === 'applied' || room-- > 0);
}

/** A refused mutation in the audit log: who sent it, for which record, and why (`fields` holds the reason). */
function rejectionAudit(actor: Actor, row: MutationRow): AuditInput {
  return {
    tenantId: actor.tenantId,
    at: row.received_at,
    userId: actor.userId,
    deviceId: actor.deviceId,
    action: 'mutation.reject',
    recordId: row.record_id,
    mutationId: row.mutation_id,
    fields: row.reason ? [row.reason] : [],
  };
}

const REUSED_ID = (mutationId: string): Rejection => ({
  ok: false,
  mutationId,
  reason: 'invalid-payload',
  message: 'This device already used this mutation id for another record; every change needs a new mutation id.',
  issues: [{ path: 'mutationId', message: 'already used for another record' }],
});

/** What a record with photos lacks: the results of its applied (or duplicate) mutations list the photos the server does not have yet. */
async function withMissingPhotos(
  trx: Transaction<Schema>,
  actor: Actor,
  checked: ReadonlyArray<Checked<Mutation>>,
  results: PushResult[],
  working: ReadonlyMap<string, SyncRecord>,
): Promise<PushResult[]> {
  const photosByResult = results.map((result, index) => {
    const check = checked[index];
    if (result.status === 'rejected' || !check?.ok) return null;
    const record = working.get(check.value.recordId);
    return record && hasPhotos(record) ? photoHashesOf(record) : null;
  });
  const wanted = unique(photosByResult.flatMap((hashes) => hashes ?? []));
  if (photosByResult.every((hashes) => hashes === null)) return results;
  // A person hears only of the photos they may see (photo-access.ts): whether a hash exists elsewhere is never told.
  const present = actor.principal ? await arrivedPhotos(trx, actor.principal, wanted) : await existingPhotos(trx, actor.tenantId, wanted);
  return results.map((result, index) => {
    const hashes = photosByResult[index];
    return hashes ? { ...result, missingPhotos: hashes.filter((hash) => !present.has(hash)) } : result;
  });
}

function hasPhotos(record: SyncRecord): boolean {
  return Object.hasOwn(RECORD_DEFINITIONS[record.type].fields, 'photos');
}

/** A parent the server lacks: what to answer, per type. */
const MISSING_PARENT: Partial<Record<RecordType, { reason: 'unknown-activity' | 'unknown-finding' | 'unknown-parent'; message: string }>> = {
  attendance: { reason: 'unknown-activity', message: 'The activity these counts belong to is not on the server. Send the activity first.' },
  schouw: { reason: 'unknown-activity', message: 'The activity this schouw round belongs to is not on the server. Send the activity first.' },
  finding: { reason: 'unknown-activity', message: 'The schouw activity this finding belongs to is not on the server. Send the activity first.' },
  findingStatusChange: { reason: 'unknown-finding', message: 'The finding this follow-up belongs to is not on the server. Send the finding first.' },
  patrolSignUp: { reason: 'unknown-parent', message: 'The roster slot this sign-up belongs to is not on the server. Send the slot first.' },
  safetyObservation: { reason: 'unknown-parent', message: 'The patrol round this observation belongs to is not on the server. Send the round first.' },
  publicSpaceObservation: { reason: 'unknown-parent', message: 'The patrol round this observation belongs to is not on the server. Send the round first.' },
  observationStatusChange: { reason: 'unknown-parent', message: 'The observation this follow-up belongs to is not on the server. Send the observation first.' },
  observationReaction: {
    reason: 'unknown-parent',
    message: 'The safety observation this reaction belongs to is not on the server. Send the observation first.',
  },
};

/** The fields whose stored value a mutation would change (a field the record lacks counts as a change). */
function rewrittenNames(stored: SyncRecord, mutation: Mutation): string[] {
  return Object.entries(mutation.fields)
    .filter(([name, field]) => !Object.hasOwn(stored.fields, name) || stableStringify(stored.fields[name]?.v) !== stableStringify(field.v))
    .map(([name]) => name);
}

/** The names of the fields and counters whose merged state differs from the stored one. */
function changedNames(stored: SyncRecord | undefined, merged: SyncRecord): string[] {
  const differs = <V>(before: Readonly<Record<string, V>> | undefined, after: Readonly<Record<string, V>>) =>
    Object.keys(after).filter((name) => before === undefined || !Object.hasOwn(before, name) || stableStringify(before[name]) !== stableStringify(after[name]));
  return [...differs(stored?.fields, merged.fields), ...differs(stored?.counters, merged.counters)];
}

type SeenRejection = Extract<SeenMutation, { status: 'rejected' }>;

function rejected(mutationId: string, outcome: SeenRejection): PushResult {
  return { mutationId, status: 'rejected', reason: outcome.reason, message: outcome.message, ...(outcome.issues ? { issues: outcome.issues } : {}) };
}

function asSeen(rejection: Rejection): SeenRejection {
  return { status: 'rejected', reason: rejection.reason, message: rejection.message, ...(rejection.issues ? { issues: rejection.issues } : {}) };
}

function mutationIdOf(check: Checked<Mutation>): string {
  return check.ok ? check.value.mutationId : check.mutationId;
}

function isRecordableId(id: string): boolean {
  return z.safeParse(IdSchema, id).success;
}

/** The record a mutation meant to change, when it says so in a usable form, for the audit trail. */
function recordIdOf(raw: unknown): string | null {
  const candidate = raw && typeof raw === 'object' && 'recordId' in raw ? raw.recordId : undefined;
  return typeof candidate === 'string' && z.safeParse(RecordIdSchema, candidate).success ? candidate : null;
}

function optional<T>(value: T | null): T[] {
  return value === null ? [] : [value];
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
