/**
 * A staff password on the list of common and breached passwords (or a
 * pattern like 'aaaaaaaaaa') is refused with its own reason, which the app
 * turns into Dutch words; nothing is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reasonText } from '../../../src/app/i18n/reasons.ts';
import { core } from '../../../src/app/i18n/core.ts';
import { createT } from '../../../src/app/i18n/translate.ts';
import { createApp } from '../../../src/server/app.ts';
import { createTestUser, type TestUser } from '../../fixtures/server-auth.ts';
import { NOW } from '../../fixtures/fixed.ts';
import { apiClient, snapshot } from './api-client.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from './databases.ts';

describe.each(DIALECTS)('common passwords on %s', (dialect) => {
  let test: TestDatabase;
  let coordinator: TestUser;
  const client = (user?: TestUser) => apiClient(createApp({ db: test.database, now: () => NOW }), user);
  const createStaff = (password: string, email: string) =>
    client(coordinator).call('POST', '/api/v1/users', { displayName: 'Wijkagent', email, password, role: 'coordinator' });

  beforeAll(async () => {
    test = await openTestDatabase(dialect);
    coordinator = await createTestUser(test.database, { role: 'coordinator', devices: ['pw-coord-01'] });
  });
  afterAll(() => test.cleanup());

  it.each(['aaaaaaaaaa', 'password123', 'qwertyuiop', 'Welkom2025!'])(
    'refuses %s for a new coordinator (400 password-common), storing nothing',
    async (password) => {
      const before = await snapshot(test.database);
      const answer = await createStaff(password, 'nieuw@alblasserdam.example');
      expect(answer).toMatchObject({ status: 400, body: { error: { reason: 'password-common', message: expect.stringContaining('common or breached') } } });
      expect(await snapshot(test.database)).toEqual(before);
    },
  );

  it('says why in Dutch, through the app’s words for the reason', () => {
    expect(reasonText('password-common', createT('nl', core))).toMatch(/te makkelijk te raden.*veelgebruikte of gelekte wachtwoorden/);
  });

  it('takes a password that is not on the list', async () => {
    expect((await createStaff('kraanvogel-langs-de-lek', 'agent@alblasserdam.example')).status).toBe(201);
  });
});
