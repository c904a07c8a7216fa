/**
 * Leaving scope (issue 13, item 5): when a stored record's scope changes — a
 * move to another buurt or team, or its activity's move for attendance and a
 * schouw — the scope it left is kept as a marker (db/scope-exits.ts), so pull
 * can tell whoever could read it there, and cannot now, to drop it.
 */
import { stableStringify } from '../domain/merge.ts';
import { isScopedByActivity, type RecordScope } from '../domain/permissions.ts';
import type { SyncRecord } from '../domain/records.ts';
import { recordScope } from './authorise.ts';
import type { ScopeExit } from './db/scope-exits.ts';

/**
 * The exit a change makes, if any: the record's read scope as it was stored
 * (`before`, with its activity as it was for attendance and a schouw) when
 * that differs from its scope now. A record made by this change left nothing.
 */
export function scopeExitOf(
  after: SyncRecord,
  before: SyncRecord | undefined,
  parents: { readonly before?: SyncRecord | undefined; readonly after?: SyncRecord | undefined } = {},
): Array<Omit<ScopeExit, 'seq'>> {
  if (!before) return [];
  if (isScopedByActivity(after.type) && (!parents.before || !parents.after)) return [];
  const from = recordScope(before, parents.before);
  return sameScope(from, recordScope(after, parents.after)) ? [] : [{ id: after.id, type: after.type, scope: from }];
}

function sameScope(a: RecordScope, b: RecordScope): boolean {
  return a.teamId === b.teamId && stableStringify([...a.buurtIds].sort()) === stableStringify([...b.buurtIds].sort());
}
