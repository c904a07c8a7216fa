/** Users of a tenant: staff with e-mail and password, volunteers who joined by invite. */
import type { Kysely, Transaction } from 'kysely';
import type { Role } from '../../domain/permissions.ts';
import type { Schema, UsersTable } from './schema.ts';

type Db = Kysely<Schema> | Transaction<Schema>;

/** A user row as the server code reads it. */
export type UserAccount = {
  readonly id: string;
  readonly tenantId: string;
  readonly displayName: string;
  readonly email: string | null;
  readonly passwordHash: string | null;
  readonly role: Role;
  readonly buurtIds: string[];
  readonly isActive: boolean;
  readonly createdAt: number;
};

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUser(db: Db, tenantId: string, id: string): Promise<UserAccount | null> {
  const row = await db.selectFrom('users').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return row ? toAccount(row) : null;
}

/** Accounts with this e-mail, in any tenant (sign-in names no tenant). */
export async function findUsersByEmail(db: Db, email: string): Promise<UserAccount[]> {
  const rows = await db.selectFrom('users').selectAll().where('email', '=', normaliseEmail(email)).orderBy('created_at').execute();
  return rows.map(toAccount);
}

export async function listUsers(db: Db, tenantId: string): Promise<UserAccount[]> {
  const rows = await db.selectFrom('users').selectAll().where('tenant_id', '=', tenantId).orderBy('created_at').orderBy('id').execute();
  return rows.map(toAccount);
}

export async function insertUser(db: Db, user: Omit<UserAccount, 'isActive'> & { isActive?: boolean }): Promise<void> {
  await db
    .insertInto('users')
    .values({
      id: user.id,
      tenant_id: user.tenantId,
      display_name: user.displayName,
      email: user.email === null ? null : normaliseEmail(user.email),
      password_hash: user.passwordHash,
      role: user.role,
      buurt_ids: JSON.stringify(user.buurtIds),
      active: user.isActive === false ? 0 : 1,
      created_at: user.createdAt,
    })
    .execute();
}

export type UserChanges = Partial<Pick<UserAccount, 'displayName' | 'role' | 'buurtIds' | 'isActive'>>;

export async function updateUser(db: Db, tenantId: string, id: string, changes: UserChanges): Promise<void> {
  const set: Partial<UsersTable> = {
    ...(changes.displayName !== undefined ? { display_name: changes.displayName } : {}),
    ...(changes.role !== undefined ? { role: changes.role } : {}),
    ...(changes.buurtIds !== undefined ? { buurt_ids: JSON.stringify(changes.buurtIds) } : {}),
    ...(changes.isActive !== undefined ? { active: changes.isActive ? 1 : 0 } : {}),
  };
  if (Object.keys(set).length === 0) return;
  await db.updateTable('users').set(set).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function countActiveCoordinators(db: Db, tenantId: string): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('role', '=', 'coordinator')
    .where('active', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function emailInUse(db: Db, tenantId: string, email: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('tenant_id', '=', tenantId).where('email', '=', normaliseEmail(email)).executeTakeFirst();
  return row !== undefined;
}

function toAccount(row: UsersTable): UserAccount {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    displayName: row.display_name,
    email: row.email,
    passwordHash: row.password_hash,
    role: row.role as Role,
    buurtIds: JSON.parse(row.buurt_ids) as string[],
    isActive: Number(row.active) === 1,
    createdAt: row.created_at,
  };
}
