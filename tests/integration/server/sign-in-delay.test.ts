/**
 * Wrong passwords slow the address they come from, not the account: a
 * guesser waits longer after every failure past the fifth (1, 2, 4 …
 * minutes), while the owner on another address signs in at once. An address
 * is also limited over all accounts. The start of a delay is in the audit
 * log. The clock is injected: no test waits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FAILURES_PER_ADDRESS } from '../../../src/server/auth/rate-limit.ts';
import { FIRST_DELAY_MS, FREE_FAILURES, MAX_DELAY_MS, delayAfter } from '../../../src/server/auth/sign-in-delay.ts';
import { createApp } from '../../../src/server/app.ts';
import { coordinatorEmail } from '../../../src/server/seed.ts';
import { TEST_COORDINATOR_PASSWORD } from '../../fixtures/server-auth.ts';
import { NOW, TENANT } from '../../fixtures/fixed.ts';
import { apiClient } from './api-client.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from './databases.ts';

const COORDINATOR = coordinatorEmail(TENANT);
const MINUTE = 60_000;

describe('the delay after the n-th failure', () => {
  it('is nothing for the first four, then doubles from a minute up to an hour', () => {
    expect(Array.from({ length: FREE_FAILURES - 1 }, (_, i) => delayAfter(i + 1))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8].map(delayAfter)).toEqual([FIRST_DELAY_MS, 2 * FIRST_DELAY_MS, 4 * FIRST_DELAY_MS, 8 * FIRST_DELAY_MS]);
    expect(delayAfter(40)).toBe(MAX_DELAY_MS);
  });
});

describe.each(DIALECTS)('sign-in delays on %s', (dialect) => {
  let test: TestDatabase;
  const signIn = (at: number, address: string, password: string, email = COORDINATOR) =>
    apiClient(createApp({ db: test.database, now: () => at }), undefined, address).call('POST', '/api/v1/auth/sign-in', {
      email,
      password,
      deviceId: 'delay-phone-01',
      deviceName: 'Telefoon',
    });
  const locks = () =>
    test.database.db.selectFrom('audit_log').select(['user_id', 'action', 'detail']).where('action', '=', 'sign-in.lock').orderBy('seq').execute();

  beforeAll(async () => {
    test = await openTestDatabase(dialect);
  });
  afterAll(() => test.cleanup());

  it('keeps the owner on another address in while the guessing address waits, longer after each failure', async () => {
    const attacker = '203.0.113.7';
    for (let attempt = 1; attempt <= FREE_FAILURES; attempt++) expect((await signIn(NOW, attacker, `fout-${attempt}`)).status).toBe(401);

    const refused = await signIn(NOW, attacker, TEST_COORDINATOR_PASSWORD);
    expect(refused).toMatchObject({ status: 429, body: { error: { reason: 'rate-limited' } } });
    expect(refused.headers.get('retry-after')).toBe('60');
    // The owner, on their own phone's address, right away.
    expect((await signIn(NOW + 1000, '192.0.2.200', TEST_COORDINATOR_PASSWORD)).status).toBe(200);

    // After the minute one more guess, then two minutes' wait, then four.
    expect((await signIn(NOW + MINUTE, attacker, 'fout-6')).status).toBe(401);
    expect((await signIn(NOW + MINUTE + 1000, attacker, 'fout-7')).headers.get('retry-after')).toBe('119');
    expect((await signIn(NOW + 3 * MINUTE, attacker, 'fout-7')).status).toBe(401);
    expect((await signIn(NOW + 3 * MINUTE, attacker, 'fout-8')).headers.get('retry-after')).toBe('240');

    const [lock] = await locks();
    expect(await locks()).toHaveLength(1);
    expect(lock).toMatchObject({ action: 'sign-in.lock' });
    expect(JSON.parse(lock?.detail as string)).toEqual({ scope: 'account-address', until: NOW + MINUTE });
  });

  it('never keeps the coordinator out for good: a few wrong passwords from many addresses block none of them, nor the owner', async () => {
    const at = NOW + 2 * 60 * MINUTE;
    for (let i = 0; i < 6; i++) expect((await signIn(at, `198.51.100.${100 + i}`, 'fout')).status).toBe(401);
    expect((await signIn(at, '192.0.2.201', TEST_COORDINATOR_PASSWORD)).status).toBe(200);
  });

  it('forgets an address’s failures once the account signs in from there', async () => {
    const at = NOW + 4 * 60 * MINUTE;
    const address = '203.0.113.8';
    for (let attempt = 1; attempt < FREE_FAILURES; attempt++) expect((await signIn(at, address, 'fout')).status).toBe(401);
    expect((await signIn(at, address, TEST_COORDINATOR_PASSWORD)).status).toBe(200);
    for (let attempt = 1; attempt < FREE_FAILURES; attempt++) expect((await signIn(at, address, 'fout')).status).toBe(401);
    expect((await signIn(at, address, TEST_COORDINATOR_PASSWORD)).status).toBe(200);
  });

  it(`limits an address to ${MAX_FAILURES_PER_ADDRESS} failures over all accounts`, async () => {
    const at = NOW + 6 * 60 * MINUTE;
    const address = '203.0.113.9';
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) expect((await signIn(at, address, 'fout', `iemand${i}@example.nl`)).status).toBe(401);
    expect((await signIn(at, address, TEST_COORDINATOR_PASSWORD)).status).toBe(429);
    expect((await signIn(at, '203.0.113.10', TEST_COORDINATOR_PASSWORD)).status).toBe(200);
  });

  it('counts parallel guesses each: no more than the free ones are checked before the delay', async () => {
    const at = NOW + 8 * 60 * MINUTE;
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => signIn(at, '203.0.113.11', `fout-${i}`)));
    expect(answers.filter((answer) => answer.status === 401).length).toBeLessThanOrEqual(FREE_FAILURES);
    expect(answers.every((answer) => answer.status === 401 || answer.status === 429)).toBe(true);
  });
});
