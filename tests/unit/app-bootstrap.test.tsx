import { describe, expect, it } from 'vitest';
import { bootstrap, type ConfigStore } from '../../src/app/bootstrap.ts';
import type { TenantConfig } from '../../src/domain/tenant-config.ts';

const CONFIG: TenantConfig = {
  id: 'alblasserdam',
  name: 'Buurtkracht Alblasserdam',
  cbsCode: 'GM0482',
  buurten: [{ id: 'oranjebuurt', name: 'Oranjebuurt' }],
  partners: [{ id: 'swa', name: 'SWA', kind: 'welfare' }],
  themes: [],
  activityTypes: [],
};

function fakes(opts: { tenantId?: string; saved?: TenantConfig; online: boolean; served?: unknown }) {
  const settings: { tenantId: string | null } = { tenantId: opts.tenantId ?? null };
  const stores: Array<ConfigStore & { saved: TenantConfig | null; tenantId: string }> = [];
  const deps = {
    deviceId: 'device-a-0000-0001',
    getTenantId: async () => settings.tenantId,
    setTenantId: async (id: string) => {
      settings.tenantId = id;
    },
    openStore: async ({ tenantId }: { deviceId: string; tenantId: string }) => {
      const store = {
        tenantId,
        saved: opts.saved ?? null,
        getConfig: async () => store.saved,
        saveConfig: async (config: TenantConfig) => {
          store.saved = config;
        },
      };
      stores.push(store);
      return store;
    },
    fetchConfig: async () => {
      if (!opts.online) throw new TypeError('Failed to fetch');
      return opts.served ?? CONFIG;
    },
  };
  return { deps, settings, stores };
}

describe('starting Buurtlog', () => {
  it('first start online: takes the tenant from the server config, saves both', async () => {
    const { deps, settings, stores } = fakes({ online: true });
    const booted = await bootstrap(deps);
    expect(booted).toMatchObject({ kind: 'ready', tenantId: 'alblasserdam', isFirstStart: true, config: CONFIG });
    expect(settings.tenantId).toBe('alblasserdam');
    expect(stores[0]?.saved).toEqual(CONFIG);
  });

  it('first start offline: asks to connect once', async () => {
    const { deps, stores } = fakes({ online: false });
    expect(await bootstrap(deps)).toEqual({ kind: 'needs-network' });
    expect(stores).toEqual([]);
  });

  it('refuses a config that does not match the schema, as if offline', async () => {
    const { deps, settings } = fakes({ online: true, served: { id: 'Not A Slug' } });
    expect(await bootstrap(deps)).toEqual({ kind: 'needs-network' });
    expect(settings.tenantId).toBeNull();
  });

  it('later start offline: works from the saved config', async () => {
    const { deps } = fakes({ online: false, tenantId: 'alblasserdam', saved: CONFIG });
    const booted = await bootstrap(deps);
    expect(booted).toMatchObject({ kind: 'ready', config: CONFIG, isFirstStart: false });
  });

  it('later start online: starts from the saved config and saves the fresh one behind it', async () => {
    const fresh = { ...CONFIG, buurten: [...CONFIG.buurten, { id: 'schildersbuurt', name: 'Schildersbuurt' }] };
    const { deps, stores } = fakes({ online: true, tenantId: 'alblasserdam', saved: CONFIG, served: fresh });
    const booted = await bootstrap(deps);
    if (booted.kind !== 'ready') throw new Error('not ready');
    expect(booted.config).toEqual(CONFIG);
    await booted.refresh;
    expect(stores[0]?.saved).toEqual(fresh);
  });

  it('never saves another tenant’s config over this one', async () => {
    const { deps, stores } = fakes({ online: true, tenantId: 'alblasserdam', saved: CONFIG, served: { ...CONFIG, id: 'ridderkerk' } });
    const booted = await bootstrap(deps);
    if (booted.kind !== 'ready') throw new Error('not ready');
    await booted.refresh;
    expect(stores[0]?.saved).toEqual(CONFIG);
  });
});
