/**
 * The sync engine and its triggers, wired to this page. main.tsx imports this
 * module right after the first render: the engine, the HTTP layer and the
 * protocol's response schemas are not part of the first download.
 */
import { SESSION_DAYS } from '../../domain/auth.ts';
import { getSession } from '../../store/session.ts';
import { extendSession, updateMe } from '../../store/session-changes.ts';
import type { SyncStore } from '../../store/sync-store.ts';
import type { AccountApi } from '../../sync/account-api.ts';
import { createSyncEngine, type AuthReason } from '../../sync/engine.ts';
import { startSyncTriggers, type TriggerOptions } from '../../sync/triggers.ts';
import type { SessionSlot } from '../session-slot.ts';
import type { StartedSync } from '../sync-slot.ts';

export type StartSyncOptions = {
  store: SyncStore;
  deviceId: string;
  baseUrl: string;
  window: Window;
  sessions: SessionSlot;
  /** A 401: sign in again (expired, unknown) or wipe (revoked). */
  onAuthProblem(reason: AuthReason): void;
  accountApi(): Promise<AccountApi>;
};

export function startSync({ store, baseUrl, window: win, sessions, onAuthProblem, accountApi }: StartSyncOptions): StartedSync {
  const engine = createSyncEngine({
    store,
    fetch: win.fetch.bind(win),
    baseUrl,
    now: Date.now,
    // Read for every call: another tab may have signed in again meanwhile.
    headers: async () => ({ authorization: `Bearer ${(await getSession())?.token ?? sessions.current().token}` }),
    onAuthProblem,
  });

  // The server slides a session along with every contact; so does the local copy.
  let lastSuccess: number | null = null;
  engine.subscribe((status) => {
    if (status.lastSuccessAt === null || status.lastSuccessAt === lastSuccess) return;
    lastSuccess = status.lastSuccessAt;
    void extendSession(Date.now() + SESSION_DAYS * 24 * 60 * 60_000).then((session) => session && sessions.set(session), () => {});
  });

  // Role, buurten or teams may have changed since the last start.
  void accountApi()
    .then((api) => api.me())
    .then((me) => updateMe(me))
    .then((session) => session && sessions.set(session))
    .catch(() => {});

  // The cast: triggers type Background Sync's `registration.sync`, which
  // TypeScript's DOM lib does not know yet.
  const triggers = startSyncTriggers(engine, {
    window: win,
    document: win.document,
    navigator: win.navigator as unknown as TriggerOptions['navigator'],
  });
  return { engine, triggers };
}
