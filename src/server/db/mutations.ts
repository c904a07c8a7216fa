/**
 * Every mutation id the server has seen, applied or rejected, so a retry is
 * answered exactly as the first delivery was and never applied twice.
 */
import type { Transaction } from 'kysely';
import type { Issue, Reason } from '../../domain/errors.ts';
import type { MutationsTable, Schema } from './schema.ts';

export type SeenMutation = { status: 'applied' } | { status: 'rejected'; reason: Reason; message: string; issues?: Issue[] };

export async function loadSeenMutations(trx: Transaction<Schema>, ids: readonly string[]): Promise<Map<string, SeenMutation>> {
  const seen = new Map<string, SeenMutation>();
  if (ids.length === 0) return seen;
  const rows = await trx.selectFrom('mutations').select(['mutation_id', 'status', 'reason', 'message', 'issues']).where('mutation_id', 'in', ids).execute();
  for (const row of rows) {
    seen.set(
      row.mutation_id,
      row.status === 'applied'
        ? { status: 'applied' }
        : {
            status: 'rejected',
            reason: row.reason as Reason,
            message: row.message ?? '',
            ...(row.issues ? { issues: JSON.parse(row.issues) as Issue[] } : {}),
          },
    );
  }
  return seen;
}

export type MutationRow = MutationsTable;

export async function saveMutations(trx: Transaction<Schema>, rows: readonly MutationRow[]): Promise<void> {
  if (rows.length === 0) return;
  await trx.insertInto('mutations').values(rows).execute();
}
