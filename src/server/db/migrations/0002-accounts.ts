/**
 * Accounts (issue 3): users, their devices and tokens, invites, the audit
 * log, sign-in attempts for rate limits that hold across processes — and the
 * records table keyed per tenant, because seeded configuration items keep
 * readable slug ids ('oranjebuurt') that repeat in every tenant.
 *
 * Portable column types only, like 0001. The one dialect-specific part is
 * the guard that makes `audit_log` append-only in the database itself, so
 * not even a future bug in this code can rewrite history.
 */
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { DialectName } from '../database.ts';

export function accountsMigration(dialect: DialectName): Migration {
  return { up: (db) => up(db, dialect) };
}

async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await rebuildRecords(db);

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('tenant_id', 'text', (col) => col.notNull().references('tenants.id'))
    .addColumn('display_name', 'text', (col) => col.notNull())
    // Lowercased; null for volunteers who joined by invite.
    .addColumn('email', 'text')
    // `scrypt$N$r$p$salt$hash` (passwords.ts); null: cannot sign in with a password.
    .addColumn('password_hash', 'text')
    .addColumn('role', 'text', (col) => col.notNull())
    .addColumn('buurt_ids', 'text', (col) => col.notNull())
    .addColumn('active', 'integer', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .execute();
  // Both databases treat NULLs as distinct here: many users without an e-mail, each e-mail once per tenant.
  await db.schema.createIndex('users_tenant_email').unique().on('users').columns(['tenant_id', 'email']).execute();
  // Sign-in names no tenant: it finds the account by e-mail.
  await db.schema.createIndex('users_email').on('users').column('email').execute();

  await db.schema
    .createTable('devices')
    // The device id the app made for itself; one phone can be used by several people in turn.
    .addColumn('id', 'text', (col) => col.notNull())
    .addColumn('tenant_id', 'text', (col) => col.notNull().references('tenants.id'))
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id'))
    .addColumn('name', 'text', (col) => col.notNull())
    // sha256 of the token, base64url: the token itself is never stored.
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('last_seen_at', 'bigint')
    .addColumn('expires_at', 'bigint', (col) => col.notNull())
    .addColumn('revoked_at', 'bigint')
    .addPrimaryKeyConstraint('devices_user_device_pk', ['user_id', 'id'])
    .execute();
  await db.schema.createIndex('devices_tenant_id').on('devices').columns(['tenant_id', 'id']).execute();

  await db.schema
    .createTable('invites')
    .addColumn('code_hash', 'text', (col) => col.primaryKey())
    .addColumn('tenant_id', 'text', (col) => col.notNull().references('tenants.id'))
    .addColumn('team_id', 'text', (col) => col.notNull())
    .addColumn('display_name', 'text', (col) => col.notNull())
    .addColumn('created_by', 'text', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('expires_at', 'bigint', (col) => col.notNull())
    .addColumn('used_at', 'bigint')
    .addColumn('used_by', 'text')
    .execute();

  await db.schema
    .createTable('audit_log')
    // From the `audit` row of `sequences`, taken in the writing transaction.
    .addColumn('seq', 'bigint', (col) => col.primaryKey())
    .addColumn('tenant_id', 'text', (col) => col.notNull())
    .addColumn('at', 'bigint', (col) => col.notNull())
    .addColumn('user_id', 'text')
    .addColumn('device_id', 'text')
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('record_type', 'text')
    .addColumn('record_id', 'text')
    .addColumn('mutation_id', 'text')
    // JSON list of the field and counter names changed.
    .addColumn('fields', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('audit_log_tenant_seq').on('audit_log').columns(['tenant_id', 'seq']).execute();
  await db.schema.createIndex('audit_log_tenant_record').on('audit_log').columns(['tenant_id', 'record_id', 'seq']).execute();
  await db.insertInto('sequences').values({ name: 'audit', value: 0 }).execute();
  await makeAppendOnly(db, dialect, 'audit_log');

  await db.schema
    .createTable('sign_in_attempts')
    // `account:<e-mail>` or `address:<ip>` (rate-limit.ts).
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('window_start', 'bigint', (col) => col.notNull())
    .addColumn('count', 'bigint', (col) => col.notNull())
    .execute();
}

/** records: primary key (tenant_id, id) instead of (id); data, indexes and sequence numbers kept. */
async function rebuildRecords(db: Kysely<any>): Promise<void> {
  const columns = ['id', 'tenant_id', 'type', 'state', 'seq', 'updated_at'];
  await db.schema
    .createTable('records_by_tenant')
    .addColumn('id', 'text', (col) => col.notNull())
    .addColumn('tenant_id', 'text', (col) => col.notNull().references('tenants.id'))
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('state', 'text', (col) => col.notNull())
    .addColumn('seq', 'bigint', (col) => col.notNull())
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('records_tenant_record_pk', ['tenant_id', 'id'])
    .execute();
  await db.insertInto('records_by_tenant').columns(columns).expression(db.selectFrom('records').select(columns)).execute();
  await db.schema.dropTable('records').execute();
  await db.schema.alterTable('records_by_tenant').renameTo('records').execute();
  // As in 0001: unique, so two records never share a sequence number; pull reads per tenant in order.
  await db.schema.createIndex('records_seq').unique().on('records').column('seq').execute();
  await db.schema.createIndex('records_tenant_seq').on('records').columns(['tenant_id', 'seq']).execute();
  // Authentication reads a tenant's teams on every request.
  await db.schema.createIndex('records_tenant_type').on('records').columns(['tenant_id', 'type']).execute();
}

async function makeAppendOnly(db: Kysely<any>, dialect: DialectName, table: string): Promise<void> {
  if (dialect === 'sqlite') {
    for (const event of ['update', 'delete']) {
      await sql.raw(`create trigger ${table}_no_${event} before ${event} on ${table} begin select raise(abort, '${table} is append-only'); end`).execute(db);
    }
    return;
  }
  await sql
    .raw(`create function ${table}_append_only() returns trigger language plpgsql as $$ begin raise exception '${table} is append-only'; end $$`)
    .execute(db);
  await sql.raw(`create trigger ${table}_append_only before update or delete on ${table} for each row execute function ${table}_append_only()`).execute(db);
  await sql.raw(`create trigger ${table}_no_truncate before truncate on ${table} for each statement execute function ${table}_append_only()`).execute(db);
}
