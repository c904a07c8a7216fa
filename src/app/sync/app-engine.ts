/**
 * The sync engine, wired to this page: the device token on every call, and
 * the session kept alive along with the server's. The controller
 * (./app-sync.ts) loads this module for its first run: the engine, the HTTP
 * layer and the protocol's response schemas are not part of the first
 * download.
 */
import { SESSION_DAYS } from '../../domain/auth.ts';
import type { Session } from '../../store/session.ts';
import { getSession } from '../../store/session.ts';
import { extendSession, updateMe } from '../../store/session-changes.ts';
import type { Store } from '../../store/store.ts';
import type { AccountApi } from '../../sync/account-api.ts';
import { createSyncEngine, type SyncEngine } from '../../sync/engine.ts';
import type { Observable } from '../../sync/observable.ts';

export type AppEngineOptions = {
  store: Store;
  baseUrl: string;
  window: Window;
  sessions: Observable<Session>;
  accountApi(): AccountApi;
};

export function createAppEngine({ store, baseUrl, window: win, sessions, accountApi }: AppEngineOptions): SyncEngine {
  const engine = createSyncEngine({
    store,
    fetch: win.fetch.bind(win),
    baseUrl,
    now: Date.now,
    // Read for every call: another tab may have signed in again meanwhile.
    headers: async () => ({ authorization: `Bearer ${(await getSession())?.token ?? sessions.current().token}` }),
  });

  // Role, buurten or teams may have changed since the last start.
  void Promise.resolve()
    .then(() => accountApi().me())
    .then((me) => updateMe(me))
    .then((session) => session && sessions.set(session))
    .catch(() => {});

  return {
    async run() {
      const result = await engine.run();
      // The server slides a session along with every contact; so does the local copy.
      if (result.ok) void extendSession(Date.now() + SESSION_DAYS * 24 * 60 * 60_000).then((session) => session && sessions.set(session), () => {});
      return result;
    },
  };
}
