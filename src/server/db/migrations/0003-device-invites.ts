/**
 * An invite can also sign an EXISTING user in on another phone (a volunteer
 * has no password: a new phone, or a second one, comes by invite too).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('invites').addColumn('user_id', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('invites').dropColumn('user_id').execute();
}
