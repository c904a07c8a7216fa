/**
 * Phones and the real server in one process: the Hono app on a temporary
 * SQLite file, driven through `app.request()` (no ports), and devices made of
 * a store on their own fake IndexedDB plus a sync engine.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp } from '../../../src/server/app.ts';
import { createDatabase } from '../../../src/server/db/database.ts';
import { migrateToLatest } from '../../../src/server/db/migrator.ts';
import { seed } from '../../../src/server/seed.ts';
import type { Store } from '../../../src/store/store.ts';
import { createSyncEngine, type SyncEngine, type SyncEngineOptions } from '../../../src/sync/engine.ts';
import type { FetchLike } from '../../../src/sync/http.ts';
import { T0, TENANT, openTestStore } from '../../fixtures/factories.ts';

export type TestServer = { fetch: FetchLike; cleanup(): Promise<void> };

export async function startTestServer(now: () => number = () => T0): Promise<TestServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'buurtlog-sync-'));
  const database = createDatabase({ dataDir });
  await migrateToLatest(database);
  await seed(database, now());
  const app = createApp({ db: database, now });
  return {
    fetch: (url, init) => app.request(url, init),
    async cleanup() {
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export type Network = {
  /** What the next calls meet; 'up' passes them to the server. */
  mode: 'up' | 'offline' | 'server-error' | 'unauthenticated' | 'outdated' | 'lose-push-answer' | 'push-twice';
  calls: string[];
  /** Runs before a call reaches the server (to change the phone mid-sync). */
  beforeCall?: (url: string, init: RequestInit) => Promise<void> | void;
};

/** A fetch to `server` through a network the test controls. */
export function networkTo(server: TestServer): { fetch: FetchLike; network: Network } {
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

export type Device = { store: Store; engine: SyncEngine; network: Network };

export async function openDevice(
  server: TestServer,
  deviceId: string,
  options: { now?: () => number; tenantId?: string; engine?: Partial<SyncEngineOptions> } = {},
): Promise<Device> {
  const now = options.now ?? (() => T0);
  const store = await openTestStore({ deviceId, now, ...(options.tenantId ? { tenantId: options.tenantId } : {}) });
  const { fetch, network } = networkTo(server);
  const engine = createSyncEngine({
    store,
    fetch,
    now,
    random: () => 0.5,
    headers: () => ({ 'X-Device-Id': deviceId, 'X-Tenant-Id': TENANT }),
    ...options.engine,
  });
  return { store, engine, network };
}
