/**
 * `POST /api/v1/auth/sign-in` (staff: e-mail and password),
 * `POST /api/v1/auth/invite` (volunteers: a one-time invite code) and
 * `POST /api/v1/auth/sign-out`. Both ways in answer a Session: a new device
 * token, kept on the phone, of which the server stores only the hash.
 */
import { Hono } from 'hono';
import { RedeemInviteRequestSchema, SignInRequestSchema, type Session } from '../../domain/auth.ts';
import { uuidv7 } from '../../domain/ids.ts';
import { applyMutations } from '../apply-push.ts';
import { authenticate, type AuthEnv } from '../auth/authenticate.ts';
import { verifyAgainstDummy, verifyPassword } from '../auth/passwords.ts';
import { RATE_WINDOW_MS, beginAttempt, inviteAddressKey } from '../auth/rate-limit.ts';
import { beginSignIn } from '../auth/sign-in-delay.ts';
import { openSession } from '../auth/sessions.ts';
import { secretHash } from '../auth/secrets.ts';
import { clientAddress } from '../client-address.ts';
import { appendAudit, recordAudit } from '../db/audit.ts';
import { deviceIdFor, revokeDevices } from '../db/devices.ts';
import { findInvite, useInvite } from '../db/invites.ts';
import { loadRecords } from '../db/records.ts';
import { findUser, findUsersByEmail, insertUser, type UserAccount } from '../db/users.ts';
import { serialiseWrites } from '../db/write-lock.ts';
import { ApiFailure } from '../errors.ts';
import { distinctScopes, type ChangedScope } from '../live/change-feed.ts';
import { unusableInvite, usableTeam } from '../invite-checks.ts';
import { readValidBody } from '../json-body.ts';
import type { ServerContext } from '../server-context.ts';
import { serverActor, serverMutation } from '../server-changes.ts';

export function authRoute(ctx: ServerContext): Hono<AuthEnv> {
  const { database, now, live } = ctx;
  return new Hono<AuthEnv>()
    .post('/sign-in', async (c) => {
      const request = await readValidBody(c.req.raw, SignInRequestSchema, 'sign-in request');
      const time = now();
      const candidates = await findUsersByEmail(database.db, request.email);
      const candidate = accountToTry(candidates, request.tenantId ?? ctx.defaultTenant);
      // A progressive delay per account + address and a limit per address (sign-in-delay.ts), never an account-wide lock-out.
      const attempt = await beginSignIn(database, {
        email: request.email,
        address: clientAddress(c, ctx.trustProxy),
        now: time,
        // Told in the audit log of every tenant with an account of this e-mail (an unknown e-mail has no tenant to tell).
        onLock: (scope, until) =>
          database.db.transaction().execute((trx) =>
            appendAudit(
              trx,
              candidates.map((account) => ({
                tenantId: account.tenantId,
                at: time,
                userId: account.id,
                deviceId: null,
                action: 'sign-in.lock',
                recordType: 'user',
                recordId: account.id,
                detail: { scope, until },
              })),
            ),
          ),
      }).catch(async (error: unknown) => {
        // Refused while waiting (or over the address limit): on the record once per window for the account tried.
        if (candidate && error instanceof ApiFailure && error.status === 429) await auditLockOut(database, candidate, time);
        throw error;
      });

      // Exactly one scrypt verify whatever the number of accounts with this e-mail (none: a dummy hash), so timing tells nothing.
      const isRight = candidate ? await verifyPassword(request.password, candidate.passwordHash as string) : await verifyAgainstDummy(request.password);
      if (!candidate || !isRight) {
        if (candidate)
          await recordAudit(database.db, [
            {
              tenantId: candidate.tenantId,
              at: time,
              userId: candidate.id,
              deviceId: null,
              action: 'sign-in.fail',
              recordType: 'user',
              recordId: candidate.id,
            },
          ]);
        throw new ApiFailure(401, 'invalid-credentials', 'The e-mail address or password is not right.');
      }
      const user = candidate;
      await attempt.succeeded();

      const session = await database.db.transaction().execute(async (trx) => {
        // Under the write lock: the device id is granted once (devices.ts `deviceIdFor`).
        await serialiseWrites(trx, database.dialect);
        const opened = await openSession(trx, user, { id: request.deviceId, name: request.deviceName }, time);
        await appendAudit(trx, [{ tenantId: user.tenantId, at: time, userId: user.id, deviceId: opened.me.deviceId, action: 'sign-in' }]);
        return opened;
      });
      return c.json(session satisfies Session);
    })

    .post('/invite', async (c) => {
      const request = await readValidBody(c.req.raw, RedeemInviteRequestSchema, 'invite');
      const time = now();
      const attempt = await beginAttempt(database, [inviteAddressKey(clientAddress(c, ctx.trustProxy))], time);
      const codeHash = secretHash(request.code);

      // One transaction under the write lock: the user, their place in the team, the used invite and the session all happen, or none.
      const changed: ChangedScope[] = [];
      let tenantOfInvite: string | null = null;
      const session = await database.db.transaction().execute(async (trx) => {
        await serialiseWrites(trx, database.dialect);
        const invite = await findInvite(trx, codeHash);
        const problem = unusableInvite(invite, time);
        if (problem || !invite) throw new ApiFailure(410, 'invite-invalid', problem ?? 'This invite is not valid.');
        const team = usableTeam((await loadRecords(trx, invite.tenant_id, [invite.team_id])).get(invite.team_id));
        if (!team) throw new ApiFailure(410, 'invite-invalid', 'The team of this invite no longer exists. Ask for a new invite.');

        // An invite for an existing user signs them in on another phone; otherwise a new volunteer joins.
        const existing = invite.user_id ? await findUser(trx, invite.tenant_id, invite.user_id) : null;
        if (invite.user_id && !existing?.isActive) throw new ApiFailure(410, 'invite-invalid', 'The person this invite was for can no longer sign in.');
        // Checked again here: the person may have become staff since the invite was made, and staff sign in with their password.
        if (existing && existing.role !== 'volunteer')
          throw new ApiFailure(
            410,
            'invite-invalid',
            'This invite was for a volunteer who now signs in with an e-mail address and password. Sign in that way.',
          );
        const user: UserAccount = existing ?? {
          id: uuidv7(time),
          tenantId: invite.tenant_id,
          displayName: invite.display_name,
          email: null,
          passwordHash: null,
          role: 'volunteer',
          buurtIds: [],
          isActive: true,
          createdAt: time,
        };
        if (!existing) await insertUser(trx, user);
        const joinTeam = serverMutation({
          tenantId: invite.tenant_id,
          recordType: 'team',
          recordId: team.record.id,
          values: { memberIds: [...new Set([...team.memberIds, user.id])] },
          now: time,
          stored: team.record,
        });
        // The device id this phone gets (maybe not the one it asked for): the team change and the audit name it.
        const deviceId = await deviceIdFor(trx, user.id, request.deviceId);
        const [result] = await applyMutations(trx, {
          actor: serverActor(invite.tenant_id, { userId: user.id, deviceId }),
          mutations: [joinTeam],
          now: time,
          changed,
        });
        tenantOfInvite = invite.tenant_id;
        if (result?.status !== 'applied') throw new Error(`adding the invited volunteer to team ${team.record.id} was refused: ${result?.message}`);
        if (!(await useInvite(trx, codeHash, user.id, time))) throw new ApiFailure(410, 'invite-invalid', 'This invite has already been used.');

        const opened = await openSession(trx, user, { id: deviceId, name: request.deviceName }, time);
        await appendAudit(trx, [
          {
            tenantId: user.tenantId,
            at: time,
            userId: user.id,
            deviceId: opened.me.deviceId,
            action: 'invite.redeem',
            recordType: 'team',
            recordId: team.record.id,
            detail: { invitedBy: invite.created_by, targetUserId: user.id },
          },
        ]);
        return opened;
      });
      await attempt.succeeded();
      // Committed: the team's new member is news to those who read the team (the roster, the coordinator's lists).
      if (tenantOfInvite !== null) await live.publish({ tenantId: tenantOfInvite, deviceId: session.me.deviceId, scopes: distinctScopes(changed) });
      return c.json(session satisfies Session);
    })

    .post('/sign-out', authenticate(database, now), async (c) => {
      const { device, user } = c.var.caller;
      const time = now();
      await database.db.transaction().execute(async (trx) => {
        await revokeDevices(trx, [device], time);
        await appendAudit(trx, [{ tenantId: user.tenantId, at: time, userId: user.id, deviceId: device.id, action: 'sign-out' }]);
      });
      return c.json({ ok: true });
    });
}

/**
 * The ONE account whose password is checked, or null (then a dummy hash is
 * checked instead). Inactive accounts and accounts without a password are
 * never tried. An e-mail used in several tenants tries the tenant the
 * request names, else the default tenant's account, else the oldest — one
 * check, never one per account, so the time taken does not tell how many
 * tenants know this e-mail (issue 10, item 12).
 */
function accountToTry(candidates: readonly UserAccount[], tenantId: string): UserAccount | null {
  const usable = candidates.filter((user) => user.isActive && user.passwordHash !== null);
  return usable.find((user) => user.tenantId === tenantId) ?? usable[0] ?? null;
}

/** A lock-out in the audit log of the account's tenant, once per window (a flood of refused guesses must not fill the log). */
async function auditLockOut(database: ServerContext['database'], user: UserAccount, now: number): Promise<void> {
  const recent = await database.db
    .selectFrom('audit_log')
    .select('seq')
    .where('tenant_id', '=', user.tenantId)
    .where('record_id', '=', user.id)
    .where('action', '=', 'sign-in.lock')
    .where('at', '>', now - RATE_WINDOW_MS)
    .executeTakeFirst();
  if (!recent)
    await recordAudit(database.db, [
      { tenantId: user.tenantId, at: now, userId: user.id, deviceId: null, action: 'sign-in.lock', recordType: 'user', recordId: user.id },
    ]);
}
