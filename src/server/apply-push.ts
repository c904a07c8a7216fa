/**
 * Applies one pushed batch (DESIGN.md "Push"): every mutation is checked,
 * deduplicated by its id, checked against the stored record and merged with
 * the shared domain rules, all inside ONE transaction — a failure rolls the
 * whole batch back, never leaving a half-written record.
 *
 * Per-mutation rejection never fails the batch: it is answered, and recorded
 * so a retry is answered the same and a mutation that can never apply does
 * not wedge the device's outbox.
 *
 * Fast path: one query each for the seen mutation ids and the stored records
 * of the whole batch, then one upsert and one insert.
 */
import * as z from 'zod/mini';
import { IdSchema } from '../domain/ids.ts';
import { changesRecord, mergeRecord } from '../domain/merge.ts';
import { checkAgainstStored, checkMutation, mutationAsRecord, type Checked, type Mutation, type PushResult, type Rejection } from '../domain/protocol.ts';
import type { SyncRecord } from '../domain/records.ts';
import type { Database } from './db/database.ts';
import { loadSeenMutations, saveMutations, type MutationRow, type SeenMutation } from './db/mutations.ts';
import { loadRecords, saveRecords } from './db/records.ts';
import { takeSequenceNumbers } from './db/sequence.ts';
import { serialiseWrites } from './db/write-lock.ts';

export type PushBatch = {
  readonly tenantId: string;
  readonly deviceId: string;
  readonly mutations: readonly unknown[];
  readonly now: number;
};

/** One result per mutation, in request order. */
export async function applyPush(database: Database, batch: PushBatch): Promise<PushResult[]> {
  const { tenantId, deviceId, now } = batch;
  // Pure checks first, outside the transaction, so the lock is held only for I/O and merging.
  const checked = batch.mutations.map((raw) => checkMutation(raw, { deviceId, tenantId, now }));

  return database.db.transaction().execute(async (trx) => {
    await serialiseWrites(trx, database.dialect);

    const seen = await loadSeenMutations(trx, unique(checked.map(mutationIdOf).filter(isRecordableId)));
    const working = await loadRecords(trx, unique(checked.flatMap((check) => (check.ok ? [check.value.recordId] : []))));
    const changed = new Set<string>();
    const newMutations: MutationRow[] = [];

    const remember = (id: string, outcome: SeenMutation, recordId: string | null): void => {
      seen.set(id, outcome);
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
      if (before) return before.status === 'applied' ? { mutationId, status: 'duplicate' } : rejected(mutationId, before);
      if (!check.ok) return reject(check, batch.mutations[index]);

      const mutation = check.value;
      const stored = working.get(mutation.recordId);
      const problem = checkAgainstStored(mutation, stored);
      if (problem) return reject(problem, mutation);

      const incoming = mutationAsRecord(mutation);
      if (!stored) {
        working.set(mutation.recordId, incoming);
        changed.add(mutation.recordId);
      } else if (changesRecord(stored, incoming)) {
        working.set(mutation.recordId, mergeRecord(stored, incoming));
        changed.add(mutation.recordId);
      }
      remember(mutationId, { status: 'applied' }, mutation.recordId);
      return { mutationId, status: 'applied' };
    });

    // Only records that really changed get a new sequence number, so a retried
    // batch does not make every device pull its records again.
    const toSave = [...changed].map((id) => working.get(id) as SyncRecord);
    if (toSave.length > 0) await saveRecords(trx, toSave, await takeSequenceNumbers(trx, toSave.length), now);
    await saveMutations(trx, newMutations);
    return results;
  });
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
  return typeof candidate === 'string' && isRecordableId(candidate) ? candidate : null;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
