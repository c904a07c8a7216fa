/** One-time invites for volunteers: only the hash of the code is stored. */
import type { Kysely, Transaction } from 'kysely';
import type { InvitesTable, Schema } from './schema.ts';

type Db = Kysely<Schema> | Transaction<Schema>;

export type InviteRow = InvitesTable;

export async function insertInvite(db: Db, invite: InviteRow): Promise<void> {
  await db.insertInto('invites').values(invite).execute();
}

export async function findInvite(db: Db, codeHash: string): Promise<InviteRow | null> {
  return (await db.selectFrom('invites').selectAll().where('code_hash', '=', codeHash).executeTakeFirst()) ?? null;
}

/** Marks the invite used, unless it already was; true when this call used it. */
export async function useInvite(db: Db, codeHash: string, userId: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable('invites')
    .set({ used_at: now, used_by: userId })
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
