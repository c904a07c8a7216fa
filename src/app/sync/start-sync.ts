/**
 * The sync controller and its engine, wired to this page: the device token
 * on every call, the session kept alive along with the server's, and a
 * refused token handed to the session's actions. main.tsx loads this module
 * right after the first render (./lazy-controller.ts): the controller, the
 * engine, the HTTP layer and the protocol's response schemas are not part of
 * the first download.
 */
import { SESSION_DAYS } from '../../domain/auth.ts';
import type { Session } from '../../store/session.ts';
import { getSession } from '../../store/session.ts';
import { extendSession, updateMe } from '../../store/session-changes.ts';
import type { SyncStore } from '../../store/sync-store.ts';
import type { AccountApi } from '../../sync/account-api.ts';
import type { AuthReason } from '../../sync/auth-reasons.ts';
import { createSyncController, type SyncController, type SyncControllerOptions } from '../../sync/controller.ts';
import { createSyncEngine } from '../../sync/engine.ts';
import { createLiveStream } from '../../sync/live.ts';
import type { Observable } from '../../sync/observable.ts';
import type { SyncStatus } from '../../sync/status.ts';

export type StartSyncOptions = {
  store: SyncStore;
  baseUrl: string;
  window: Window;
  sessions: Observable<Session>;
  /** Where the controller writes its status (the header already reads it). */
  status: Observable<SyncStatus>;
  /** A 401: sign in again (expired, unknown) or wipe (revoked). */
  onAuthProblem(reason: AuthReason): void;
  accountApi(): AccountApi;
};

export function startSync({ store, baseUrl, window: win, sessions, status, onAuthProblem, accountApi }: StartSyncOptions): SyncController {
  // Read for every call: another tab may have signed in again meanwhile.
  const headers = async () => ({ authorization: `Bearer ${(await getSession())?.token ?? sessions.current().token}` });
  const engine = createSyncEngine({ store, fetch: win.fetch.bind(win), baseUrl, now: Date.now, headers });
  // The server's pokes while online and visible: a colleague's change arrives at once, not at the 60 s timer.
  const pokes = createLiveStream({
    fetch: win.fetch.bind(win),
    url: `${baseUrl}/api/v1/sync/events`,
    headers,
    window: win,
    document: win.document,
    navigator: win.navigator,
  });

  // Role, buurten or teams may have changed since the last start.
  void Promise.resolve()
    .then(() => accountApi().me())
    .then((me) => updateMe(me))
    .then((session) => session && sessions.set(session))
    .catch(() => {});

  return createSyncController({
    async run() {
      const result = await engine.run();
      // The server slides a session along with every contact; so does the local copy.
      if (result.ok)
        void extendSession(Date.now() + SESSION_DAYS * 24 * 60 * 60_000).then(
          (session) => session && sessions.set(session),
          () => {},
        );
      return result;
    },
    outbox: store,
    pokes,
    status,
    onAuthProblem,
    window: win,
    document: win.document,
    // The cast: Background Sync's `registration.sync` is not in TypeScript's DOM lib yet.
    navigator: win.navigator as unknown as SyncControllerOptions['navigator'],
  });
}
