/**
 * The sync controller of the running app. It is made with the app, so the
 * header shows a status from the first render and "Nu synchroniseren" works
 * at once; the engine (./app-engine.ts) and the session's actions load with
 * the first run, right after the first render, not with the first screen.
 */
import type { Session } from '../../store/session.ts';
import type { Store } from '../../store/store.ts';
import type { AccountApi } from '../../sync/account-api.ts';
import { createSyncController, type SyncController, type SyncControllerOptions } from '../../sync/controller.ts';
import type { SyncEngine } from '../../sync/engine.ts';
import type { AuthReason } from '../../sync/auth-reasons.ts';
import type { Observable } from '../../sync/observable.ts';

export type AppSyncOptions = {
  store: Store;
  baseUrl: string;
  window: Window;
  sessions: Observable<Session>;
  /** The session's actions: the account calls, and what a refused token (401) means. */
  actions(): Promise<{ api(): AccountApi; onAuthProblem(reason: AuthReason): void }>;
};

export function createAppSync({ store, baseUrl, window: win, sessions, actions }: AppSyncOptions): SyncController {
  let engine: Promise<SyncEngine> | null = null;
  const loadEngine = (): Promise<SyncEngine> =>
    (engine ??= Promise.all([import('./app-engine.ts'), actions()])
      .then(([{ createAppEngine }, a]) => createAppEngine({ store, baseUrl, window: win, sessions, accountApi: () => a.api() }))
      .catch((error: unknown) => {
        console.error('Buurtlog could not start syncing', error);
        // The run fails as 'internal'; the next one tries to load the code again.
        engine = null;
        throw error;
      }));

  return createSyncController({
    run: () => loadEngine().then((loaded) => loaded.run()),
    outbox: store,
    onAuthProblem: (reason) => void actions().then((a) => a.onAuthProblem(reason)),
    window: win,
    document: win.document,
    // The cast: Background Sync's `registration.sync` is not in TypeScript's DOM lib yet.
    navigator: win.navigator as unknown as SyncControllerOptions['navigator'],
  });
}
