/**
 * Issue 10, the access half (items 4, 7, 8):
 *
 * - `photo_uploads`: every user who uploaded a photo's bytes (a photo is
 *   served to its uploaders through any record they may read), filled from
 *   `photos.created_by` for the photos already stored.
 * - `photo_ref_origins`: who first named a photo in a record, and whether they
 *   could see that photo then (`vouched`). A reference counts for serving only
 *   when its maker uploaded the photo or could already see it, so naming
 *   someone else's hash in your own finding shows it to nobody. Kept while
 *   the record names the photo, deleted or not, so an undelete brings its
 *   photos back as they were. References made before this migration count.
 * - `audit_log.detail`: a small JSON object with what an entry needs beyond
 *   who and what (an invite's issuer and target user, a lock-out's scope).
 * - `sign_in_delays`: failed sign-ins per account AND client address, for the
 *   progressive delay that replaced the account-wide lock-out.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('photo_uploads')
    .addColumn('tenant_id', 'text', (col) => col.notNull().references('tenants.id'))
    .addColumn('sha256', 'text', (col) => col.notNull())
    .addColumn('user_id', 'text', (col) => col.notNull())
    .addColumn('at', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('photo_uploads_pk', ['tenant_id', 'sha256', 'user_id'])
    .execute();
  await db
    .insertInto('photo_uploads')
    .columns(['tenant_id', 'sha256', 'user_id', 'at'])
    .expression(db.selectFrom('photos').select(['tenant_id', 'sha256', 'created_by', 'created_at']))
    .execute();

  await db.schema
    .createTable('photo_ref_origins')
    .addColumn('tenant_id', 'text', (col) => col.notNull().references('tenants.id'))
    .addColumn('sha256', 'text', (col) => col.notNull())
    .addColumn('record_id', 'text', (col) => col.notNull())
    // The user whose change first named the photo in this record; null: the server itself.
    .addColumn('referenced_by', 'text')
    .addColumn('referenced_at', 'bigint', (col) => col.notNull())
    // 1: the maker could see the photo when naming it (or is the server); 0: not (yet).
    .addColumn('vouched', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('photo_ref_origins_pk', ['tenant_id', 'sha256', 'record_id'])
    .execute();
  await db.schema.createIndex('photo_ref_origins_record').on('photo_ref_origins').columns(['tenant_id', 'record_id']).execute();
  await db
    .insertInto('photo_ref_origins')
    .columns(['tenant_id', 'sha256', 'record_id', 'referenced_by', 'referenced_at', 'vouched'])
    .expression(
      db
        .selectFrom('photo_refs')
        .select((eb) => ['tenant_id', 'sha256', 'record_id', eb.val(null).as('referenced_by'), eb.val(0).as('referenced_at'), eb.val(1).as('vouched')]),
    )
    .execute();

  await db.schema.alterTable('audit_log').addColumn('detail', 'text').execute();

  await db.schema
    .createTable('sign_in_delays')
    // `<e-mail>|<address>` (rate-limit.ts).
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('failures', 'bigint', (col) => col.notNull())
    .addColumn('last_failure_at', 'bigint', (col) => col.notNull())
    .addColumn('blocked_until', 'bigint', (col) => col.notNull())
    .execute();
}
