/** What every screen may reach: the store, the sync engine, config, language, announcements, navigation. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { TenantConfig } from '../domain/tenant-config.ts';
import type { StorageInfo } from '../store/settings.ts';
import type { Lang, T } from './i18n/translate.ts';
import type { Store, SyncEngine, SyncResult } from './ports.ts';
import type { Route } from './router.ts';


/** Browser capabilities the screens use, injected so nothing reaches for globals. */
export type Platform = {
  document: Document;
  localStorage: Storage | undefined;
  requestPersistence(): Promise<boolean | null>;
  storageInfo(): Promise<StorageInfo>;
};

export type AppContextValue = {
  store: Store;
  /** The sync engine's status; the engine itself loads right after the first render. */
  engine: Pick<SyncEngine, 'status' | 'subscribe'>;
  config: TenantConfig;
  deviceId: string;
  lang: Lang;
  t: T;
  setLang(lang: Lang): void;
  /** Say something to screen-reader users through the polite live region. */
  announce(message: string): void;
  navigate(route: Route, opts?: { replace?: boolean }): void;
  /** "Nu synchroniseren": inside the one-tab lock; null when another tab is already syncing. */
  syncNow(): Promise<SyncResult | null>;
  now(): number;
  platform: Platform;
};

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside <AppContext.Provider>');
  return value;
}
