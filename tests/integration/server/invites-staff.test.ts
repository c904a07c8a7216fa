/**
 * Invites for an existing account are for volunteers only: a coordinator
 * cannot take a session as another coordinator, a professional or the police
 * by inviting their user id (staff sign in with their own password). The
 * audit entry of a redemption names both the issuer and the target user.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { AuditPageSchema, InviteSchema, SessionSchema } from '../../../src/domain/auth.ts';
import { createApp } from '../../../src/server/app.ts';
import { createTestUser, type TestUser } from '../../fixtures/server-auth.ts';
import { NOW } from '../../fixtures/fixed.ts';
import { apiClient, snapshot } from './api-client.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from './databases.ts';

const TEAM = 'buurtpreventie-oranjebuurt';

describe.each(DIALECTS)('invites for existing accounts on %s', (dialect) => {
  let test: TestDatabase;
  let coordinator: TestUser;
  let addressCounter = 0;
  const client = (user?: TestUser, at = NOW) => apiClient(createApp({ db: test.database, now: () => at }), user, `203.0.113.${++addressCounter}`);

  beforeAll(async () => {
    test = await openTestDatabase(dialect);
    coordinator = await createTestUser(test.database, { role: 'coordinator', devices: ['inv-coord-01'] });
  });
  afterAll(() => test.cleanup());

  it.each(['coordinator', 'professional', 'police'] as const)('refuses an invite for a %s’s account (403), making no invite', async (role) => {
    const staff = await createTestUser(test.database, { role, devices: [`inv-${role}-01`] });
    const before = await snapshot(test.database);
    const answer = await client(coordinator).call('POST', '/api/v1/invites', { teamId: TEAM, displayName: 'x', userId: staff.userId });
    expect(answer).toMatchObject({
      status: 403,
      body: { error: { reason: 'forbidden', message: expect.stringContaining('password'), issues: [{ path: 'userId' }] } },
    });
    expect(await snapshot(test.database)).toEqual(before);
  });

  it('refuses to redeem an invite whose volunteer has become staff since (410), opening no session', async () => {
    const joined = z.parse(
      SessionSchema,
      (
        await client().call('POST', '/api/v1/auth/invite', {
          code: z.parse(InviteSchema, (await client(coordinator).call('POST', '/api/v1/invites', { teamId: TEAM, displayName: 'Ineke' })).body).code,
          deviceId: 'ineke-phone-01',
          deviceName: 'Telefoon van Ineke',
        })
      ).body,
    );
    const second = z.parse(
      InviteSchema,
      (await client(coordinator).call('POST', '/api/v1/invites', { teamId: TEAM, displayName: 'x', userId: joined.me.userId })).body,
    );
    expect((await client(coordinator).call('PATCH', `/api/v1/users/${joined.me.userId}`, { role: 'professional' })).status).toBe(200);
    const devices = await test.database.db.selectFrom('devices').select('id').where('user_id', '=', joined.me.userId).execute();
    const answer = await client().call('POST', '/api/v1/auth/invite', { code: second.code, deviceId: 'ineke-tablet-02', deviceName: 'Tablet van Ineke' });
    expect(answer).toMatchObject({ status: 410, body: { error: { reason: 'invite-invalid' } } });
    expect(await test.database.db.selectFrom('devices').select('id').where('user_id', '=', joined.me.userId).execute()).toEqual(devices);
  });

  it('still signs a volunteer in on another phone, and the audit entry names the issuer and the target user', async () => {
    const first = z.parse(InviteSchema, (await client(coordinator).call('POST', '/api/v1/invites', { teamId: TEAM, displayName: 'Kees' })).body);
    const kees = z.parse(
      SessionSchema,
      (await client().call('POST', '/api/v1/auth/invite', { code: first.code, deviceId: 'kees-phone-11', deviceName: 'Telefoon van Kees' })).body,
    );
    const second = z.parse(
      InviteSchema,
      (await client(coordinator).call('POST', '/api/v1/invites', { teamId: TEAM, displayName: 'x', userId: kees.me.userId })).body,
    );
    const again = await client().call('POST', '/api/v1/auth/invite', { code: second.code, deviceId: 'kees-tablet-12', deviceName: 'Tablet van Kees' });
    expect(z.parse(SessionSchema, again.body).me.userId).toBe(kees.me.userId);

    const page = z.parse(AuditPageSchema, (await client(coordinator).call('GET', `/api/v1/audit?recordId=${TEAM}&limit=500`)).body);
    const redemptions = page.entries.filter((entry) => entry.action === 'invite.redeem' && entry.userId === kees.me.userId);
    expect(redemptions.map((entry) => [entry.deviceId, entry.detail])).toEqual([
      ['kees-tablet-12', { invitedBy: coordinator.userId, targetUserId: kees.me.userId }],
      ['kees-phone-11', { invitedBy: coordinator.userId, targetUserId: kees.me.userId }],
    ]);
  });
});
