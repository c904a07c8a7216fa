/**
 * The first schema: tenants, merged records with their sequence numbers,
 * every mutation id ever seen, and the sequence counter.
 *
 * Only portable column types (text, bigint) so SQLite and PostgreSQL run the
 * same migration; SQLite gives `bigint` INTEGER affinity.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('tenants')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('config', 'text', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('records')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('tenant_id', 'text', (col) => col.notNull().references('tenants.id'))
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('state', 'text', (col) => col.notNull())
    .addColumn('seq', 'bigint', (col) => col.notNull())
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .execute();
  // Unique: two records never share a sequence number, or a cursor could skip one.
  await db.schema.createIndex('records_seq').unique().on('records').column('seq').execute();
  // Pull reads "this tenant's records past the cursor, in order".
  await db.schema.createIndex('records_tenant_seq').on('records').columns(['tenant_id', 'seq']).execute();

  await db.schema
    .createTable('mutations')
    .addColumn('mutation_id', 'text', (col) => col.primaryKey())
    .addColumn('tenant_id', 'text', (col) => col.notNull().references('tenants.id'))
    .addColumn('device_id', 'text', (col) => col.notNull())
    .addColumn('record_id', 'text')
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('reason', 'text')
    .addColumn('message', 'text')
    .addColumn('issues', 'text')
    .addColumn('received_at', 'bigint', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('sequences')
    .addColumn('name', 'text', (col) => col.primaryKey())
    .addColumn('value', 'bigint', (col) => col.notNull())
    .execute();
  await db.insertInto('sequences').values({ name: 'records', value: 0 }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['sequences', 'mutations', 'records', 'tenants']) await db.schema.dropTable(table).execute();
}
