// Dexie's liveQuery needs a global indexedDB, read when dexie loads; each store still gets its own IDBFactory.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../../src/server/limits.ts';
import { activityInput, manualClock } from '../../fixtures/factories.ts';
import { DEVICE_A, NOW } from '../../fixtures/fixed.ts';
import { openDevice, startTestServer, type TestServer } from './harness.ts';

const WINDOW_MS = 10 * 60_000;

/**
 * Issue 10, item 1 from the phone's side: a server over its limits answers
 * 429 quota-exceeded with Retry-After; the phone keeps every change, says
 * why it waits, does not come back before Retry-After, and then sends it all.
 */
describe('a phone meeting the server’s limits', () => {
  let server: TestServer | null = null;
  afterEach(() => server?.cleanup());

  it('keeps its outbox, waits out Retry-After, and then sends everything', async () => {
    const clock = manualClock();
    server = await startTestServer(clock.now, { limits: { ...DEFAULT_LIMITS, windowMs: WINDOW_MS, pushBytesPerDevice: 1_500 } });
    const phone = await openDevice(server, DEVICE_A, { now: clock.now });

    // The first pushes go through until the device crosses its limit.
    const results = [];
    for (let i = 0; i < 6; i++) {
      await phone.store.ui.activities.create(activityInput({ title: `Activiteit ${i}` }));
      results.push(await phone.sync('test'));
      clock.advance(1_000);
    }
    const refused = results.findIndex((result) => result?.ok === false);
    expect(refused).toBeGreaterThan(0);
    expect(results[refused]).toMatchObject({ ok: false, reason: 'quota-exceeded', retryAfterMs: expect.any(Number) });
    // The controller owns the backoff: its next attempt is no earlier than Retry-After.
    const status = phone.controller.status();
    expect(status).toMatchObject({ state: 'error', lastError: 'quota-exceeded' });
    // Not before the server said: the window closes 10 minutes after the first push.
    expect(status.nextAttemptAt).toBeGreaterThanOrEqual(NOW + WINDOW_MS);
    const waiting = (await phone.store.ui.outbox.summary()).pending;
    expect(waiting).toBe(6 - refused);

    clock.advance(WINDOW_MS);
    expect(await phone.sync('retry')).toMatchObject({ ok: true, pushed: 6 - refused });
    expect((await phone.store.ui.outbox.summary()).pending).toBe(0);
    const titles = await server.database.db.selectFrom('records').select('state').where('type', '=', 'activity').execute();
    expect(titles).toHaveLength(6);
  });
});
