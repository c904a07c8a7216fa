/**
 * The tenant's configuration (buurten, partners, themes, activity types,
 * projects, teams): records like any other, synced by the outbox. Reading it
 * is needed for the first screen, so its code (the schemas in
 * config-records.ts, and zod with them) loads while the database opens,
 * beside the first screen, not in its download; editing (config-write.ts)
 * loads with the admin screens, which only coordinators open.
 */
import { CONFIG_RECORD_TYPES, type ConfigRecordType } from '../domain/codes.ts';
import type { Config } from '../domain/config-records.ts';
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
  const parse = core.lazy(() => import('../domain/config-records.ts'));
  parse.preload();
  return {
    get: () =>
      parse(async ({ configFromRecords }) => {
        const records = await db.records.where('type').anyOf(CONFIG_RECORD_TYPES).toArray();
        return configFromRecords({ id: core.tenantId, name: tenantName }, records);
      }),
    save: (type, id, values) => writes((w) => w.saveConfigItem(core, type, id, values)),
  };
}
