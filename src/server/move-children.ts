/**
 * Scope follows the parent, also on a move (issue 10, item 6). A child copies
 * its buurt and team from its parent (`SCOPE_FROM_PARENT`: a finding from its
 * schouw's activity, a follow-up entry from its finding, an observation's
 * follow-up and reaction from the observation); attendance and the schouw
 * record have no scope of their own and are read by their activity's.
 *
 * When a push moves a parent (another buurt or team), its children move with
 * it in the same transaction:
 *
 * - a child that copies the scope gets it as a server-made change
 *   (server-changes.ts), applied by the push path like the invite's team
 *   change, so it is numbered, audited and pulled like any change — and its
 *   own children follow in turn;
 * - a child read by its activity's scope is numbered again unchanged, so
 *   the people who may read it now pull it too.
 *
 * Who may no longer read them gets no content in their pull, only their ids
 * in `gone` (every moved record, children included, leaves a scope exit:
 * scope-exit.ts), and their device drops its copy (src/sync/README.md
 * "Leaving scope").
 */
import type { Transaction } from 'kysely';
import { stableStringify } from '../domain/merge.ts';
import { SCOPE_FIELDS, isScopedByActivity, scopeFromParent } from '../domain/permissions.ts';
import type { Mutation } from '../domain/protocol.ts';
import { RECORD_DEFINITIONS, RECORD_TYPES, type RecordType, type SyncRecord } from '../domain/records.ts';
import { loadChildren } from './db/records.ts';
import type { Schema } from './db/schema.ts';
import { serverMutation } from './server-changes.ts';

type ChildRule = { readonly type: RecordType; readonly field: string; readonly copies: readonly string[] };

/** Per parent type, the child types whose scope follows it (from the registry and SCOPE_FROM_PARENT, not per type). */
const CHILDREN: ReadonlyMap<RecordType, readonly ChildRule[]> = (() => {
  const rules = new Map<RecordType, ChildRule[]>();
  for (const type of RECORD_TYPES) {
    const parent = RECORD_DEFINITIONS[type].parent;
    if (!parent || (scopeFromParent(type).length === 0 && !isScopedByActivity(type))) continue;
    rules.set(parent.type, [...(rules.get(parent.type) ?? []), { type, field: parent.field, copies: scopeFromParent(type) }]);
  }
  return rules;
})();

/** Whether `after` is in another buurt or team than `before` and has children that follow it. */
export function movedWithChildren(before: SyncRecord, after: SyncRecord): boolean {
  return (
    CHILDREN.has(after.type) && SCOPE_FIELDS.some((name) => stableStringify(before.fields[name]?.v ?? null) !== stableStringify(after.fields[name]?.v ?? null))
  );
}

/**
 * What moving these parents means for their children: the server-made
 * changes that give each copying child its parent's scope (only those whose
 * scope differs), and the children read by their parent's scope, to number again.
 */
export async function childrenToMove(
  trx: Transaction<Schema>,
  tenantId: string,
  moved: readonly SyncRecord[],
  now: number,
): Promise<{ mutations: Mutation[]; renumber: SyncRecord[] }> {
  const mutations: Mutation[] = [];
  const renumber: SyncRecord[] = [];
  const parents = new Map(moved.map((record) => [record.id, record]));
  for (const type of new Set(moved.map((record) => record.type))) {
    const ids = moved.filter((record) => record.type === type).map((record) => record.id);
    for (const rule of CHILDREN.get(type) ?? []) {
      for (const child of await loadChildren(trx, tenantId, rule, ids)) {
        const parent = parents.get(child.fields[rule.field]?.v as string) as SyncRecord;
        if (rule.copies.length === 0) {
          renumber.push(child);
          continue;
        }
        const values = Object.fromEntries(
          rule.copies
            .map((name) => [name, parent.fields[name]?.v ?? null] as const)
            .filter(([name, value]) => stableStringify(child.fields[name]?.v ?? null) !== stableStringify(value)),
        );
        if (Object.keys(values).length > 0) {
          mutations.push(serverMutation({ tenantId, recordType: child.type, recordId: child.id, values, now, stored: child }));
        }
      }
    }
  }
  return { mutations, renumber };
}

/** Whether a mutation rewrites only the scope a child copies from its parent (the server may carry history along; nobody else). */
export function rewritesOnlyCopiedScope(type: RecordType, rewritten: readonly string[]): boolean {
  const copied: readonly string[] = scopeFromParent(type);
  return rewritten.length > 0 && rewritten.every((name) => copied.includes(name));
}
