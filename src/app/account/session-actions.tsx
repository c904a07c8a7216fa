/**
 * What the running app does about its session beyond showing it: the
 * account calls, a new sign-in after the session ran out, signing out, and
 * the server refusing the token. Loaded on first use (the first sync
 * wants it), not with the first screen.
 */
import { render } from 'preact';
import type { Session } from '../../domain/auth.ts';
import { setSession } from '../../store/session.ts';
import { markSessionExpired } from '../../store/session-changes.ts';
import { adoptDeviceId } from '../../store/settings.ts';
import type { DeviceStore } from '../../store/store.ts';
import { createAccountApi, type AccountApi } from '../../sync/account-api.ts';
import type { SyncController } from '../../sync/controller.ts';
import type { AuthReason } from '../../sync/auth-reasons.ts';
import type { FetchLike } from '../../sync/http.ts';
import type { Observable } from '../../sync/observable.ts';
import { core } from '../i18n/core.ts';
import { loadCore, type Lang } from '../i18n/translate.ts';
import { Language } from '../i18n/use-t.ts';
import { Loading } from '../ui/StartScreens.tsx';
import type { GateNotice } from './Gate.tsx';
import { wipeDevice } from './wipe-device.ts';

export type SessionActionsOptions = {
  container: HTMLElement;
  store: DeviceStore;
  sync: Pick<SyncController, 'syncNow' | 'stop'>;
  sessions: Observable<Session>;
  /** The language the person uses now (it may have changed since start). */
  lang(): Lang;
  window: Window;
  fetch: FetchLike;
  baseUrl: string;
  storage: Storage | undefined;
  /** Back to the start gate (after a wipe), with a new device id. */
  showGate(deviceId: string, lang: Lang, notice: Exclude<GateNotice, null>): Promise<void>;
  onFailure(error: unknown): void;
};

export type SessionActions = {
  api(): AccountApi;
  onAuthProblem(reason: AuthReason): void;
  onSignedIn(session: Session): Promise<void>;
  signOut(): Promise<void>;
};

export function sessionActions(options: SessionActionsOptions): SessionActions {
  const { container, store, sync, sessions, window: win } = options;
  const tenantId = sessions.current().me.tenantId;
  let isWiping = false;

  /** Revoked, or signed out: close the app, wipe everything, back to the gate with a new device id. */
  const wipe = async (notice: Exclude<GateNotice, null>): Promise<void> => {
    if (isWiping) return;
    isWiping = true;
    sync.stop();
    const lang = options.lang();
    const words = await loadCore(lang).catch(() => core);
    // Unmount first: a live query running after the delete would reopen
    // (and so recreate) the database.
    render(
      <Language.Provider value={{ lang, words }}>
        <Loading />
      </Language.Provider>,
      container,
    );
    const deviceId = await wipeDevice({ store, storage: options.storage });
    await options.showGate(deviceId, lang, notice);
  };

  const onAuthProblem = (reason: AuthReason): void => {
    if (reason === 'device-revoked') {
      void wipe('device-revoked').catch(options.onFailure);
      return;
    }
    // Expired or unknown token: keep the session and everything local, and
    // ask for a new sign-in (the banner). A 401 never touches the outbox.
    void markSessionExpired(Date.now()).then((marked) => marked && sessions.set(marked));
  };

  const api = createAccountApi({ fetch: options.fetch, baseUrl: options.baseUrl, token: () => sessions.current().token, onAuthProblem });

  return {
    api: () => api,
    onAuthProblem,
    async onSignedIn(next) {
      await adoptDeviceId(next.me.deviceId);
      await setSession(next);
      if (next.me.tenantId !== tenantId || next.me.deviceId !== store.deviceId) {
        // Another programme has its own database, and another device id its own counts: start over with them.
        win.location.replace('#/');
        win.location.reload();
        return;
      }
      sessions.set(next);
      win.history.replaceState(win.history.state, '', '#/');
      win.dispatchEvent(new HashChangeEvent('hashchange'));
      // Everything kept on this device goes now.
      void sync.syncNow('sign-in');
    },
    async signOut() {
      // Tell the server first (the token stops working there too); offline,
      // the device forgets its token anyway and a coordinator can revoke it.
      await api.signOut().catch(() => {});
      await wipe('signed-out');
    },
  };
}
