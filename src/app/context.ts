/** What every screen may reach: the store, the sync status, config, language, announcements, navigation. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Principal } from '../domain/permissions.ts';
import type { Me, Session } from '../store/session.ts';
import type { StorageInfo } from '../store/settings.ts';
import type { Config } from '../domain/config-records.ts';
import type { AccountApi } from '../sync/account-api.ts';
import type { Lang } from './i18n/translate.ts';
import type { SyncController, SyncResult } from './ports.ts';
import type { UiStore } from '../store/ui-store.ts';
import type { Route } from './router.ts';

/** Browser capabilities the screens use, injected so nothing reaches for globals. */
export type Platform = {
  document: Document;
  localStorage: Storage | undefined;
  requestPersistence(): Promise<boolean | null>;
  storageInfo(): Promise<StorageInfo>;
};

export type AppContextValue = {
  store: UiStore;
  /** The sync status (src/sync/controller.ts); the engine itself loads right after the first render. */
  sync: Pick<SyncController, 'status' | 'subscribe'>;
  config: Config;
  deviceId: string;
  /** Who is signed in; kept (marked expired) when the session runs out. */
  session: Session;
  me: Me;
  /** The person as the permission table sees them (src/app/abilities.ts). */
  principal: Principal;
  /** The session ran out: local work goes on, sending waits for a new sign-in. */
  isSessionExpired: boolean;
  /** The account calls (users, devices, invites, audit); they need a connection. */
  api(): Promise<AccountApi>;
  /** Signed in again (after expiry): local data kept and sent. */
  onSignedIn(session: Session): Promise<void>;
  /** Sign out: tell the server, then wipe this device. */
  signOut(): Promise<void>;
  /** The UI language; a component's words come from `useT` (i18n/use-t.ts). */
  lang: Lang;
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
