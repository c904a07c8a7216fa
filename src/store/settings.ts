/**
 * Small device settings in idb-keyval (its own IndexedDB database, apart from
 * the record store), and the browser's storage persistence.
 *
 * Every function takes an optional idb-keyval store, so tests can isolate
 * themselves; the default is idb-keyval's own.
 */
import { clear, get, set, update, type UseStore } from 'idb-keyval';
import { uuidv7 } from '../domain/uuid.ts';

export type Language = 'nl' | 'en';
/** Light or dark colours, or whatever the phone's system setting says. */
export type Theme = 'system' | 'light' | 'dark';
export type Settings = {
  language: Language;
  theme: Theme;
  /** When this person read "Wat Buurtlog bewaart en waarom" at first start. */
  privacyAcknowledgedAt: number;
  /** Space for others' photos in MB (Instellingen → Opslag); 0 or absent: automatic (src/app/photos/photo-budget.ts). */
  photoBudgetMb: number;
};

const DEVICE_ID_KEY = 'buurtlog:deviceId';
const settingKey = (key: keyof Settings) => `buurtlog:${key}`;

/**
 * This device's id: a UUIDv7 made once and kept. Two tabs opening at the same
 * time get the same id (idb-keyval's `update` reads and writes in one
 * transaction).
 */
export async function getOrCreateDeviceId(kv?: UseStore, now: () => number = Date.now): Promise<string> {
  let id: string | undefined;
  await update<string>(
    DEVICE_ID_KEY,
    (existing) => {
      id = existing ?? uuidv7(now());
      return id;
    },
    kv,
  );
  return id as string;
}

/**
 * Keep the device id the server granted at sign-in or invite (`me.deviceId`):
 * the server hands out a fresh one when the asked-for id belongs to someone
 * else (issue 10, item 3), and pushes must then come under the granted id.
 */
export async function adoptDeviceId(id: string, kv?: UseStore): Promise<void> {
  await set(DEVICE_ID_KEY, id, kv);
}

/**
 * Forget every setting, the session and the device id, and start over with a
 * new device id (wipeLocalData). A wiped device counts with a fresh id: its
 * old running totals are on the server, and counting again from zero under
 * the old id would be swallowed by the per-device maximum.
 */
export async function resetSettingsAndRotateDeviceId(kv?: UseStore, now: () => number = Date.now): Promise<string> {
  await clear(kv);
  const id = uuidv7(now());
  await set(DEVICE_ID_KEY, id, kv);
  return id;
}

export function getSetting<K extends keyof Settings>(key: K, kv?: UseStore): Promise<Settings[K] | undefined> {
  return get<Settings[K]>(settingKey(key), kv);
}

export function setSetting<K extends keyof Settings>(key: K, value: Settings[K], kv?: UseStore): Promise<void> {
  return set(settingKey(key), value, kv);
}

type StorageManagerLike = Partial<Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>>;
type NavigatorLike = { storage?: StorageManagerLike } | undefined;

/**
 * `available`: whether the browser has the storage API at all (WebKitGTK and
 * older Safari have no `navigator.storage`): without it the app cannot ask
 * for persistence nor say how much space there is.
 */
export type StorageInfo = { available: boolean; persisted: boolean | null; usage?: number; quota?: number };

/**
 * Ask the browser to keep this site's data. Safari otherwise evicts it after
 * seven days without use (unless the app is on the home screen). Null when
 * the browser has no such API.
 */
export async function requestPersistence(nav: NavigatorLike = globalThis.navigator): Promise<boolean | null> {
  const storage = nav?.storage;
  if (typeof storage?.persist !== 'function') return null;
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return true;
    return await storage.persist();
  } catch {
    return null;
  }
}

/** Whether storage is persistent, and how much of the quota is used (when the browser says). */
export async function storageInfo(nav: NavigatorLike = globalThis.navigator): Promise<StorageInfo> {
  const storage = nav?.storage;
  const [persisted, estimate] = await Promise.all([
    typeof storage?.persisted === 'function' ? storage.persisted().catch(() => null) : Promise.resolve(null),
    typeof storage?.estimate === 'function' ? storage.estimate().catch(() => null) : Promise.resolve(null),
  ]);
  return {
    available: typeof storage?.persisted === 'function' || typeof storage?.estimate === 'function',
    persisted,
    ...(typeof estimate?.usage === 'number' ? { usage: estimate.usage } : {}),
    ...(typeof estimate?.quota === 'number' ? { quota: estimate.quota } : {}),
  };
}
