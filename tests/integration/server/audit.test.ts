/**
 * The audit log: one entry per applied mutation (who, which device, which
 * record, which mutation, which fields and counts changed), one per account
 * event, written in the same transaction as the change — and never changed
 * afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { AuditPageSchema } from '../../../src/domain/auth.ts';
import { attendanceIdFor } from '../../../src/domain/attendance.ts';
import { createApp } from '../../../src/server/app.ts';
import { coordinatorEmail } from '../../../src/server/seed.ts';
import { TEST_COORDINATOR_PASSWORD, createTestUser, type TestUser } from '../../fixtures/server-auth.ts';
import { attendance, editActivity, idFactory, newActivity } from '../../fixtures/server-mutations.ts';
import { DEVICE_A, DEVICE_B, NOW, TENANT } from '../../fixtures/fixed.ts';
import { apiClient } from './api-client.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from './databases.ts';

describe.each(DIALECTS)('the audit log on %s', (dialect) => {
  let test: TestDatabase;
  let coordinator: TestUser;
  let initial: unknown[];
  const ids = idFactory(0xa0d1);
  const client = (user?: TestUser) => apiClient(createApp({ db: test.database, now: () => NOW }), user);
  // Audit entries are numbered per tenant (issue 10, item 12): these read the test tenant's. The columns this file asserts (`detail`, since 0006, is for invites and lock-outs).
  const entriesSince = async (seq: number) =>
    test.database.db
      .selectFrom('audit_log')
      .select(['seq', 'tenant_id', 'at', 'user_id', 'device_id', 'action', 'record_type', 'record_id', 'mutation_id', 'fields'])
      .where('tenant_id', '=', TENANT)
      .where('seq', '>', seq)
      .orderBy('seq')
      .execute();
  const lastSeq = async () =>
    Number((await test.database.db.selectFrom('sequences').select('value').where('name', '=', `audit:${TENANT}`).executeTakeFirstOrThrow()).value);

  beforeAll(async () => {
    test = await openTestDatabase(dialect);
    coordinator = await createTestUser(test.database, { role: 'coordinator', devices: [DEVICE_A, DEVICE_B] });
    initial = await test.database.db.selectFrom('audit_log').selectAll().orderBy('tenant_id').orderBy('seq').execute();
  });
  afterAll(() => test.cleanup());

  it('records each applied mutation with user, device, record, mutation and the names it changed, a rejected one with its reason — and nothing for repeated ones', async () => {
    const from = await lastSeq();
    const activityId = ids();
    const create = newActivity(ids, activityId, { device: DEVICE_A, offsetMs: -5000 });
    const edit = editActivity(ids, activityId, { title: 'Nieuwe titel', notes: 'Twaalf bewoners' }, { device: DEVICE_A, offsetMs: -4000 });
    const counts = attendance(ids, activityId, DEVICE_A, { residents: { p: 3 }, 'pc4:2951': { p: 1 } }, -3000);
    const rejected = newActivity(ids, ids(), { device: DEVICE_A }, { colour: 'rood' });
    await client(coordinator).push(DEVICE_A, [create, edit, counts, rejected]);
    await client(coordinator).push(DEVICE_A, [create, edit]);
    const remove = editActivity(ids, activityId, { deleted: true }, { device: DEVICE_B, offsetMs: -1000 });
    await client(coordinator).push(DEVICE_B, [remove]);

    const entries = await entriesSince(from);
    expect(entries.map((entry) => ({ ...entry, fields: JSON.parse(entry.fields) }))).toEqual([
      {
        seq: from + 1,
        tenant_id: TENANT,
        at: NOW,
        user_id: coordinator.userId,
        device_id: DEVICE_A,
        action: 'record.create',
        record_type: 'activity',
        record_id: activityId,
        mutation_id: create.mutationId,
        fields: Object.keys(create.fields),
      },
      {
        seq: from + 2,
        tenant_id: TENANT,
        at: NOW,
        user_id: coordinator.userId,
        device_id: DEVICE_A,
        action: 'record.update',
        record_type: 'activity',
        record_id: activityId,
        mutation_id: edit.mutationId,
        fields: ['title', 'notes'],
      },
      {
        seq: from + 3,
        tenant_id: TENANT,
        at: NOW,
        user_id: coordinator.userId,
        device_id: DEVICE_A,
        action: 'record.create',
        record_type: 'attendance',
        record_id: attendanceIdFor(activityId),
        mutation_id: counts.mutationId,
        fields: ['activityId', 'residents', 'pc4:2951'],
      },
      {
        seq: from + 4,
        tenant_id: TENANT,
        at: NOW,
        user_id: coordinator.userId,
        device_id: DEVICE_A,
        action: 'mutation.reject',
        record_type: null,
        record_id: rejected.recordId,
        mutation_id: rejected.mutationId,
        fields: ['unknown-field'],
      },
      {
        seq: from + 5,
        tenant_id: TENANT,
        at: NOW,
        user_id: coordinator.userId,
        device_id: DEVICE_B,
        action: 'record.delete',
        record_type: 'activity',
        record_id: activityId,
        mutation_id: remove.mutationId,
        fields: ['deleted'],
      },
    ]);
  });

  it('records account events: sign-in, invite created and redeemed, user created and changed, device revoked, sign-out', async () => {
    const from = await lastSeq();
    const anonymous = client();
    const session = (
      await anonymous.call('POST', '/api/v1/auth/sign-in', {
        email: coordinatorEmail(TENANT),
        password: TEST_COORDINATOR_PASSWORD,
        deviceId: 'audit-laptop-01',
        deviceName: 'Laptop',
      })
    ).body as {
      token: string;
      me: { userId: string };
    };
    const asCoordinator = (method: string, path: string, body?: unknown) =>
      anonymous.send(path, {
        method,
        headers: { authorization: `Bearer ${session.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const invite = (await asCoordinator('POST', '/api/v1/invites', { teamId: 'buurtpreventie-oranjebuurt', displayName: 'Noor' })).body as { code: string };
    const volunteer = (await anonymous.call('POST', '/api/v1/auth/invite', { code: invite.code, deviceId: 'noor-phone-01', deviceName: 'Telefoon' })).body as {
      me: { userId: string };
    };
    const staff = (
      await asCoordinator('POST', '/api/v1/users', {
        displayName: 'Opbouwwerker',
        email: 'opbouw@swa.example',
        password: 'lang-genoeg-hoor',
        role: 'professional',
      })
    ).body as { id: string };
    await asCoordinator('PATCH', `/api/v1/users/${staff.id}`, { buurtIds: ['oranjebuurt'] });
    await asCoordinator('DELETE', '/api/v1/devices/noor-phone-01');
    await asCoordinator('POST', '/api/v1/auth/sign-out');

    const entries = (await entriesSince(from)).map((entry) => [
      entry.action,
      entry.user_id,
      entry.device_id,
      entry.record_type,
      entry.record_id,
      JSON.parse(entry.fields),
    ]);
    const me = session.me.userId;
    expect(entries).toEqual([
      ['sign-in', me, 'audit-laptop-01', null, null, []],
      ['invite.create', me, 'audit-laptop-01', 'team', 'buurtpreventie-oranjebuurt', []],
      ['record.update', volunteer.me.userId, 'noor-phone-01', 'team', 'buurtpreventie-oranjebuurt', ['memberIds']],
      ['invite.redeem', volunteer.me.userId, 'noor-phone-01', 'team', 'buurtpreventie-oranjebuurt', []],
      ['user.create', me, 'audit-laptop-01', 'user', staff.id, ['displayName', 'role', 'buurtIds', 'email', 'password']],
      ['user.update', me, 'audit-laptop-01', 'user', staff.id, ['buurtIds']],
      ['device.revoke', me, 'audit-laptop-01', 'device', 'noor-phone-01', ['revokedAt']],
      ['sign-out', me, 'audit-laptop-01', null, null, []],
    ]);
    // The password itself appears nowhere in the log.
    expect(JSON.stringify(await entriesSince(from))).not.toContain('lang-genoeg-hoor');
  });

  it('serves entries to coordinators in the domain’s shape', async () => {
    const page = z.parse(AuditPageSchema, (await client(coordinator).call('GET', '/api/v1/audit?limit=5')).body);
    expect(page.entries).toHaveLength(5);
    expect(page.cursor).toBe(String(page.entries.at(-1)?.seq));
  });

  it('never changed an entry once written: every earlier entry is as it was, numbered without gaps per tenant', async () => {
    const now = await test.database.db.selectFrom('audit_log').selectAll().orderBy('tenant_id').orderBy('seq').execute();
    const known = new Set(initial.map((entry) => JSON.stringify(entry)));
    expect(now.filter((entry) => known.has(JSON.stringify(entry)))).toHaveLength(initial.length);
    for (const tenant of new Set(now.map((entry) => entry.tenant_id))) {
      const seqs = now.filter((entry) => entry.tenant_id === tenant).map((entry) => entry.seq);
      expect(seqs).toEqual(seqs.map((_, index) => index + 1));
    }
  });
});
