/**
 * Hostile requests: forged, expired and revoked tokens, another tenant's
 * ids, another team's records, a volunteer reaching for coordinator powers,
 * replayed and expired invites, password guessing, oversized and malformed
 * auth bodies. Each is refused with the right status and reason, and the
 * database is left exactly as it was (every table a request could touch).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendanceIdFor } from '../../../src/domain/attendance.ts';
import { MAX_FAILURES_PER_ADDRESS } from '../../../src/server/auth/rate-limit.ts';
import { createApp } from '../../../src/server/app.ts';
import { loadRecords } from '../../../src/server/db/records.ts';
import { coordinatorEmail } from '../../../src/server/seed.ts';
import { TEST_COORDINATOR_PASSWORD, activityValues, addToTeam, createTestUser, putRecords, type TestUser } from '../../fixtures/server-auth.ts';
import { attendance, editActivity, idFactory, mutation, newActivity } from '../../fixtures/server-mutations.ts';
import { NOW, TENANT } from '../../fixtures/fixed.ts';
import { apiClient, snapshot } from './api-client.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from './databases.ts';

const OWN_TEAM = 'buurtpreventie-oranjebuurt';
const OTHER_TEAM = 'schouwgroep-staatsliedenbuurt';
const COORDINATOR = coordinatorEmail(TENANT);
const MINUTE = 60_000;

describe.each(DIALECTS)('hostile input on %s', (dialect) => {
  let test: TestDatabase;
  let coordinator: TestUser;
  let volunteer: TestUser;
  let professional: TestUser;
  let ridderkerk: TestUser;
  const ids = idFactory(0x4057);
  const ownActivity = ids();
  const otherTeamActivity = ids();
  const otherTenantActivity = ids();
  let addressCounter = 0;
  /** Every test guesses from its own address, so limits never leak between tests. */
  const client = (user?: TestUser, at = NOW, address = `198.51.100.${++addressCounter}`) =>
    apiClient(createApp({ db: test.database, now: () => at }), user, address);

  beforeAll(async () => {
    test = await openTestDatabase(dialect);
    coordinator = await createTestUser(test.database, { role: 'coordinator', devices: ['coord-phone-01'] });
    volunteer = await createTestUser(test.database, { role: 'volunteer', devices: ['vol-phone-01'] });
    professional = await createTestUser(test.database, { role: 'professional', buurtIds: ['oranjebuurt'], devices: ['prof-phone-01'] });
    ridderkerk = await createTestUser(test.database, { tenantId: 'ridderkerk', role: 'coordinator', devices: ['ridder-phone-01'] });
    await addToTeam(test.database, TENANT, OWN_TEAM, volunteer.userId);
    await putRecords(test.database, TENANT, [
      { type: 'activity', id: ownActivity, values: activityValues('oranjebuurt', OWN_TEAM) },
      { type: 'activity', id: otherTeamActivity, values: activityValues('staatsliedenbuurt', OTHER_TEAM) },
    ]);
    await putRecords(test.database, 'ridderkerk', [{ type: 'activity', id: otherTenantActivity, values: activityValues('bolnes', null) }]);
  });
  afterAll(() => test.cleanup());

  /**
   * Runs `act` and checks that nothing in the database changed — except, with
   * `rejectionsRecorded`, the ids of rejected mutations (kept by design, so a
   * retry is answered the same) and their `mutation.reject` audit entries,
   * and the audit entries of the `audited` actions (issue 10: refusals are
   * on the record), each of which must have been written.
   */
  async function changesNothing(act: () => Promise<void>, options: { rejectionsRecorded?: boolean; audited?: readonly string[] } = {}): Promise<void> {
    const before = await snapshot(test.database);
    await act();
    const after = await snapshot(test.database);
    const audited = [...(options.audited ?? []), ...(options.rejectionsRecorded ? ['mutation.reject'] : [])];
    const key = (entry: { tenant_id: string; seq: number }) => `${entry.tenant_id}:${entry.seq}`;
    const earlier = new Set(before.audit.map(key));
    const newAudit = after.audit.filter((entry) => !earlier.has(key(entry)));
    expect(after.audit.filter((entry) => earlier.has(key(entry)))).toEqual(before.audit);
    expect([...new Set(newAudit.map((entry) => entry.action))].sort()).toEqual([...new Set(audited)].sort());
    if (!options.rejectionsRecorded) {
      expect({ ...after, audit: null }).toEqual({ ...before, audit: null });
      return;
    }
    expect({ ...after, mutations: null, audit: null }).toEqual({ ...before, mutations: null, audit: null });
    const known = new Set(before.mutations.map((row) => row.mutation_id));
    const added = after.mutations.filter((row) => !known.has(row.mutation_id));
    expect(added.length).toBeGreaterThan(0);
    expect(added.every((row) => row.status === 'rejected')).toBe(true);
  }

  const pushBody = (deviceId: string, mutations: unknown[]) => ({ schemaVersion: 1, deviceId, mutations });

  describe('tokens', () => {
    it.each([
      ['a token nobody was given', `Bearer ${'x'.repeat(43)}`],
      ['a token one character off', () => `Bearer ${flipLast(coordinator.auth().authorization.slice(7))}`],
      ['an empty bearer', 'Bearer '],
      ['no scheme', () => coordinator.auth().authorization.slice(7)],
    ])('refuses %s with 401 unauthenticated everywhere, changing nothing', async (_what, header) => {
      const authorization = typeof header === 'function' ? header() : header;
      await changesNothing(async () => {
        for (const [method, path, body] of [
          ['POST', '/api/v1/sync/push', pushBody('coord-phone-01', [newActivity(ids, ids(), { device: 'coord-phone-01' })])],
          ['GET', '/api/v1/sync/pull', undefined],
          ['GET', '/api/v1/me', undefined],
          ['POST', '/api/v1/invites', { teamId: OWN_TEAM, displayName: 'Sanne' }],
          ['POST', '/api/v1/auth/sign-out', undefined],
        ] as const) {
          const answer = await client().send(path, {
            method,
            headers: { authorization, ...(body ? { 'content-type': 'application/json' } : {}) },
            ...(body ? { body: JSON.stringify(body) } : {}),
          });
          expect([path, answer.status, (answer.body as { error: { reason: string } }).error.reason]).toEqual([path, 401, 'unauthenticated']);
        }
      });
    });

    it('refuses an expired session with 401 session-expired, changing nothing', async () => {
      const expired = await createTestUser(test.database, {
        role: 'coordinator',
        devices: ['expired-01'],
        signedInAt: NOW - 61 * 24 * 60 * MINUTE,
        expiresAt: NOW - MINUTE,
      });
      await changesNothing(async () => {
        const push = await client(expired).call('POST', '/api/v1/sync/push', pushBody('expired-01', [newActivity(ids, ids(), { device: 'expired-01' })]));
        expect(push).toMatchObject({ status: 401, body: { error: { reason: 'session-expired' } } });
        expect((await client(expired).call('GET', '/api/v1/sync/pull')).body.error.reason).toBe('session-expired');
      });
    });

    it('refuses a revoked device with 401 device-revoked — before saying it expired — changing nothing', async () => {
      const lost = await createTestUser(test.database, { role: 'professional', devices: ['lost-phone-01'] });
      await client(lost).call('DELETE', '/api/v1/devices/lost-phone-01');
      await changesNothing(async () => {
        expect(await client(lost).call('GET', '/api/v1/sync/pull')).toMatchObject({ status: 401, body: { error: { reason: 'device-revoked' } } });
        const weeksLater = await client(lost, NOW + 90 * 24 * 60 * MINUTE).call(
          'POST',
          '/api/v1/sync/push',
          pushBody('lost-phone-01', [newActivity(ids, ids(), { device: 'lost-phone-01' })]),
        );
        expect(weeksLater).toMatchObject({ status: 401, body: { error: { reason: 'device-revoked' } } });
      });
    });

    it('refuses the token of a deactivated account with 401 unauthenticated', async () => {
      const gone = await createTestUser(test.database, { role: 'professional', devices: ['gone-phone-01'], isActive: false });
      await changesNothing(async () => {
        expect(await client(gone).call('GET', '/api/v1/me')).toMatchObject({ status: 401, body: { error: { reason: 'unauthenticated' } } });
      });
    });

    it('refuses a push whose deviceId is not the token’s device, changing nothing', async () => {
      await changesNothing(async () => {
        const answer = await client(coordinator).call(
          'POST',
          '/api/v1/sync/push',
          pushBody('vol-phone-01', [newActivity(ids, ids(), { device: 'vol-phone-01' })]),
        );
        expect(answer).toMatchObject({ status: 400, body: { error: { reason: 'invalid-payload', issues: [{ path: 'deviceId' }] } } });
      });
    });

    it('lets a token write only its own device’s counts', async () => {
      await changesNothing(
        async () => {
          const answer = await client(coordinator).push('coord-phone-01', [attendance(ids, ownActivity, 'vol-phone-01', { residents: { p: 50 } })]);
          expect(answer.body.results[0]).toMatchObject({ status: 'rejected', reason: 'foreign-counter' });
        },
        { rejectionsRecorded: true },
      );
    });
  });

  describe('another tenant', () => {
    it('rejects mutations that name another tenant, and leaves that tenant alone', async () => {
      const forged = { ...editActivity(ids, otherTenantActivity, { title: 'Overgenomen' }, { device: 'coord-phone-01' }), tenantId: 'ridderkerk' };
      await changesNothing(
        async () => {
          const answer = await client(coordinator).push('coord-phone-01', [forged]);
          expect(answer.body.results[0]).toMatchObject({ status: 'rejected', reason: 'tenant-mismatch' });
        },
        { rejectionsRecorded: true },
      );
    });

    it('never reaches another tenant’s record by its id', async () => {
      const edit = editActivity(ids, otherTenantActivity, { title: 'Overgenomen' }, { device: 'coord-phone-01' });
      await changesNothing(
        async () => {
          const answer = await client(coordinator).push('coord-phone-01', [
            edit,
            attendance(ids, otherTenantActivity, 'coord-phone-01', { residents: { p: 9 } }),
          ]);
          // In this tenant the id names nothing: a new record without its required fields, counts of an unknown activity.
          expect(answer.body.results.map((result) => result.reason)).toEqual(['missing-fields', 'unknown-activity']);
        },
        { rejectionsRecorded: true },
      );
      expect(await loadRecords(test.database.db, 'ridderkerk', [attendanceIdFor(otherTenantActivity)])).toEqual(new Map());
      expect((await client(coordinator).pullAll(1000)).some((record) => record.id === otherTenantActivity)).toBe(false);
    });

    it('finds no user, device or team of another tenant through the API', async () => {
      await changesNothing(async () => {
        const api = client(coordinator);
        expect((await api.call('PATCH', `/api/v1/users/${ridderkerk.userId}`, { role: 'volunteer' })).status).toBe(404);
        expect((await api.call('GET', `/api/v1/users/${ridderkerk.userId}/devices`)).status).toBe(404);
        expect((await api.call('DELETE', '/api/v1/devices/ridder-phone-01')).status).toBe(404);
        expect(await api.call('POST', '/api/v1/invites', { teamId: 'buurtpreventie-bolnes', displayName: 'Indringer' })).toMatchObject({
          status: 400,
          body: { error: { issues: [{ path: 'teamId' }] } },
        });
        const users = (await api.call('GET', '/api/v1/users')).body as Array<{ id: string }>;
        expect(users.some((user) => user.id === ridderkerk.userId)).toBe(false);
      });
      expect(await client(ridderkerk).call('GET', '/api/v1/me')).toMatchObject({ status: 200, body: { tenantId: 'ridderkerk' } });
    });
  });

  describe('another team', () => {
    it('refuses a volunteer’s changes to another team’s activity, its counts, and moves between teams', async () => {
      const device = 'vol-phone-01';
      await changesNothing(
        async () => {
          const answer = await client(volunteer).push(device, [
            editActivity(ids, otherTeamActivity, { notes: 'van mij' }, { device }),
            attendance(ids, otherTeamActivity, device, { residents: { p: 4 } }),
            // Moving their own activity to another team, or another team's to their own, is a change on both sides.
            editActivity(ids, ownActivity, { teamId: OTHER_TEAM }, { device }),
            editActivity(ids, otherTeamActivity, { teamId: OWN_TEAM }, { device }),
          ]);
          expect(answer.body.results.map((result) => [result.status, result.reason])).toEqual(Array(4).fill(['rejected', 'forbidden']));
          expect(answer.body.results[0]?.message).toMatch(/own teams/);
        },
        { rejectionsRecorded: true },
      );
      const records = await client(volunteer).pullAll(1000);
      expect(records.some((record) => record.id === otherTeamActivity)).toBe(false);
      expect(records.some((record) => record.id === ownActivity)).toBe(true);
      expect(records.some((record) => record.id === OTHER_TEAM)).toBe(false);
    });

    it('refuses a professional moving an activity out of their buurt, or into it', async () => {
      const device = 'prof-phone-01';
      await changesNothing(
        async () => {
          const answer = await client(professional).push(device, [
            editActivity(ids, ownActivity, { buurtId: 'kinderdijk' }, { device }),
            editActivity(ids, otherTeamActivity, { buurtId: 'oranjebuurt' }, { device }),
          ]);
          expect(answer.body.results.map((result) => result.reason)).toEqual(['forbidden', 'forbidden']);
          expect(answer.body.results[0]?.message).toMatch(/own buurten/);
        },
        { rejectionsRecorded: true },
      );
      const stored = await loadRecords(test.database.db, TENANT, [ownActivity, otherTeamActivity]);
      expect(stored.get(ownActivity)?.fields['buurtId']?.v).toBe('oranjebuurt');
      expect(stored.get(otherTeamActivity)?.fields['buurtId']?.v).toBe('staatsliedenbuurt');
    });
  });

  describe('a volunteer reaching for coordinator powers', () => {
    it('cannot change configuration: rename a buurt, join another team, widen their own team, add a partner', async () => {
      const device = 'vol-phone-01';
      await changesNothing(
        async () => {
          const answer = await client(volunteer).push(device, [
            mutation(ids, 'buurt', 'oranjebuurt', { name: 'Mijnbuurt' }, { device }),
            mutation(ids, 'team', OTHER_TEAM, { memberIds: [volunteer.userId] }, { device }),
            mutation(ids, 'team', OWN_TEAM, { buurtIds: ['oranjebuurt', 'kinderdijk'] }, { device }),
            mutation(ids, 'partner', 'nep-partner', { name: 'Nep', kind: 'other' }, { device }),
          ]);
          expect(answer.body.results.map((result) => result.reason)).toEqual(['forbidden', 'forbidden', 'forbidden', 'forbidden']);
        },
        { rejectionsRecorded: true },
      );
      expect((await client(volunteer).call('GET', '/api/v1/me')).body.teamIds).toEqual([OWN_TEAM]);
    });

    it.each([
      ['create an invite', 'POST', '/api/v1/invites', { teamId: OTHER_TEAM, displayName: 'Vriend' }],
      ['list the users', 'GET', '/api/v1/users', undefined],
      ['create a user', 'POST', '/api/v1/users', { displayName: 'Ik', email: 'ik@example.nl', password: 'lang-genoeg-wachtwoord', role: 'coordinator' }],
      ['promote themselves', 'PATCH', '/api/v1/users/:self', { role: 'coordinator' }],
      ['read the audit log', 'GET', '/api/v1/audit', undefined],
      ['list another user’s devices', 'GET', '/api/v1/users/:coordinator/devices', undefined],
    ] as const)('cannot %s (403 forbidden), changing nothing', async (_what, method, path, body) => {
      await changesNothing(async () => {
        const answer = await client(volunteer).call(method, path.replace(':self', volunteer.userId).replace(':coordinator', coordinator.userId), body);
        expect(answer).toMatchObject({ status: 403, body: { error: { reason: 'forbidden' } } });
      });
    });

    it('cannot revoke somebody else’s device', async () => {
      await changesNothing(async () => {
        expect(await client(volunteer).call('DELETE', '/api/v1/devices/coord-phone-01')).toMatchObject({
          status: 404,
          body: { error: { reason: 'not-found' } },
        });
      });
    });
  });

  describe('invites', () => {
    const redeem = (code: string, deviceId: string, at = NOW) =>
      client(undefined, at).call('POST', '/api/v1/auth/invite', { code, deviceId, deviceName: 'Telefoon' });
    const invite = async (displayName: string, expiresInHours = 72) =>
      (await client(coordinator).call('POST', '/api/v1/invites', { teamId: OWN_TEAM, displayName, expiresInHours })).body as { code: string };

    it('refuses a replayed invite with 410, changing nothing', async () => {
      const { code } = await invite('Sanne');
      expect((await redeem(code, 'sanne-phone-01')).status).toBe(200);
      await changesNothing(async () => {
        expect(await redeem(code, 'thief-phone-01')).toMatchObject({ status: 410, body: { error: { reason: 'invite-invalid' } } });
        expect(await client().call('GET', `/api/v1/invites/${code}`)).toMatchObject({ status: 410, body: { error: { reason: 'invite-invalid' } } });
      });
    });

    it('refuses an expired invite with 410, changing nothing', async () => {
      const { code } = await invite('Ahmed', 1);
      await changesNothing(async () => {
        expect(await redeem(code, 'ahmed-phone-01', NOW + 61 * MINUTE)).toMatchObject({
          status: 410,
          body: { error: { reason: 'invite-invalid', message: expect.stringMatching(/expired/) } },
        });
      });
    });

    it('refuses an invite whose team was deleted since, changing nothing', async () => {
      await putRecords(test.database, TENANT, [
        { type: 'team', id: 'opgeheven-team', values: { name: 'Opgeheven', kind: 'workingGroup', buurtIds: [], memberIds: [] } },
      ]);
      const { code } = (await client(coordinator).call('POST', '/api/v1/invites', { teamId: 'opgeheven-team', displayName: 'Kim' })).body as { code: string };
      await putRecords(test.database, TENANT, [{ type: 'team', id: 'opgeheven-team', values: { deleted: true } }], NOW - 10_000);
      await changesNothing(async () => {
        expect((await redeem(code, 'kim-phone-01')).status).toBe(410);
      });
    });

    it.each([
      ['a made-up code', 'a'.repeat(22)],
      ['a code that is not one', '../../etc/passwd'],
    ])('refuses %s with 410 (preview) and changes nothing', async (_what, code) => {
      await changesNothing(async () => {
        expect((await client().call('GET', `/api/v1/invites/${encodeURIComponent(code)}`)).status).toBe(410);
      });
    });
  });

  describe('guessing passwords', () => {
    const signIn = (api: ReturnType<typeof client>, email: string, password: string, deviceId = 'guess-phone-01') =>
      api.call('POST', '/api/v1/auth/sign-in', { email, password, deviceId, deviceName: 'Telefoon' });

    it('slows an address after 5 wrong passwords for an account: the 6th is refused (429 + Retry-After), the right one too, until the delay passes', async () => {
      const address = '198.51.100.250';
      const api = client(undefined, NOW, address);
      const before = await snapshot(test.database);
      for (let attempt = 1; attempt <= 5; attempt++) {
        expect(await signIn(api, COORDINATOR, `fout-${attempt}`)).toMatchObject({ status: 401, body: { error: { reason: 'invalid-credentials' } } });
      }
      const sixth = await signIn(api, COORDINATOR, 'fout-6');
      expect(sixth).toMatchObject({ status: 429, body: { error: { reason: 'rate-limited' } } });
      expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(sixth.headers.get('retry-after'))).toBeLessThanOrEqual(15 * 60);
      expect((await signIn(api, COORDINATOR, TEST_COORDINATOR_PASSWORD)).status).toBe(429);
      // Nothing changed but the audit log: each wrong password, and the start of the delay once (sign-in-delay.test.ts has the rest: the owner elsewhere gets in).
      const after = await snapshot(test.database);
      expect({ ...after, audit: null }).toEqual({ ...before, audit: null });
      // Audit numbers are per tenant: the new entries are those whose tenant and number were not there before.
      const earlier = new Set(before.audit.map((entry) => `${entry.tenant_id}:${entry.seq}`));
      const added = after.audit.filter((entry) => !earlier.has(`${entry.tenant_id}:${entry.seq}`));
      expect(added.map((entry) => entry.action)).toEqual([...Array(4).fill('sign-in.fail'), 'sign-in.lock', 'sign-in.fail']);
      const later = await signIn(client(undefined, NOW + 16 * MINUTE, address), COORDINATOR, TEST_COORDINATOR_PASSWORD);
      expect(later.status).toBe(200);
    });

    it(`stops after ${MAX_FAILURES_PER_ADDRESS} failures from one address, whatever accounts it tries, and a forged X-Forwarded-For does not help`, async () => {
      const address = '203.0.113.66';
      const from = (trustProxy: boolean) => apiClient(createApp({ db: test.database, now: () => NOW + 20 * MINUTE, trustProxy }), undefined, address);
      await changesNothing(
        async () => {
          const guesses = await Promise.all(
            Array.from({ length: MAX_FAILURES_PER_ADDRESS }, (_, i) => signIn(from(false), `iemand${i}@example.nl`, 'raden-raden')),
          );
          expect(guesses.map((answer) => answer.status)).toEqual(Array(MAX_FAILURES_PER_ADDRESS).fill(401));
          expect((await signIn(from(false), COORDINATOR, TEST_COORDINATOR_PASSWORD)).status).toBe(429);
          const forged = await from(false).send('/api/v1/auth/sign-in', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.9.8.7' },
            body: JSON.stringify({ email: COORDINATOR, password: TEST_COORDINATOR_PASSWORD, deviceId: 'guess-phone-01', deviceName: 'Telefoon' }),
          });
          expect(forged.status).toBe(429);
        },
        { audited: ['sign-in.lock'] },
      );
      // Behind a trusted proxy the forwarded address is the client's: another client is not locked out.
      const proxied = await from(true).send('/api/v1/auth/sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.9.8.7' },
        body: JSON.stringify({ email: COORDINATOR, password: TEST_COORDINATOR_PASSWORD, deviceId: 'proxied-phone-01', deviceName: 'Telefoon' }),
      });
      expect(proxied.status).toBe(200);
    });

    it('answers an unknown e-mail exactly like a wrong password', async () => {
      const unknown = await signIn(client(undefined, NOW + 40 * MINUTE), 'niemand@alblasserdam.example', 'wat-dan-ook');
      const wrong = await signIn(client(undefined, NOW + 40 * MINUTE), COORDINATOR, 'wat-dan-ook');
      expect(unknown.status).toBe(401);
      expect(unknown.body).toEqual(wrong.body);
    });

    it('refuses invite codes guessed from one address after too many misses', async () => {
      const api = client(undefined, NOW + 50 * MINUTE);
      for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
        expect(
          (await api.call('POST', '/api/v1/auth/invite', { code: `geraden${String(i).padStart(20, '0')}`, deviceId: 'guess-phone-02', deviceName: 'T' }))
            .status,
        ).toBe(410);
      }
      expect(await api.call('POST', '/api/v1/auth/invite', { code: 'x'.repeat(22), deviceId: 'guess-phone-02', deviceName: 'T' })).toMatchObject({
        status: 429,
        body: { error: { reason: 'rate-limited' } },
      });
    });
  });

  describe('malformed and oversized auth bodies', () => {
    const signInBody = { email: COORDINATOR, password: TEST_COORDINATOR_PASSWORD, deviceId: 'body-phone-01', deviceName: 'Telefoon' };
    it.each([
      [
        'a body over 16 KiB',
        '/api/v1/auth/sign-in',
        'application/json',
        JSON.stringify({ ...signInBody, deviceName: 'x'.repeat(20_000) }),
        413,
        'body-too-large',
      ],
      ['malformed JSON', '/api/v1/auth/sign-in', 'application/json', '{"email": ', 400, 'malformed-json'],
      ['a form post', '/api/v1/auth/sign-in', 'application/x-www-form-urlencoded', 'email=a&password=b', 415, 'unsupported-media-type'],
      ['a JSON array', '/api/v1/auth/sign-in', 'application/json', '[]', 400, 'invalid-payload'],
      ['no password', '/api/v1/auth/sign-in', 'application/json', JSON.stringify({ ...signInBody, password: undefined }), 400, 'invalid-payload'],
      [
        'an e-mail that is not one',
        '/api/v1/auth/sign-in',
        'application/json',
        JSON.stringify({ ...signInBody, email: 'coordinator' }),
        400,
        'invalid-payload',
      ],
      ['a 10 kB password', '/api/v1/auth/sign-in', 'application/json', JSON.stringify({ ...signInBody, password: 'x'.repeat(10_000) }), 400, 'invalid-payload'],
      ['a device id with spaces', '/api/v1/auth/sign-in', 'application/json', JSON.stringify({ ...signInBody, deviceId: 'my phone' }), 400, 'invalid-payload'],
      [
        'an object where the password goes',
        '/api/v1/auth/sign-in',
        'application/json',
        JSON.stringify({ ...signInBody, password: { $ne: '' } }),
        400,
        'invalid-payload',
      ],
      [
        'an invite code with a slash',
        '/api/v1/auth/invite',
        'application/json',
        JSON.stringify({ code: 'a/b/c/d/e/f/g/h/i/j/k', deviceId: 'body-phone-01', deviceName: 'T' }),
        400,
        'invalid-payload',
      ],
      [
        'an oversized invite body',
        '/api/v1/auth/invite',
        'application/json',
        JSON.stringify({ code: 'a'.repeat(22), deviceId: 'body-phone-01', deviceName: 'T', pad: 'x'.repeat(17_000) }),
        413,
        'body-too-large',
      ],
    ])('refuses %s (%s) with %i %s, changing nothing', async (_what, path, contentType, body, status, reason) => {
      await changesNothing(async () => {
        const answer = await client().send(path, { method: 'POST', headers: { 'content-type': contentType }, body });
        expect(answer).toMatchObject({ status, body: { error: { reason } } });
      });
    });

    it('says which fields of a sign-in are wrong', async () => {
      const answer = await client().call('POST', '/api/v1/auth/sign-in', { email: 'nee', password: '', deviceId: 'x', deviceName: '' });
      expect((answer.body.error.issues as Array<{ path: string }>).map((issue) => issue.path).sort()).toEqual(['deviceId', 'deviceName', 'email', 'password']);
    });

    it.each([
      ['a role that does not exist', { role: 'admin' }],
      ['an empty name', { displayName: '   ' }],
      ['a buurt that is not one', { buurtIds: ['atlantis'] }],
    ])('refuses a change of user with %s, changing nothing', async (_what, body) => {
      await changesNothing(async () => {
        const answer = await client(coordinator).call('PATCH', `/api/v1/users/${professional.userId}`, body);
        expect(answer).toMatchObject({ status: 400, body: { error: { reason: 'invalid-payload' } } });
      });
    });
  });
});

function flipLast(token: string): string {
  return token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
}
