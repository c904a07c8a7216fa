/**
 * Control characters (NUL and the other C0 characters) in any string the
 * API takes are refused with 400 on both databases — never a 500 because
 * PostgreSQL cannot store NUL in text. Multi-line text keeps tab and newline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/server/app.ts';
import { loadRecords } from '../../../src/server/db/records.ts';
import { coordinatorEmail } from '../../../src/server/seed.ts';
import { TEST_COORDINATOR_PASSWORD, createTestUser, type TestUser } from '../../fixtures/server-auth.ts';
import { NOW, TENANT } from '../../fixtures/fixed.ts';
import { editActivity, idFactory, newActivity } from '../../fixtures/server-mutations.ts';
import { apiClient } from './api-client.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from './databases.ts';

describe.each(DIALECTS)('control characters on %s', (dialect) => {
  let test: TestDatabase;
  let coordinator: TestUser;
  const ids = idFactory(0xc0c0);
  const client = (user?: TestUser) => apiClient(createApp({ db: test.database, now: () => NOW }), user);
  const device = 'ctrl-coord-phone-01';

  beforeAll(async () => {
    test = await openTestDatabase(dialect);
    coordinator = await createTestUser(test.database, { role: 'coordinator', devices: [device] });
  });
  afterAll(() => test.cleanup());

  it.each([
    ['a NUL in the e-mail', { email: 'a\u0000b@c.example', password: TEST_COORDINATOR_PASSWORD, deviceName: 'Telefoon' }, 'email'],
    ['a NUL in the device name', { email: coordinatorEmail(TENANT), password: TEST_COORDINATOR_PASSWORD, deviceName: 'Tele\u0000foon' }, 'deviceName'],
    ['a line break in the device name', { email: coordinatorEmail(TENANT), password: TEST_COORDINATOR_PASSWORD, deviceName: 'Tele\nfoon' }, 'deviceName'],
    ['a NUL in the password', { email: coordinatorEmail(TENANT), password: 'wacht\u0000woord', deviceName: 'Telefoon' }, 'password'],
  ])('refuses sign-in with %s (400)', async (_what, body, path) => {
    const answer = await client().call('POST', '/api/v1/auth/sign-in', { ...body, deviceId: 'ctrl-phone-0001' });
    expect(answer).toMatchObject({
      status: 400,
      body: { error: { reason: 'invalid-payload', issues: [expect.objectContaining({ path, message: expect.stringContaining('control characters') })] } },
    });
  });

  it('refuses an invite redemption with a NUL in the device name (400)', async () => {
    const answer = await client().call('POST', '/api/v1/auth/invite', { code: 'A'.repeat(22), deviceId: 'ctrl-phone-0002', deviceName: '\u0000' });
    expect(answer).toMatchObject({ status: 400, body: { error: { reason: 'invalid-payload' } } });
  });

  it('refuses display names with control characters, on creating and on changing a user (400)', async () => {
    const created = await client(coordinator).call('POST', '/api/v1/users', { displayName: 'Sanne\u0000', email: null, password: null, role: 'volunteer' });
    expect(created).toMatchObject({ status: 400, body: { error: { reason: 'invalid-payload', issues: [{ path: 'displayName' }] } } });
    const changed = await client(coordinator).call('PATCH', `/api/v1/users/${coordinator.userId}`, { displayName: 'Co\u0007ordinator' });
    expect(changed).toMatchObject({ status: 400, body: { error: { reason: 'invalid-payload', issues: [{ path: 'displayName' }] } } });
  });

  it('rejects record text with control characters and stores nothing, but keeps tab and newline in notes', async () => {
    const [titled, noted, named, fine] = [ids(), ids(), ids(), ids()];
    const { body } = await client(coordinator).push(device, [
      newActivity(ids, titled, { device }, { title: 'Koffie\u0000ochtend' }),
      newActivity(ids, noted, { device }, { notes: 'regel 1\u0000' }),
      {
        ...newActivity(ids, named, { device }),
        fields: { ...newActivity(ids, named, { device }).fields, 'no\u0000te': { v: 'x', t: newActivity(ids, named, { device }).fields['title']?.t } },
      },
      newActivity(ids, fine, { device }, { notes: 'regel 1\n\tregel 2\r\n' }),
    ]);
    expect(body.results.map((result) => result.status)).toEqual(['rejected', 'rejected', 'rejected', 'applied']);
    expect(body.results[0]).toMatchObject({
      reason: 'invalid-payload',
      issues: [{ path: 'fields.title.v', message: expect.stringContaining('control characters') }],
    });
    expect(body.results[1]).toMatchObject({ reason: 'invalid-payload', issues: [{ path: 'fields.notes.v' }] });
    const stored = await loadRecords(test.database.db, TENANT, [titled, noted, named, fine]);
    expect([...stored.keys()]).toEqual([fine]);
    expect(stored.get(fine)?.fields['notes']?.v).toBe('regel 1\n\tregel 2\r\n');
    const edit = await client(coordinator).push(device, [editActivity(ids, fine, { title: 'Twee\nregels' }, { device, offsetMs: 1000 })]);
    expect(edit.body.results[0]).toMatchObject({ status: 'rejected', reason: 'invalid-payload' });
  });
});
