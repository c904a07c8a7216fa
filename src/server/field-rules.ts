/**
 * The field-level half of the permission table (domain/permissions.ts
 * `SERVER_SET_FIELDS`, `SCOPE_FROM_PARENT`, `mayMove`) applied to one pushed
 * mutation: first what the server sets itself (`withServerFields`), then
 * what it refuses (`fieldRefusalOf`). Apart from apply-push.ts so that the
 * batch logic stays readable.
 */
import { SERVER_SET_FIELDS, mayMove, scopeFromParent, type Principal } from '../domain/permissions.ts';
import type { Mutation } from '../domain/protocol.ts';
import { isDeleted, type RecordType, type SyncRecord } from '../domain/records.ts';
import { recordScope, refusalOf } from './authorise.ts';

/**
 * The mutation with what the server sets: on a creating write by a person,
 * `createdBy` (`by`) is that person and `createdAt` (`at`) no later than the
 * server's clock, and on any later write who made it and
 * when are not the sender's to change (dropped from the mutation, so a
 * device resending a whole record is not refused; a reaction's `by` is its
 * last writer); a child's buurt and team (finding, follow-up entry, patrol
 * child) are its parent's, on every write that names them. Each
 * keeps the stamp it was sent with, so merging stays the pure domain rule.
 */
export function withServerFields(
  mutation: Mutation,
  { principal, stored, parent, now }: { principal: Principal | null; stored: SyncRecord | undefined; parent: SyncRecord | undefined; now: number },
): Mutation {
  const type = mutation.recordType as RecordType;
  const fields = { ...mutation.fields };
  const serverSet = SERVER_SET_FIELDS[type];
  if (serverSet) {
    // `by`/`at` are written on creating (or, `onEveryWrite`, on every write); otherwise not the sender's to change.
    const writes = !stored || serverSet.onEveryWrite === true;
    const byField = fields[serverSet.by];
    const atField = fields[serverSet.at];
    if (!writes) {
      delete fields[serverSet.by];
      delete fields[serverSet.at];
    } else {
      if (byField && principal) fields[serverSet.by] = { ...byField, v: principal.userId };
      // A phone whose clock runs ahead must not lose its record: the time of making is at most the server's now.
      if (atField && typeof atField.v === 'number' && atField.v > now) fields[serverSet.at] = { ...atField, v: now };
    }
  }
  // Scope follows the parent (SCOPE_FROM_PARENT): findings, follow-up entries and patrol children alike.
  if (parent) {
    for (const name of scopeFromParent(type)) {
      const field = fields[name];
      if (field) fields[name] = { ...field, v: parent.fields[name]?.v ?? null };
    }
  }
  return { ...mutation, fields };
}

/**
 * What the field rules refuse (a message a person can act on), or null:
 * undeleting without the delete right, a move the mover may
 * not make on both sides.
 */
export function fieldRefusalOf(
  principal: Principal,
  change: { mutation: Mutation; stored: SyncRecord | undefined; merged: SyncRecord; parent: SyncRecord | undefined },
): string | null {
  const { mutation, stored, merged, parent } = change;
  const type = mutation.recordType as RecordType;
  if (stored && isDeleted(stored) && !isDeleted(merged)) {
    const refusal = refusalOf(principal, 'delete', stored, merged, parent);
    if (refusal !== null) return `Restoring a deleted record needs the right to delete it. ${refusal}`;
  }
  if (stored && scopeFromParent(type).length === 0 && !mayMove(principal, type, recordScope(stored, parent), recordScope(merged, parent))) {
    return `As a ${principal.role} you may not move this record to another buurt or team: a move needs the right to change it in both, and a move to another buurt a right in both buurten. Ask a coordinator.`;
  }
  return null;
}
