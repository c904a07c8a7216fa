/**
 * The start gate, mounted by main.tsx when no one is signed in on this
 * device. Loaded on demand: a phone that is signed in never downloads it.
 */
import { render } from 'preact';
import type { Session } from '../../domain/auth.ts';
import { setSession } from '../../store/session.ts';
import { adoptDeviceId, getSetting, requestPersistence, setSetting } from '../../store/settings.ts';
import { createAccountApi } from '../../sync/account-api.ts';
import type { FetchLike } from '../../sync/http.ts';
import type { LanguageValue } from '../i18n/use-t.ts';
import { Gate, type GateNotice } from './Gate.tsx';

export type GateStart = {
  container: HTMLElement;
  words: LanguageValue;
  deviceId: string;
  notice: GateNotice;
  window: Window;
  fetch: FetchLike;
  baseUrl: string;
  /** Signed in and stored: show the app. */
  showApp(session: Session): Promise<void>;
  onFailure(error: unknown): void;
};

export async function showGate(start: GateStart): Promise<void> {
  const { container, window: win } = start;
  const acknowledgedAt = await getSetting('privacyAcknowledgedAt').catch(() => undefined);
  const api = createAccountApi({ fetch: start.fetch, baseUrl: start.baseUrl, token: () => null });
  const onSignedIn = async (session: Session): Promise<void> => {
    // The server may grant another device id than the one asked for: from now on this phone is that one.
    await adoptDeviceId(session.me.deviceId);
    await setSession(session);
    // Ask once, after the first sign-in: Safari evicts storage after seven
    // days without use otherwise. Settings shows the outcome.
    void requestPersistence();
    // The invite link has done its work; a reload must not open it again.
    win.history.replaceState(win.history.state, '', '#/');
    await start.showApp(session);
  };
  render(
    <Gate
      language={start.words}
      deviceId={start.deviceId}
      notice={start.notice}
      isPrivacyAcknowledged={acknowledgedAt !== undefined}
      acknowledgePrivacy={() => setSetting('privacyAcknowledgedAt', Date.now())}
      api={() => Promise.resolve(api)}
      window={win}
      now={Date.now}
      onSignedIn={(session) => void onSignedIn(session).catch(start.onFailure)}
    />,
    container,
  );
}
