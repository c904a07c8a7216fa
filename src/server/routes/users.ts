/**
 * People of the tenant, managed by its coordinators:
 * `GET /api/v1/users`, `POST /api/v1/users` (staff: e-mail and password),
 * `PATCH /api/v1/users/:id` (name, role, buurten, active — deactivating
 * revokes every device of the user) and `GET /api/v1/users/:id/devices`.
 * Volunteers join by invite (routes/auth.ts); teams are records.
 */
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { CreateUserRequestSchema, UpdateUserRequestSchema, type DeviceInfo, type User } from '../../domain/auth.ts';
import type { Issue } from '../../domain/errors.ts';
import { IdSchema, uuidv7 } from '../../domain/ids.ts';
import { teamIdsOf } from '../../domain/permissions.ts';
import { isDeleted } from '../../domain/records.ts';
import { authenticate, coordinatorsOnly, type AuthEnv } from '../auth/authenticate.ts';
import { COMMON_PASSWORD_MESSAGE, isCommonPassword } from '../auth/common-passwords.ts';
import { hashPassword } from '../auth/passwords.ts';
import { teamMemberships } from '../auth/principal.ts';
import { deviceInfo, userInfo } from '../auth/sessions.ts';
import { appendAudit, type AuditInput } from '../db/audit.ts';
import { listDevices, revokeUserDevices } from '../db/devices.ts';
import { loadRecords } from '../db/records.ts';
import { countActiveCoordinators, emailInUse, findUser, insertUser, listUsers, updateUser, type UserAccount, type UserChanges } from '../db/users.ts';
import type { Database } from '../db/database.ts';
import { ApiFailure } from '../errors.ts';
import { readValidBody } from '../json-body.ts';
import type { ServerContext } from '../server-context.ts';

export function usersRoute(ctx: ServerContext): Hono<AuthEnv> {
  const { database, now } = ctx;
  const coordinator = [authenticate(database, now), coordinatorsOnly] as const;
  return new Hono<AuthEnv>()
    .get('/', ...coordinator, async (c) => {
      const tenantId = c.var.principal.tenantId;
      const teams = await teamMemberships(database.db, tenantId);
      const users = await listUsers(database.db, tenantId);
      return c.json(users.map((user) => userInfo(user, teamIdsOf(user.id, teams))) satisfies User[]);
    })

    .post('/', ...coordinator, async (c) => {
      const request = await readValidBody(c.req.raw, CreateUserRequestSchema, 'new user');
      const { principal, deviceId } = c.var;
      const issues = [...credentialIssues(request), ...(await unknownBuurten(database, principal.tenantId, request.buurtIds))];
      if (issues.length > 0) throw new ApiFailure(400, 'invalid-payload', 'The new user is not valid.', issues);
      // No issue list: the app shows the reason's own words, which say what to do.
      if (request.password !== null && isCommonPassword(request.password)) throw new ApiFailure(400, 'password-common', COMMON_PASSWORD_MESSAGE);
      if (request.email !== null && (await emailInUse(database.db, principal.tenantId, request.email))) {
        throw new ApiFailure(409, 'invalid-payload', 'Someone in this municipality already uses that e-mail address.', [
          { path: 'email', message: 'is already in use' },
        ]);
      }

      const time = now();
      const user: UserAccount = {
        id: uuidv7(time),
        tenantId: principal.tenantId,
        displayName: request.displayName,
        email: request.email === null ? null : request.email.trim().toLowerCase(),
        passwordHash: request.password === null ? null : await hashPassword(request.password),
        role: request.role,
        buurtIds: request.buurtIds,
        isActive: true,
        createdAt: time,
      };
      await database.db.transaction().execute(async (trx) => {
        await insertUser(trx, user);
        const fields = ['displayName', 'role', 'buurtIds', ...(user.email === null ? [] : ['email']), ...(user.passwordHash === null ? [] : ['password'])];
        await appendAudit(trx, [
          { tenantId: user.tenantId, at: time, userId: principal.userId, deviceId, action: 'user.create', recordType: 'user', recordId: user.id, fields },
        ]);
      });
      return c.json(userInfo(user, []) satisfies User, 201);
    })

    .patch('/:id', ...coordinator, async (c) => {
      const request = await readValidBody(c.req.raw, UpdateUserRequestSchema, 'change of user');
      const { principal, deviceId } = c.var;
      const user = await userInTenant(database, principal.tenantId, c.req.param('id'));
      const unknown = request.buurtIds ? await unknownBuurten(database, principal.tenantId, request.buurtIds) : [];
      if (unknown.length > 0) throw new ApiFailure(400, 'invalid-payload', 'The change of user is not valid.', unknown);

      const changes: UserChanges = {
        ...(request.displayName !== undefined && request.displayName !== user.displayName ? { displayName: request.displayName } : {}),
        ...(request.role !== undefined && request.role !== user.role ? { role: request.role } : {}),
        ...(request.buurtIds !== undefined && JSON.stringify(request.buurtIds) !== JSON.stringify(user.buurtIds) ? { buurtIds: request.buurtIds } : {}),
        ...(request.active !== undefined && request.active !== user.isActive ? { isActive: request.active } : {}),
      };
      const stopsCoordinating =
        user.role === 'coordinator' && user.isActive && ((changes.role ?? 'coordinator') !== 'coordinator' || changes.isActive === false);
      if (stopsCoordinating && (await countActiveCoordinators(database.db, principal.tenantId)) <= 1) {
        throw new ApiFailure(403, 'forbidden', 'This is the last active coordinator of the municipality; make someone else coordinator first.');
      }

      const time = now();
      await database.db.transaction().execute(async (trx) => {
        await updateUser(trx, principal.tenantId, user.id, changes);
        const audit: AuditInput[] = [];
        const names = Object.keys(changes).map((name) => (name === 'isActive' ? 'active' : name));
        if (names.length > 0)
          audit.push({
            tenantId: principal.tenantId,
            at: time,
            userId: principal.userId,
            deviceId,
            action: 'user.update',
            recordType: 'user',
            recordId: user.id,
            fields: names,
          });
        // A deactivated person's phones must stop working at once, not when their sessions expire.
        if (changes.isActive === false) {
          for (const revoked of await revokeUserDevices(trx, principal.tenantId, user.id, time)) {
            audit.push({
              tenantId: principal.tenantId,
              at: time,
              userId: principal.userId,
              deviceId,
              action: 'device.revoke',
              recordType: 'device',
              recordId: revoked.id,
              fields: ['revokedAt'],
            });
          }
        }
        await appendAudit(trx, audit);
      });
      const updated = (await findUser(database.db, principal.tenantId, user.id)) as UserAccount;
      return c.json(userInfo(updated, teamIdsOf(updated.id, await teamMemberships(database.db, principal.tenantId))) satisfies User);
    })

    .get('/:id/devices', ...coordinator, async (c) => {
      const { principal, caller } = c.var;
      const user = await userInTenant(database, principal.tenantId, c.req.param('id'));
      const rows = await listDevices(database.db, principal.tenantId, user.id);
      return c.json(rows.map((row) => deviceInfo(row, caller.device)) satisfies DeviceInfo[]);
    });
}

async function userInTenant(database: Database, tenantId: string, id: string): Promise<UserAccount> {
  const user = z.safeParse(IdSchema, id).success ? await findUser(database.db, tenantId, id) : null;
  if (!user) throw new ApiFailure(404, 'not-found', 'There is no such user in this municipality.');
  return user;
}

/** Staff sign in with e-mail and password; the two go together. */
function credentialIssues(request: { email: string | null; password: string | null; role: string }): Issue[] {
  if ((request.email === null) !== (request.password === null)) {
    const missing = request.email === null ? 'email' : 'password';
    return [{ path: missing, message: 'e-mail address and password go together' }];
  }
  if (request.role !== 'volunteer' && request.email === null) {
    return [
      { path: 'email', message: 'staff sign in with an e-mail address and password' },
      { path: 'password', message: 'staff sign in with an e-mail address and password' },
    ];
  }
  return [];
}

async function unknownBuurten(database: Database, tenantId: string, buurtIds: readonly string[]): Promise<Issue[]> {
  const stored = await loadRecords(database.db, tenantId, buurtIds);
  return buurtIds.flatMap((id, index) => {
    const record = stored.get(id);
    return record && record.type === 'buurt' && !isDeleted(record) ? [] : [{ path: `buurtIds.${index}`, message: 'is not a buurt of this municipality' }];
  });
}
