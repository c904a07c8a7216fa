/**
 * Start-up without the DOM: find the tenant, open the store, refresh the
 * tenant config when the network allows, and work from the saved copy
 * otherwise. Every I/O is passed in, so tests/unit/app-bootstrap.test.ts
 * runs it with fakes.
 */
import * as z from 'zod/mini';
import { TenantConfigSchema, type TenantConfig } from '../domain/tenant-config.ts';

export type ConfigStore = {
  getConfig(): Promise<TenantConfig | null>;
  saveConfig(config: TenantConfig): Promise<void>;
};

export type BootstrapDeps<S extends ConfigStore> = {
  deviceId: string;
  getTenantId(): Promise<string | null>;
  setTenantId(id: string): Promise<void>;
  openStore(opts: { deviceId: string; tenantId: string }): Promise<S>;
  /** The server's config, unvalidated; rejects when offline. */
  fetchConfig(): Promise<unknown>;
};

export type Booted<S> =
  | { kind: 'ready'; store: S; config: TenantConfig; tenantId: string; isFirstStart: boolean; refresh: Promise<void> }
  | { kind: 'needs-network' };

export async function bootstrap<S extends ConfigStore>(deps: BootstrapDeps<S>): Promise<Booted<S>> {
  const tenantId = await deps.getTenantId();
  if (tenantId) {
    const store = await deps.openStore({ deviceId: deps.deviceId, tenantId });
    const saved = await store.getConfig();
    if (saved) {
      // Start at once from the saved copy; a newer config lands in the store
      // and reaches the UI through its live query.
      const refresh = fetchValidConfig(deps).then(async (config) => {
        if (config && config.id === tenantId) await store.saveConfig(config);
      });
      return { kind: 'ready', store, config: saved, tenantId, isFirstStart: false, refresh: refresh.catch(() => {}) };
    }
    const config = await fetchValidConfig(deps);
    if (!config || config.id !== tenantId) return { kind: 'needs-network' };
    await store.saveConfig(config);
    return { kind: 'ready', store, config, tenantId, isFirstStart: false, refresh: Promise.resolve() };
  }

  const config = await fetchValidConfig(deps);
  if (!config) return { kind: 'needs-network' };
  const store = await deps.openStore({ deviceId: deps.deviceId, tenantId: config.id });
  await store.saveConfig(config);
  await deps.setTenantId(config.id);
  return { kind: 'ready', store, config, tenantId: config.id, isFirstStart: true, refresh: Promise.resolve() };
}

async function fetchValidConfig(deps: { fetchConfig(): Promise<unknown> }): Promise<TenantConfig | null> {
  try {
    const parsed = z.safeParse(TenantConfigSchema, await deps.fetchConfig());
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** GET /api/v1/config with a time limit, so a dead network never hangs the start. */
export async function fetchConfigFrom(fetchFn: typeof fetch, baseUrl: string, timeoutMs = 8000): Promise<unknown> {
  const response = await fetchFn(`${baseUrl}/api/v1/config`, {
    headers: { accept: 'application/json' },
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) throw new Error(`config: HTTP ${response.status}`);
  return response.json();
}
