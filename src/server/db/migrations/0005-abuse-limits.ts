/**
 * Issue 10, the server's half against abuse and side channels:
 *
 * - `mutations` keyed per tenant AND device: a mutation id is recognised only
 *   as the device's own, so another tenant or device replaying it learns
 *   nothing and swallows nothing (items 2). Rejections are counted per device
 *   and tenant for their cap (item 1).
 * - Sequence numbers per tenant (`records:<tenant>`, `audit:<tenant>` rows of
 *   `sequences`), so a pull cursor or an audit page no longer shows how much
 *   other tenants write (item 12). Old numbers are kept: they already rise
 *   per tenant, and each tenant's counter continues after its highest.
 * - `photos.last_ref_at`: when a record last stopped showing the photo, for
 *   the purge of photos nobody refers to (item 1).
 * - `usage_events`: what each device pushed and uploaded recently, for the
 *   sliding-window limits (item 1; limits.ts).
 *
 * `audit_log` is rebuilt for its new key (tenant, seq); its append-only guard
 * is put back exactly as migration 0002 made it.
 */
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { DialectName } from '../database.ts';

export function abuseLimitsMigration(dialect: DialectName): Migration {
  return { up: (db) => up(db, dialect) };
}

async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await rebuildMutations(db);

  // Record numbers per tenant: unique within the tenant, no longer across tenants.
  await db.schema.dropIndex('records_seq').execute();
  await db.schema.dropIndex('records_tenant_seq').execute();
  await db.schema.createIndex('records_tenant_seq').unique().on('records').columns(['tenant_id', 'seq']).execute();
  await startTenantSequences(db, 'records', 'records');
  await startTenantSequences(db, 'audit', 'audit_log');
  await rebuildAuditLog(db, dialect);

  await db.schema.alterTable('photos').addColumn('last_ref_at', 'bigint').execute();
  // The purge reads only old photos, without touching their bytes.
  await db.schema.createIndex('photos_purge').on('photos').columns(['created_at', 'last_ref_at', 'tenant_id', 'sha256']).execute();

  await db.schema
    .createTable('usage_events')
    .addColumn('tenant_id', 'text', (col) => col.notNull())
    .addColumn('device_id', 'text', (col) => col.notNull())
    // 'push' (bytes of pushed mutations) or 'photo' (bytes of a stored photo).
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('at', 'bigint', (col) => col.notNull())
    .addColumn('amount', 'bigint', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('usage_events_device').on('usage_events').columns(['tenant_id', 'kind', 'device_id', 'at']).execute();
  await db.schema.createIndex('usage_events_tenant').on('usage_events').columns(['tenant_id', 'kind', 'at']).execute();
  await db.schema.createIndex('usage_events_at').on('usage_events').column('at').execute();
}

async function rebuildMutations(db: Kysely<any>): Promise<void> {
  const columns = ['mutation_id', 'tenant_id', 'device_id', 'record_id', 'status', 'reason', 'message', 'issues', 'received_at'];
  await db.schema
    .createTable('mutations_by_device')
    .addColumn('mutation_id', 'text', (col) => col.notNull())
    .addColumn('tenant_id', 'text', (col) => col.notNull().references('tenants.id'))
    .addColumn('device_id', 'text', (col) => col.notNull())
    .addColumn('record_id', 'text')
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('reason', 'text')
    .addColumn('message', 'text')
    .addColumn('issues', 'text')
    .addColumn('received_at', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('mutations_device_pk', ['tenant_id', 'device_id', 'mutation_id'])
    .execute();
  await db.insertInto('mutations_by_device').columns(columns).expression(db.selectFrom('mutations').select(columns)).execute();
  await db.schema.dropTable('mutations').execute();
  await db.schema.alterTable('mutations_by_device').renameTo('mutations').execute();
  // Counting a device's (and a tenant's) stored rejections for their cap.
  await db.schema.createIndex('mutations_status').on('mutations').columns(['tenant_id', 'status', 'device_id']).execute();
}

/** One `<prefix>:<tenant>` row per tenant, continuing after the tenant's highest number in `table`. */
async function startTenantSequences(db: Kysely<any>, prefix: string, table: string): Promise<void> {
  const highest = await db
    .selectFrom('tenants')
    .leftJoin(table, `${table}.tenant_id`, 'tenants.id')
    .select(['tenants.id as tenant_id', (eb) => eb.fn.max(`${table}.seq`).as('value')])
    .groupBy('tenants.id')
    .execute();
  if (highest.length === 0) return;
  await db
    .insertInto('sequences')
    .values(highest.map((row: { tenant_id: string; value: unknown }) => ({ name: `${prefix}:${row.tenant_id}`, value: Number(row.value ?? 0) })))
    .execute();
}

async function rebuildAuditLog(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const columns = ['seq', 'tenant_id', 'at', 'user_id', 'device_id', 'action', 'record_type', 'record_id', 'mutation_id', 'fields'];
  await db.schema
    .createTable('audit_log_by_tenant')
    .addColumn('seq', 'bigint', (col) => col.notNull())
    .addColumn('tenant_id', 'text', (col) => col.notNull())
    .addColumn('at', 'bigint', (col) => col.notNull())
    .addColumn('user_id', 'text')
    .addColumn('device_id', 'text')
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('record_type', 'text')
    .addColumn('record_id', 'text')
    .addColumn('mutation_id', 'text')
    .addColumn('fields', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('audit_log_tenant_seq_pk', ['tenant_id', 'seq'])
    .execute();
  await db.insertInto('audit_log_by_tenant').columns(columns).expression(db.selectFrom('audit_log').select(columns)).execute();
  // Dropping the table drops its triggers (not an UPDATE or DELETE of a row); the guard returns below.
  await db.schema.dropTable('audit_log').execute();
  await db.schema.alterTable('audit_log_by_tenant').renameTo('audit_log').execute();
  await db.schema.createIndex('audit_log_tenant_record').on('audit_log').columns(['tenant_id', 'record_id', 'seq']).execute();
  if (dialect === 'sqlite') {
    for (const event of ['update', 'delete']) {
      await sql.raw(`create trigger audit_log_no_${event} before ${event} on audit_log begin select raise(abort, 'audit_log is append-only'); end`).execute(db);
    }
    return;
  }
  // The function from migration 0002 is still there; only the triggers went with the old table.
  await sql.raw('create trigger audit_log_append_only before update or delete on audit_log for each row execute function audit_log_append_only()').execute(db);
  await sql.raw('create trigger audit_log_no_truncate before truncate on audit_log for each statement execute function audit_log_append_only()').execute(db);
}
