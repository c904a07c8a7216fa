/**
 * Issue 10, items 2 and 3: a mutation id is recognised only as its own
 * device's (per tenant and device), and a device id belongs to one person —
 * a sign-in or an invite naming someone else's device id gets a fresh one,
 * so nobody writes another device's counts. Audit entries name the device
 * the server issued, not the one a request claimed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendanceIdFor } from '../../../src/domain/attendance.ts';
import { createApp } from '../../../src/server/app.ts';
import { loadRecords } from '../../../src/server/db/records.ts';
import { coordinatorEmail } from '../../../src/server/seed.ts';
import { TEST_COORDINATOR_PASSWORD, activityValues, addToTeam, createTestUser, putRecords, type TestUser } from '../../fixtures/server-auth.ts';
import { NOW, TENANT } from '../../fixtures/fixed.ts';
import { attendance, idFactory, mutation, newActivity } from '../../fixtures/server-mutations.ts';
import { apiClient } from './api-client.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from './databases.ts';

const TEAM = 'buurtpreventie-oranjebuurt';

describe.each(DIALECTS)('who a mutation id and a device id belong to on %s', (dialect) => {
  let test: TestDatabase;
  let coordinator: TestUser;
  let ridderkerk: TestUser;
  let volunteer: TestUser;
  const ids = idFactory(0x1d17);
  const client = (user?: TestUser) => apiClient(createApp({ db: test.database, now: () => NOW }), user);

  beforeAll(async () => {
    test = await openTestDatabase(dialect);
    coordinator = await createTestUser(test.database, { role: 'coordinator', devices: ['coord-tablet-01', 'coord-phone-02'] });
    ridderkerk = await createTestUser(test.database, { tenantId: 'ridderkerk', role: 'coordinator', devices: ['rk-tablet-01'] });
    volunteer = await createTestUser(test.database, { role: 'volunteer', devices: ['vol-phone-09'] });
    await addToTeam(test.database, TENANT, TEAM, volunteer.userId);
  });
  afterAll(() => test.cleanup());

  describe('mutation ids', () => {
    it('never answers another tenant with a tenant’s outcome: a replayed id is checked as the replayer’s own', async () => {
      const refused = mutation(ids, 'activity', ids(), { colour: 'geheim-rood' }, { device: 'coord-tablet-01' });
      const first = await client(coordinator).push('coord-tablet-01', [refused]);
      expect(first.body.results[0]).toMatchObject({ status: 'rejected', reason: 'unknown-field' });

      // Ridderkerk sends a real activity under the same mutation id: it is applied, and learns nothing of Alblasserdam's rejection.
      const replay = { ...newActivity(ids, ids(), { device: 'rk-tablet-01' }, { buurtId: 'bolnes' }), mutationId: refused.mutationId, tenantId: 'ridderkerk' };
      const answer = await client(ridderkerk).push('rk-tablet-01', [replay]);
      expect(answer.body.results).toEqual([{ mutationId: refused.mutationId, status: 'applied' }]);
      expect(JSON.stringify(answer.body)).not.toContain('geheim');
      expect((await loadRecords(test.database.db, 'ridderkerk', [replay.recordId])).has(replay.recordId)).toBe(true);
    });

    it('does not let an id used first by another device swallow a later real change', async () => {
      const squatted = mutation(ids, 'activity', ids(), { colour: 'rood' }, { device: 'vol-phone-09' });
      await client(volunteer).push('vol-phone-09', [squatted]);
      const real = { ...newActivity(ids, ids(), { device: 'coord-tablet-01' }), mutationId: squatted.mutationId };
      const answer = await client(coordinator).push('coord-tablet-01', [real]);
      expect(answer.body.results).toEqual([{ mutationId: real.mutationId, status: 'applied' }]);
      expect((await loadRecords(test.database.db, TENANT, [real.recordId])).has(real.recordId)).toBe(true);
      // The same device sending the same mutation again is the harmless duplicate it always was.
      expect((await client(coordinator).push('coord-tablet-01', [real])).body.results).toEqual([{ mutationId: real.mutationId, status: 'duplicate' }]);
    });

    it('refuses the same device reusing a mutation id for another record, and writes nothing for it', async () => {
      const used = newActivity(ids, ids(), { device: 'coord-tablet-01' });
      await client(coordinator).push('coord-tablet-01', [used]);
      const other = { ...newActivity(ids, ids(), { device: 'coord-tablet-01' }), mutationId: used.mutationId };
      const answer = await client(coordinator).push('coord-tablet-01', [other]);
      expect(answer.body.results).toMatchObject([
        { status: 'rejected', reason: 'invalid-payload', issues: [{ path: 'mutationId', message: 'already used for another record' }] },
      ]);
      expect((await loadRecords(test.database.db, TENANT, [other.recordId])).has(other.recordId)).toBe(false);
    });
  });

  describe('device ids', () => {
    const signIn = (deviceId: string) =>
      client().call('POST', '/api/v1/auth/sign-in', { email: coordinatorEmail(TENANT), password: TEST_COORDINATOR_PASSWORD, deviceId, deviceName: 'Telefoon' });

    it('gives a sign-in that names another person’s device id a fresh id, and the audit entry names that fresh id', async () => {
      const answer = await signIn('vol-phone-09');
      expect(answer.status).toBe(200);
      const granted = answer.body.me.deviceId as string;
      expect(granted).not.toBe('vol-phone-09');
      expect(granted).toMatch(/^[A-Za-z0-9-]{8,64}$/);
      const audit = await test.database.db
        .selectFrom('audit_log')
        .select(['device_id', 'user_id'])
        .where('action', '=', 'sign-in')
        .where('user_id', '=', answer.body.me.userId)
        .execute();
      expect(audit.map((entry) => entry.device_id)).toContain(granted);
      expect(audit.map((entry) => entry.device_id)).not.toContain('vol-phone-09');
      // The victim's session is untouched.
      expect((await client(volunteer).call('GET', '/api/v1/me')).body.deviceId).toBe('vol-phone-09');
    });

    it('keeps the id a person signs in with again on their own phone', async () => {
      const first = await signIn('own-laptop-0001');
      const again = await signIn('own-laptop-0001');
      expect([first.body.me.deviceId, again.body.me.deviceId]).toEqual(['own-laptop-0001', 'own-laptop-0001']);
    });

    it('never lets an invite redeemed under a victim’s device id write the victim’s counts', async () => {
      const activityId = ids();
      await putRecords(test.database, TENANT, [{ type: 'activity', id: activityId, values: activityValues('oranjebuurt', TEAM) }]);
      // The coordinator's tablet counts 12 at the door.
      await client(coordinator).push('coord-tablet-01', [attendance(ids, activityId, 'coord-tablet-01', { residents: { p: 12 } })]);

      const invite = (await client(coordinator).call('POST', '/api/v1/invites', { teamId: TEAM, displayName: 'Indringer' }, 'coord-tablet-01')).body as {
        code: string;
      };
      const session = await client().call('POST', '/api/v1/auth/invite', { code: invite.code, deviceId: 'coord-tablet-01', deviceName: 'Telefoon' });
      expect(session.status).toBe(200);
      const granted = session.body.me.deviceId as string;
      expect(granted).not.toBe('coord-tablet-01');
      const redeemAudit = await test.database.db
        .selectFrom('audit_log')
        .select('device_id')
        .where('action', '=', 'invite.redeem')
        .where('user_id', '=', session.body.me.userId)
        .execute();
      expect(redeemAudit).toEqual([{ device_id: granted }]);

      const token = session.body.token as string;
      const pushAs = (deviceId: string, mutations: unknown[]) =>
        client().send('/api/v1/sync/push', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ schemaVersion: 1, deviceId, mutations }),
        });
      // Claiming the tablet in the body: refused outright.
      expect((await pushAs('coord-tablet-01', [attendance(ids, activityId, 'coord-tablet-01', { residents: { p: 999_999 } })])).status).toBe(400);
      // Writing the tablet's entry under its own id: that one mutation is refused.
      const forged = await pushAs(granted, [attendance(ids, activityId, 'coord-tablet-01', { residents: { p: 999_999 } })]);
      expect(forged.status).toBe(200);
      expect((forged.body as { results: unknown[] }).results).toMatchObject([{ status: 'rejected', reason: 'foreign-counter' }]);

      // The tablet's later taps still count.
      await client(coordinator).push('coord-tablet-01', [attendance(ids, activityId, 'coord-tablet-01', { residents: { p: 13 } })]);
      const counts = (await loadRecords(test.database.db, TENANT, [attendanceIdFor(activityId)])).get(attendanceIdFor(activityId));
      expect(counts?.counters['residents']).toEqual({ 'coord-tablet-01': { p: 13, n: 0 } });
    });
  });
});
