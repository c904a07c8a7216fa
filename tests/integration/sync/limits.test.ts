// Dexie's liveQuery needs a global indexedDB, read when dexie loads; each store still gets its own IDBFactory.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../../src/server/limits.ts';
import { PHONE_A, T0, activityInput, manualClock } from '../../fixtures/factories.ts';
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
    const phone = await openDevice(server, PHONE_A, { now: clock.now });

    // The first pushes go through until the device crosses its limit.
    const results = [];
    for (let i = 0; i < 6; i++) {
      await phone.store.createActivity(activityInput({ title: `Activiteit ${i}` }));
      results.push(await phone.engine.sync('test'));
      clock.advance(1_000);
    }
    const refused = results.findIndex((result) => !result.ok);
    expect(refused).toBeGreaterThan(0);
    expect(results[refused]).toEqual({ ok: false, reason: 'quota-exceeded' });
    const status = phone.engine.status();
    expect(status).toMatchObject({ state: 'error', lastError: 'quota-exceeded' });
    // Not before the server said: the window closes 10 minutes after the first push.
    expect(status.nextAttemptAt).toBeGreaterThanOrEqual(T0 + WINDOW_MS);
    const waiting = (await phone.store.syncSummary()).pending;
    expect(waiting).toBe(6 - refused);

    clock.advance(WINDOW_MS);
    expect(await phone.engine.sync('retry')).toMatchObject({ ok: true, pushed: 6 - refused });
    expect((await phone.store.syncSummary()).pending).toBe(0);
    const titles = await server.database.db.selectFrom('records').select('state').where('type', '=', 'activity').execute();
    expect(titles).toHaveLength(6);
  });
});
