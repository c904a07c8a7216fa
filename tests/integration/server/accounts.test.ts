/**
 * Accounts end to end through the API: staff sign in with e-mail and
 * password, volunteers join a team by invite, sessions slide, people and
 * coordinators see and revoke devices, coordinators manage users.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { DeviceInfoSchema, InvitePreviewSchema, InviteSchema, MeSchema, SESSION_DAYS, SessionSchema, UserSchema } from '../../../src/domain/auth.ts';
import { createApp } from '../../../src/server/app.ts';
import { verifyPassword } from '../../../src/server/auth/passwords.ts';
import { loadRecords } from '../../../src/server/db/records.ts';
import { coordinatorEmail } from '../../../src/server/seed.ts';
import { TEST_COORDINATOR_PASSWORD, createTestUser, type TestUser } from '../../fixtures/server-auth.ts';
import { NOW, TENANT } from '../../fixtures/fixed.ts';
import { apiClient, type Answer } from './api-client.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from './databases.ts';

const DAY = 24 * 60 * 60_000;
const TEAM = 'buurtpreventie-oranjebuurt';

describe.each(DIALECTS)('accounts on %s', (dialect) => {
  let test: TestDatabase;
  let coordinator: TestUser;
  let addressCounter = 0;
  const client = (user?: TestUser, at = NOW, options: { publicUrl?: string } = {}) =>
    apiClient(createApp({ db: test.database, now: () => at, ...options }), user, `192.0.2.${++addressCounter}`);
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  // biome-ignore lint/suspicious/noExplicitAny: any JSON answer; each test states its shape with toMatchObject.
  const withToken = async (token: string, method: string, path: string, at = NOW, body?: unknown): Promise<Answer<any>> =>
    client(undefined, at).send(path, {
      method,
      headers: { ...bearer(token), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const signIn = async (email: string, password: string, deviceId: string, at = NOW) =>
    client(undefined, at).call('POST', '/api/v1/auth/sign-in', { email, password, deviceId, deviceName: `Telefoon ${deviceId}` });

  beforeAll(async () => {
    test = await openTestDatabase(dialect);
    coordinator = await createTestUser(test.database, { role: 'coordinator', devices: ['coord-laptop-01'], displayName: 'Marieke de Vries' });
  });
  afterAll(() => test.cleanup());

  describe('signing in with e-mail and password', () => {
    it('gives the seeded coordinator a session whose token opens the API', async () => {
      const answer = await signIn('Coordinator@Alblasserdam.example', TEST_COORDINATOR_PASSWORD, 'seed-coord-01');
      expect(answer.status).toBe(200);
      const session = z.parse(SessionSchema, answer.body);
      expect(session.expiresAt).toBe(NOW + SESSION_DAYS * DAY);
      expect(session.me).toMatchObject({
        tenantId: 'alblasserdam',
        tenantName: 'Alblasserdam',
        role: 'coordinator',
        email: coordinatorEmail(TENANT),
        deviceId: 'seed-coord-01',
      });
      const me = await withToken(session.token, 'GET', '/api/v1/me');
      expect(z.parse(MeSchema, me.body)).toEqual(session.me);
    });

    it('stores only a hash of the token, and a scrypt hash of the password', async () => {
      const { token } = (await signIn(coordinatorEmail(TENANT), TEST_COORDINATOR_PASSWORD, 'seed-coord-02')).body as { token: string };
      const devices = await test.database.db.selectFrom('devices').select('token_hash').execute();
      expect(devices.some((row) => row.token_hash === token)).toBe(false);
      const user = await test.database.db.selectFrom('users').select('password_hash').where('email', '=', coordinatorEmail(TENANT)).executeTakeFirstOrThrow();
      expect(user.password_hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{86}$/);
      expect(await verifyPassword(TEST_COORDINATOR_PASSWORD, user.password_hash as string)).toBe(true);
    });

    it('signs the Ridderkerk coordinator in to Ridderkerk', async () => {
      const answer = await signIn(coordinatorEmail('ridderkerk'), TEST_COORDINATOR_PASSWORD, 'ridder-coord-01');
      expect(answer.body.me).toMatchObject({ tenantId: 'ridderkerk', tenantName: 'Ridderkerk' });
    });

    it('re-registers a device that signs in again: a new token, the old one dead, revocation lifted', async () => {
      const first = (await signIn(coordinatorEmail(TENANT), TEST_COORDINATOR_PASSWORD, 'seed-coord-03')).body as { token: string };
      await withToken(first.token, 'DELETE', '/api/v1/devices/seed-coord-03');
      expect((await withToken(first.token, 'GET', '/api/v1/me')).body.error.reason).toBe('device-revoked');
      const second = (await signIn(coordinatorEmail(TENANT), TEST_COORDINATOR_PASSWORD, 'seed-coord-03')).body as { token: string };
      expect(second.token).not.toBe(first.token);
      expect((await withToken(second.token, 'GET', '/api/v1/me')).status).toBe(200);
      expect((await withToken(first.token, 'GET', '/api/v1/me')).body.error.reason).toBe('unauthenticated');
    });

    it('refuses a wrong password with 401 invalid-credentials', async () => {
      expect(await signIn(coordinatorEmail(TENANT), 'verkeerd-wachtwoord', 'seed-coord-04')).toMatchObject({
        status: 401,
        body: { error: { reason: 'invalid-credentials' } },
      });
    });
  });

  describe('sessions', () => {
    it('slide: each contact moves the expiry ahead, written at most once a minute', async () => {
      const user = await createTestUser(test.database, { role: 'professional', devices: ['slide-phone-01'] });
      const token = user.tokens.get('slide-phone-01') as string;
      const row = () =>
        test.database.db.selectFrom('devices').select(['expires_at', 'last_seen_at']).where('id', '=', 'slide-phone-01').executeTakeFirstOrThrow();

      await withToken(token, 'GET', '/api/v1/me', NOW + 30_000);
      expect(await row()).toEqual({ expires_at: NOW + SESSION_DAYS * DAY, last_seen_at: NOW });
      await withToken(token, 'GET', '/api/v1/me', NOW + 50 * DAY);
      expect(await row()).toEqual({ expires_at: NOW + 50 * DAY + SESSION_DAYS * DAY, last_seen_at: NOW + 50 * DAY });
      // 100 days after signing in, still signed in: it was used within the last 60 days.
      expect((await withToken(token, 'GET', '/api/v1/me', NOW + 100 * DAY)).status).toBe(200);
      expect((await withToken(token, 'GET', '/api/v1/me', NOW + 200 * DAY)).body.error.reason).toBe('session-expired');
    });

    it('ends at sign-out: the token is revoked and the audit log says so', async () => {
      const { token, me } = (await signIn(coordinatorEmail(TENANT), TEST_COORDINATOR_PASSWORD, 'signout-01')).body as { token: string; me: { userId: string } };
      expect(await withToken(token, 'POST', '/api/v1/auth/sign-out')).toMatchObject({ status: 200, body: { ok: true } });
      expect((await withToken(token, 'GET', '/api/v1/me')).body.error.reason).toBe('device-revoked');
      const audit = await test.database.db.selectFrom('audit_log').selectAll().where('device_id', '=', 'signout-01').orderBy('seq').execute();
      expect(audit.map((entry) => [entry.action, entry.user_id])).toEqual([
        ['sign-in', me.userId],
        ['sign-out', me.userId],
      ]);
    });
  });

  describe('invites', () => {
    it('lets a coordinator invite a volunteer, who joins the team by redeeming it on a phone', async () => {
      const created = await client(coordinator, NOW, { publicUrl: 'https://buurtlog.alblasserdam.nl' }).call('POST', '/api/v1/invites', {
        teamId: TEAM,
        displayName: 'Sanne',
      });
      expect(created.status).toBe(201);
      const invite = z.parse(InviteSchema, created.body);
      expect(invite).toMatchObject({ teamId: TEAM, displayName: 'Sanne', expiresAt: NOW + 72 * 60 * 60_000 });
      expect(invite.url).toBe(`https://buurtlog.alblasserdam.nl/#/uitnodiging/${invite.code}`);
      expect(await test.database.db.selectFrom('invites').select('code_hash').where('code_hash', '=', invite.code).executeTakeFirst()).toBeUndefined();

      const preview = await client().call('GET', `/api/v1/invites/${invite.code}`);
      // From whom (the coordinator's display name) and where — nothing else about anyone.
      expect(Object.keys(preview.body as object).sort()).toEqual(['displayName', 'expiresAt', 'issuerName', 'teamName', 'tenantName']);
      expect(z.parse(InvitePreviewSchema, preview.body)).toEqual({
        tenantName: 'Alblasserdam',
        issuerName: 'Marieke de Vries',
        teamName: 'Buurtpreventie Oranjebuurt',
        displayName: 'Sanne',
        expiresAt: invite.expiresAt,
      });

      const redeemed = await client(undefined, NOW + 60_000).call('POST', '/api/v1/auth/invite', {
        code: invite.code,
        deviceId: 'sanne-phone-01',
        deviceName: 'iPhone van Sanne',
      });
      expect(redeemed.status).toBe(200);
      const session = z.parse(SessionSchema, redeemed.body);
      expect(session.me).toMatchObject({ role: 'volunteer', displayName: 'Sanne', email: null, teamIds: [TEAM], deviceId: 'sanne-phone-01' });

      // The team record itself changed, through the push path: a new member, stamped by the server, pulled by the volunteer.
      const team = (await loadRecords(test.database.db, TENANT, [TEAM])).get(TEAM);
      expect(team?.fields['memberIds']?.v).toContain(session.me.userId);
      expect(team?.fields['memberIds']?.t).toMatch(/\.server$/);
      const pulled = (await withToken(session.token, 'GET', '/api/v1/sync/pull?limit=1000', NOW + 60_000)).body as { records: Array<{ id: string }> };
      expect(pulled.records.map((record) => record.id)).toContain(TEAM);

      const audit = await test.database.db.selectFrom('audit_log').selectAll().where('user_id', '=', session.me.userId).orderBy('seq').execute();
      expect(audit.map((entry) => [entry.action, entry.record_id, entry.device_id])).toEqual([
        ['record.update', TEAM, 'sanne-phone-01'],
        ['invite.redeem', TEAM, 'sanne-phone-01'],
      ]);
      expect(JSON.parse(audit[0]?.fields as string)).toEqual(['memberIds']);
      const invitedBy = await test.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'invite.create').execute();
      expect(invitedBy.map((entry) => entry.user_id)).toContain(coordinator.userId);
    });

    it('signs an existing volunteer in on a second phone by invite, without making a new user', async () => {
      const first = z.parse(InviteSchema, (await client(coordinator).call('POST', '/api/v1/invites', { teamId: TEAM, displayName: 'Kees' })).body);
      const kees = z.parse(
        SessionSchema,
        (await client().call('POST', '/api/v1/auth/invite', { code: first.code, deviceId: 'kees-phone-01', deviceName: 'Telefoon van Kees' })).body,
      );
      const usersBefore = (await client(coordinator).call('GET', '/api/v1/users')).body as unknown[];

      const second = await client(coordinator).call('POST', '/api/v1/invites', { teamId: TEAM, displayName: 'ignored', userId: kees.me.userId });
      expect(second.status).toBe(201);
      const invite = z.parse(InviteSchema, second.body);
      expect(invite.displayName).toBe('Kees');
      const again = z.parse(
        SessionSchema,
        (await client().call('POST', '/api/v1/auth/invite', { code: invite.code, deviceId: 'kees-tablet-02', deviceName: 'Tablet van Kees' })).body,
      );

      expect(again.me).toMatchObject({ userId: kees.me.userId, deviceId: 'kees-tablet-02', teamIds: [TEAM] });
      expect((await client(coordinator).call('GET', '/api/v1/users')).body).toHaveLength(usersBefore.length);
      const devices = (await withToken(again.token, 'GET', '/api/v1/devices')).body as Array<{ id: string }>;
      expect(devices.map((d) => d.id).sort()).toEqual(['kees-phone-01', 'kees-tablet-02']);
    });

    it('refuses an invite for a user who does not exist', async () => {
      const answer = await client(coordinator).call('POST', '/api/v1/invites', {
        teamId: TEAM,
        displayName: 'X',
        userId: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
      });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ error: { reason: 'invalid-payload' } });
    });

    it('builds the invite link on the request’s origin when PUBLIC_URL is not set', async () => {
      const created = await client(coordinator).send('http://buurtlog.local:8080/api/v1/invites', {
        method: 'POST',
        headers: { ...coordinator.auth(), 'content-type': 'application/json' },
        body: JSON.stringify({ teamId: TEAM, displayName: 'Ahmed', expiresInHours: 24 }),
      });
      expect((created.body as { url: string }).url).toMatch(/^http:\/\/buurtlog\.local:8080\/#\/uitnodiging\/[\w-]{22}$/);
    });
  });

  describe('users', () => {
    it('lets a coordinator add staff who then sign in with their password', async () => {
      const answer = await client(coordinator).call('POST', '/api/v1/users', {
        displayName: 'Wijkagent Jansen',
        email: 'J.Jansen@Politie.example',
        password: 'blauw-op-straat-2025',
        role: 'police',
        buurtIds: ['oranjebuurt', 'kinderdijk'],
      });
      expect(answer.status).toBe(201);
      const user = z.parse(UserSchema, answer.body);
      expect(user).toMatchObject({ email: 'j.jansen@politie.example', role: 'police', buurtIds: ['oranjebuurt', 'kinderdijk'], teamIds: [], active: true });
      const session = await signIn('j.jansen@politie.example', 'blauw-op-straat-2025', 'jansen-phone-01');
      expect(session.body.me).toMatchObject({ userId: user.id, role: 'police' });
      const listed = z.parse(z.array(UserSchema), (await client(coordinator).call('GET', '/api/v1/users')).body);
      expect(listed.find((candidate) => candidate.id === user.id)).toEqual(user);
    });

    it('refuses a second account with the same e-mail in the tenant (409), and staff without a password (400)', async () => {
      const api = client(coordinator);
      expect(
        await api.call('POST', '/api/v1/users', {
          displayName: 'Dubbel',
          email: 'COORDINATOR@alblasserdam.example',
          password: 'een-ander-wachtwoord',
          role: 'professional',
        }),
      ).toMatchObject({
        status: 409,
        body: { error: { issues: [{ path: 'email' }] } },
      });
      expect(
        await api.call('POST', '/api/v1/users', { displayName: 'Zonder', email: 'zonder@example.nl', password: null, role: 'professional' }),
      ).toMatchObject({
        status: 400,
        body: { error: { issues: [{ path: 'password' }] } },
      });
      expect((await api.call('POST', '/api/v1/users', { displayName: 'Kort', email: 'kort@example.nl', password: 'kort', role: 'professional' })).status).toBe(
        400,
      );
    });

    it('changes role and buurten, and a deactivated person’s devices stop at once', async () => {
      const worker = await createTestUser(test.database, { role: 'professional', buurtIds: ['oranjebuurt'], devices: ['worker-phone-01', 'worker-tablet-01'] });
      const api = client(coordinator);
      const changed = await api.call('PATCH', `/api/v1/users/${worker.userId}`, { role: 'police', buurtIds: ['kinderdijk'] });
      expect(changed.body).toMatchObject({ role: 'police', buurtIds: ['kinderdijk'], active: true });
      expect((await client(worker).call('GET', '/api/v1/me')).body).toMatchObject({ role: 'police', buurtIds: ['kinderdijk'] });

      expect((await api.call('PATCH', `/api/v1/users/${worker.userId}`, { active: false })).body).toMatchObject({ active: false });
      for (const device of ['worker-phone-01', 'worker-tablet-01']) {
        expect((await client(worker).call('GET', '/api/v1/me', undefined, device)).body.error.reason).toBe('device-revoked');
      }
      const audit = await test.database.db
        .selectFrom('audit_log')
        .select(['action', 'record_id', 'fields'])
        .where('user_id', '=', coordinator.userId)
        .where('action', 'in', ['user.update', 'device.revoke'])
        .orderBy('seq')
        .execute();
      expect(audit.map((entry) => [entry.action, entry.record_id, JSON.parse(entry.fields)])).toEqual([
        ['user.update', worker.userId, ['role', 'buurtIds']],
        ['user.update', worker.userId, ['active']],
        ['device.revoke', 'worker-phone-01', ['revokedAt']],
        ['device.revoke', 'worker-tablet-01', ['revokedAt']],
      ]);
    });

    it('keeps at least one active coordinator', async () => {
      const lone = await openTestDatabase(dialect);
      try {
        const only = await createTestUser(lone.database, { role: 'coordinator' });
        await lone.database.db.updateTable('users').set({ active: 0 }).where('id', '!=', only.userId).execute();
        const api = apiClient(createApp({ db: lone.database, now: () => NOW }), only);
        expect(await api.call('PATCH', `/api/v1/users/${only.userId}`, { role: 'professional' })).toMatchObject({
          status: 403,
          body: { error: { reason: 'forbidden' } },
        });
        expect((await api.call('PATCH', `/api/v1/users/${only.userId}`, { active: false })).status).toBe(403);
      } finally {
        await lone.cleanup();
      }
    });
  });

  describe('devices', () => {
    it('shows a person their own devices, this one marked, and lets them revoke a lost one while this one keeps working', async () => {
      const owner = await createTestUser(test.database, { role: 'volunteer', devices: ['own-phone-01', 'own-phone-02'] });
      const listed = z.parse(z.array(DeviceInfoSchema), (await client(owner).call('GET', '/api/v1/devices', undefined, 'own-phone-01')).body);
      expect(listed.map((device) => [device.id, device.isCurrent, device.revokedAt])).toEqual([
        ['own-phone-01', true, null],
        ['own-phone-02', false, null],
      ]);
      const revoked = await client(owner, NOW + 1000).call('DELETE', '/api/v1/devices/own-phone-02', undefined, 'own-phone-01');
      expect(revoked).toMatchObject({ status: 200, body: [{ id: 'own-phone-02', revokedAt: NOW + 1000 }] });
      expect((await client(owner).call('GET', '/api/v1/sync/pull', undefined, 'own-phone-02')).body.error.reason).toBe('device-revoked');
      expect((await client(owner).call('GET', '/api/v1/sync/pull', undefined, 'own-phone-01')).status).toBe(200);
    });

    it('lets a coordinator see and revoke anyone’s device in the tenant', async () => {
      const member = await createTestUser(test.database, { role: 'volunteer', devices: ['member-phone-01'] });
      const devices = (await client(coordinator).call('GET', `/api/v1/users/${member.userId}/devices`)).body as Array<{ id: string; isCurrent: boolean }>;
      expect(devices).toEqual([expect.objectContaining({ id: 'member-phone-01', isCurrent: false, userId: member.userId })]);
      expect((await client(coordinator).call('DELETE', '/api/v1/devices/member-phone-01')).status).toBe(200);
      expect((await client(member).call('GET', '/api/v1/me')).body.error.reason).toBe('device-revoked');
    });
  });

  describe('the audit log', () => {
    it('is read newest first, in pages, and per record', async () => {
      const api = client(coordinator);
      const first = (await api.call('GET', '/api/v1/audit?limit=3')).body as {
        entries: Array<{ seq: number; recordId: string | null }>;
        cursor: string;
        hasMore: boolean;
      };
      expect(first.entries).toHaveLength(3);
      expect(first.hasMore).toBe(true);
      const seqs = first.entries.map((entry) => entry.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
      const second = (await api.call('GET', `/api/v1/audit?limit=3&cursor=${first.cursor}`)).body as { entries: Array<{ seq: number }> };
      expect(Math.max(...second.entries.map((entry) => entry.seq))).toBeLessThan(Math.min(...seqs));

      const aboutTeam = (await api.call('GET', `/api/v1/audit?recordId=${TEAM}&limit=500`)).body as { entries: Array<{ recordId: string }> };
      expect(aboutTeam.entries.length).toBeGreaterThan(0);
      expect(aboutTeam.entries.every((entry) => entry.recordId === TEAM)).toBe(true);
      expect((await api.call('GET', '/api/v1/audit?limit=0')).status).toBe(400);
    });
  });
});
