/**
 * Issue 14, item 6 (AVG rights):
 *
 * - `erased_users`: who was erased (art. 17), by their old user id, and the
 *   number of their stable pseudonym ("vrijwilliger 7") — numbered per
 *   tenant, each number once. No name, no e-mail: the id is a random UUID
 *   that records and the append-only audit log still name.
 * - `erased_device_tokens`: the token hashes of an erased person's devices,
 *   so a phone of theirs still hears "device revoked" (and wipes its data)
 *   at its next contact, though its device row is gone. A hash, no name.
 * - `privacy_texts`: the tenant's verwerkingsregister and
 *   toegankelijkheidsverklaring as its coordinator wrote them; a tenant
 *   without a row shows the default texts (domain/person-data.ts).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('erased_users')
    .addColumn('tenant_id', 'text', (col) => col.notNull().references('tenants.id'))
    .addColumn('user_id', 'text', (col) => col.notNull())
    .addColumn('number', 'integer', (col) => col.notNull())
    .addColumn('role', 'text', (col) => col.notNull())
    .addColumn('erased_at', 'bigint', (col) => col.notNull())
    // The coordinator who did it.
    .addColumn('erased_by', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('erased_users_pk', ['tenant_id', 'user_id'])
    .execute();
  await db.schema.createIndex('erased_users_number').unique().on('erased_users').columns(['tenant_id', 'number']).execute();

  await db.schema
    .createTable('erased_device_tokens')
    .addColumn('token_hash', 'text', (col) => col.primaryKey())
    .addColumn('tenant_id', 'text', (col) => col.notNull().references('tenants.id'))
    .addColumn('erased_at', 'bigint', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('privacy_texts')
    .addColumn('tenant_id', 'text', (col) => col.notNull().references('tenants.id'))
    // 'processingRegister' or 'accessibilityStatement'.
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .addColumn('updated_by', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('privacy_texts_pk', ['tenant_id', 'kind'])
    .execute();
}
