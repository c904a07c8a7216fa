/**
 * Phones and the real server in one process: the Hono app on a temporary
 * SQLite file, driven through `app.request()` (no ports), and devices made of
 * a store on their own fake IndexedDB plus a sync engine that sends a real
 * device token (tests/fixtures/server-auth.ts signs them in), run through a
 * sync controller as in the app (never started: the tests say when to sync).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp } from '../../../src/server/app.ts';
import { createDatabase, type Database } from '../../../src/server/db/database.ts';
import type { Limits } from '../../../src/server/limits.ts';
import { migrateToLatest } from '../../../src/server/db/migrator.ts';
import { SEED_TENANTS, seed } from '../../../src/server/seed.ts';
import type { AuthReason } from '../../../src/sync/auth-reasons.ts';
import { createSyncController, type SyncController } from '../../../src/sync/controller.ts';
import { createSyncEngine, type SyncEngine, type SyncEngineOptions, type SyncResult } from '../../../src/sync/engine.ts';
import type { FetchLike } from '../../../src/sync/http.ts';
import { createTestUser, signInDevice, type TestUser, type TestUserOptions } from '../../fixtures/server-auth.ts';
import { afterEach, beforeEach } from 'vitest';
import { manualClock, openTestStore, type TestStore } from '../../fixtures/factories.ts';
import { DEVICE_A, DEVICE_B, DEVICE_C, NOW, TENANT } from '../../fixtures/fixed.ts';

/** How many configuration records (buurten, partners, themes, types, teams) the seed gives the test tenant. */
export const SEEDED_RECORDS = SEED_TENANTS.find((tenant) => tenant.id === TENANT)?.items.length ?? 0;

export type TestServer = {
  fetch: FetchLike;
  database: Database;
  /** The tenant's coordinator, signed in on DEVICE_A, DEVICE_B and DEVICE_C. */
  coordinator: TestUser;
  /** Another person of the tenant with signed-in devices. */
  addUser(options: TestUserOptions): Promise<TestUser>;
  cleanup(): Promise<void>;
};

export async function startTestServer(now: () => number = () => NOW, options: { limits?: Limits } = {}): Promise<TestServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'buurtlog-sync-'));
  const database = createDatabase({ dataDir });
  await migrateToLatest(database);
  // No one signs in with the seeded coordinator's password here: a hash that matches nothing spares the scrypt.
  await seed(database, { now: now(), coordinatorPasswordHash: 'not-a-password-hash' });
  const app = createApp({ db: database, now, ...(options.limits ? { limits: options.limits } : {}) });
  const addUser = (options: TestUserOptions) => createTestUser(database, { signedInAt: now(), ...options });
  return {
    fetch: (url, init) => app.request(url, init),
    database,
    coordinator: await addUser({ role: 'coordinator', devices: [DEVICE_A, DEVICE_B, DEVICE_C], displayName: 'Coördinator' }),
    addUser,
    async cleanup() {
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export type ManualClock = ReturnType<typeof manualClock>;

/**
 * A fresh server and a clock that moves only when told, for each test of the
 * file; `use` hands them over before each test.
 *
 * @example
 * let server: TestServer;
 * let clock: ManualClock;
 * eachTestServer((s, c) => ((server = s), (clock = c)));
 */
export function eachTestServer(use: (server: TestServer, clock: ManualClock) => void): void {
  let current: TestServer | null = null;
  beforeEach(async () => {
    const clock = manualClock();
    current = await startTestServer(clock.now);
    use(current, clock);
  });
  afterEach(() => current?.cleanup());
}

export type Network = {
  /** What the next calls meet; 'up' passes them to the server. */
  mode: 'up' | 'offline' | 'server-error' | 'unauthenticated' | 'outdated' | 'lose-push-answer' | 'push-twice';
  calls: string[];
  /** Runs before a call reaches the server (to change the phone mid-sync). */
  beforeCall?: (url: string, init: RequestInit) => Promise<void> | void;
};

/** A fetch to `server` through a network the test controls. */
export function networkTo(server: Pick<TestServer, 'fetch'>): { fetch: FetchLike; network: Network } {
  const network: Network = { mode: 'up', calls: [] };
  const fetch: FetchLike = async (url, init) => {
    network.calls.push(`${init.method ?? 'GET'} ${url.split('?')[0]}`);
    await network.beforeCall?.(url, init);
    const isPush = init.method === 'POST';
    switch (network.mode) {
      case 'offline':
        throw new TypeError('Failed to fetch');
      case 'server-error':
        return new Response('Bad gateway', { status: 502 });
      case 'unauthenticated':
        return Response.json({ error: { reason: 'unauthenticated', message: 'Sign in again.' } }, { status: 401 });
      case 'outdated':
        return Response.json({ error: { reason: 'client-outdated', message: 'Update the app.' } }, { status: 426 });
      case 'lose-push-answer':
        if (!isPush) break;
        // The server applies the push, the answer never reaches the phone.
        await server.fetch(url, init);
        throw new TypeError('Network connection was lost');
      case 'push-twice':
        if (!isPush) break;
        await server.fetch(url, init);
        break;
      case 'up':
        break;
    }
    return server.fetch(url, init);
  };
  return { fetch, network };
}

export type Device = {
  store: TestStore;
  engine: SyncEngine;
  /** Single-flight, status and backoff around the engine, as in the app. */
  controller: SyncController;
  /** One sync through the controller (null only while another runs in its tab lock: not here). */
  sync(trigger?: string): Promise<SyncResult | null>;
  network: Network;
  /** The 401 reasons the controller reported, in order. */
  authProblems: AuthReason[];
  /** The token the engine sends; a new sign-in replaces it. */
  token: { value: string };
};

export async function openDevice(
  server: TestServer,
  deviceId: string,
  options: { now?: () => number; tenantId?: string; user?: TestUser; factory?: IDBFactory; engine?: Partial<SyncEngineOptions> } = {},
): Promise<Device> {
  const now = options.now ?? (() => NOW);
  const store = await openTestStore({
    deviceId,
    now,
    ...(options.tenantId ? { tenantId: options.tenantId } : {}),
    ...(options.factory ? { factory: options.factory } : {}),
  });
  const { fetch, network } = networkTo(server);
  const user = options.user ?? server.coordinator;
  // A phone the user has not used yet signs in first, as a new phone would.
  const token = {
    value: user.tokens.get(deviceId) ?? (await signInDevice(server.database, { tenantId: user.tenantId, userId: user.userId, deviceId, signedInAt: now() })),
  };
  const authProblems: AuthReason[] = [];
  const engine = createSyncEngine({
    store: store.sync,
    fetch,
    now,
    random: () => 0.5,
    headers: () => ({ authorization: `Bearer ${token.value}` }),
    ...options.engine,
  });
  const controller = createSyncController({
    run: () => engine.run(),
    outbox: store.sync,
    now,
    random: () => 0.5,
    onAuthProblem: (reason) => authProblems.push(reason),
  });
  return { store, engine, controller, sync: (trigger = 'test') => controller.syncNow(trigger), network, authProblems, token };
}

export { DEVICE_A, DEVICE_B, DEVICE_C };
