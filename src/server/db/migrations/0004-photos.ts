/**
 * Photos (issue 4, DESIGN.md "Photos"): stored in the database, so a backup
 * holds records and photos together. One row per tenant and SHA-256: the
 * same photo uploaded twice is one row. `photo_refs` says which records
 * refer to which photos (kept by the push path), so serving a photo asks
 * "may this person read a record that shows it?" without reading every finding.
 *
 * The one dialect-specific piece is the bytes' column type: `blob` on
 * SQLite, `bytea` on PostgreSQL; both read and write a Node Buffer.
 */
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { DialectName } from '../database.ts';

export function photosMigration(dialect: DialectName): Migration {
  return { up: (db) => up(db, dialect), down };
}

async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('photos')
    .addColumn('tenant_id', 'text', (col) => col.notNull().references('tenants.id'))
    // Lowercase hex, checked against the bytes on upload.
    .addColumn('sha256', 'text', (col) => col.notNull())
    // image/jpeg or image/webp, checked against the bytes.
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('bytes', dialect === 'postgres' ? 'bytea' : 'blob', (col) => col.notNull())
    .addColumn('size', 'integer', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('created_by', 'text', (col) => col.notNull())
    .addColumn('device_id', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('photos_tenant_sha256_pk', ['tenant_id', 'sha256'])
    .execute();

  await db.schema
    .createTable('photo_refs')
    .addColumn('tenant_id', 'text', (col) => col.notNull().references('tenants.id'))
    .addColumn('sha256', 'text', (col) => col.notNull())
    .addColumn('record_id', 'text', (col) => col.notNull())
    // Serving a photo looks up its records by (tenant, sha256): the key's prefix.
    .addPrimaryKeyConstraint('photo_refs_pk', ['tenant_id', 'sha256', 'record_id'])
    .execute();
  // A record's references are replaced whenever it changes.
  await db.schema.createIndex('photo_refs_record').on('photo_refs').columns(['tenant_id', 'record_id']).execute();
}

async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('photo_refs').execute();
  await db.schema.dropTable('photos').execute();
}
