/**
 * `POST /api/v1/invites` (coordinator): a one-time invite for a volunteer to
 * join a team, as a link to share (WhatsApp, QR code). Only the code's hash
 * is stored; the code itself is in this answer and nowhere else.
 *
 * `GET /api/v1/invites/:code` (public): what an invite is for, so the phone
 * can ask "join Buurtpreventie Oranjebuurt as Sanne?" before redeeming it.
 */
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { CreateInviteRequestSchema, InviteCodeSchema, inviteUrl, type Invite, type InvitePreview } from '../../domain/auth.ts';
import { authenticate, coordinatorsOnly, type AuthEnv } from '../auth/authenticate.ts';
import { beginAttempt, inviteAddressKey } from '../auth/rate-limit.ts';
import { newInviteCode, secretHash } from '../auth/secrets.ts';
import { clientAddress } from '../client-address.ts';
import { appendAudit } from '../db/audit.ts';
import { findInvite, insertInvite } from '../db/invites.ts';
import { loadRecords } from '../db/records.ts';
import { findTenant } from '../db/tenants.ts';
import { findUser } from '../db/users.ts';
import { ApiFailure } from '../errors.ts';
import { unusableInvite, usableTeam } from '../invite-checks.ts';
import { readValidBody } from '../json-body.ts';
import type { ServerContext } from '../server-context.ts';

const HOUR_MS = 60 * 60_000;

export function invitesRoute(ctx: ServerContext): Hono<AuthEnv> {
  const { database, now } = ctx;
  return new Hono<AuthEnv>()
    .post('/', authenticate(database, now), coordinatorsOnly, async (c) => {
      const request = await readValidBody(c.req.raw, CreateInviteRequestSchema, 'invite request');
      const { principal, deviceId } = c.var;
      const team = usableTeam((await loadRecords(database.db, principal.tenantId, [request.teamId])).get(request.teamId));
      if (!team) throw new ApiFailure(400, 'invalid-payload', 'There is no such team.', [{ path: 'teamId', message: 'is not a team of this tenant' }]);
      const existing = request.userId ? await findUser(database.db, principal.tenantId, request.userId) : null;
      if (request.userId && !existing?.isActive) {
        throw new ApiFailure(400, 'invalid-payload', 'There is no such active user.', [{ path: 'userId', message: 'is not an active user of this tenant' }]);
      }
      if (existing && existing.role !== 'volunteer') {
        throw new ApiFailure(
          403,
          'forbidden',
          `An invite can sign in only a volunteer; this person is a ${existing.role}, who signs in with their own e-mail address and password.`,
          [{ path: 'userId', message: 'is not a volunteer' }],
        );
      }
      const displayName = existing?.displayName ?? request.displayName;

      const time = now();
      const code = newInviteCode();
      const expiresAt = time + request.expiresInHours * HOUR_MS;
      await database.db.transaction().execute(async (trx) => {
        await insertInvite(trx, {
          code_hash: secretHash(code),
          tenant_id: principal.tenantId,
          team_id: request.teamId,
          display_name: displayName,
          created_by: principal.userId,
          created_at: time,
          expires_at: expiresAt,
          used_at: null,
          used_by: null,
          user_id: existing?.id ?? null,
        });
        await appendAudit(trx, [
          { tenantId: principal.tenantId, at: time, userId: principal.userId, deviceId, action: 'invite.create', recordType: 'team', recordId: request.teamId },
        ]);
      });
      const origin = ctx.publicUrl ?? new URL(c.req.url).origin;
      return c.json({ code, url: inviteUrl(origin, code), teamId: request.teamId, displayName, expiresAt } satisfies Invite, 201);
    })

    .get('/:code', async (c) => {
      const time = now();
      // Guessing codes is hopeless (128 bits), but a failed look-up counts against the address all the same.
      const attempt = await beginAttempt(database, [inviteAddressKey(clientAddress(c, ctx.trustProxy))], time);
      const code = c.req.param('code');
      const invite = z.safeParse(InviteCodeSchema, code).success ? await findInvite(database.db, secretHash(code)) : null;
      const problem = unusableInvite(invite, time);
      if (problem || !invite) throw new ApiFailure(410, 'invite-invalid', problem ?? 'This invite is not valid.');
      const team = usableTeam((await loadRecords(database.db, invite.tenant_id, [invite.team_id])).get(invite.team_id));
      if (!team) throw new ApiFailure(410, 'invite-invalid', 'The team of this invite no longer exists. Ask for a new invite.');
      await attempt.succeeded();

      const tenant = await findTenant(database.db, invite.tenant_id);
      const issuer = await findUser(database.db, invite.tenant_id, invite.created_by);
      return c.json({
        tenantName: tenant?.name ?? invite.tenant_id,
        // Only the display name of whoever made it: the volunteer sees from whom the invite comes.
        issuerName: issuer?.displayName ?? '',
        teamName: team.name,
        displayName: invite.display_name,
        expiresAt: invite.expires_at,
      } satisfies InvitePreview);
    });
}
