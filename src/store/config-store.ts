/**
 * The tenant's configuration (buurten, partners, themes, activity types,
 * projects, teams): records like any other, synced by the outbox. Reading it
 * is needed for the first screen; editing (config-write.ts) loads with the
 * admin screens, which only coordinators open.
 */
import { CONFIG_RECORD_TYPES, configFromRecords, type Config, type ConfigRecordType } from '../domain/config-records.ts';
import type { StoreCore } from './core.ts';

export type ConfigStore = {
  get(): Promise<Config>;
  /** Add (id null) or change an item: a local write like any other. Resolves to the item's id. */
  save(type: ConfigRecordType, id: string | null, values: Readonly<Record<string, unknown>>): Promise<string>;
};

/** `tenantName`: the tenant's display name (from the session). */
export function configStore(core: StoreCore, tenantName: string): ConfigStore {
  const { db } = core;
  const writes = core.lazy(() => import('./config-write.ts'));
  return {
    async get() {
      const records = await core.run(() => db.records.where('type').anyOf(CONFIG_RECORD_TYPES).toArray());
      return configFromRecords({ id: core.tenantId, name: tenantName }, records);
    },
    save: (type, id, values) => writes((w) => w.saveConfigItem(core, type, id, values)),
  };
}
