/**
 * Start-up: language, device id and the session. With no one signed in,
 * the start gate (privacy, sign-in or invite; loaded on demand). With a
 * session — live or run out — the store and the app, straight from what is
 * on this device; the sync engine and its triggers load right after the
 * first render, and the session's actions (account calls, sign-out, a
 * refused token) with them.
 */
import './styles.css';
import { render } from 'preact';
import type { Session } from '../store/session.ts';
import { getSession } from '../store/session.ts';
import { applyMirroredTheme, applySavedTheme } from './theme.ts';
import { getOrCreateDeviceId, getSetting, requestPersistence, setSetting, storageInfo } from '../store/settings.ts';
import { openStore } from '../store/store.ts';
import { App } from './App.tsx';
import type { SessionActions } from './account/session-actions.tsx';
import type { GateNotice } from './account/Gate.tsx';
import type { Platform } from './context.ts';
import { core } from './i18n/core.ts';
import { isLang, loadCore, type Lang } from './i18n/translate.ts';
import { Language, type LanguageValue } from './i18n/use-t.ts';
import { createSessionSlot } from './session-slot.ts';
import { createSyncSlot, type SyncSlot } from './sync-slot.ts';
import { Loading, StartFailed } from './ui/StartScreens.tsx';
import { createUpdateSlot } from './update-slot.ts';

const root = document.getElementById('app');
const updates = createUpdateSlot();
const baseUrl = window.location.origin;
const fetchFn = window.fetch.bind(window);
/** The sync of the app that is showing, if any (the service worker's flush request goes there). */
let currentSync: SyncSlot | null = null;

// The update bridge (and workbox-window) loads beside the app, not before
// it: nothing on the first screen waits for it.
void import('../sw/register.ts').then(({ startUpdateFlow }) =>
  startUpdateFlow({
    onUpdateReady: (apply) => updates.offer(apply),
    onFlushRequest: () => void currentSync?.started()?.syncNow('background-sync'),
  }),
);

const platform: Platform = {
  document,
  localStorage: safeLocalStorage(),
  requestPersistence: () => requestPersistence(),
  storageInfo: () => storageInfo(),
};

// Before anything is drawn: the chosen colours (the system's when none was chosen).
applyMirroredTheme(document, platform.localStorage);

async function start(container: HTMLElement): Promise<void> {
  void applySavedTheme(document, platform.localStorage);
  const lang: Lang = await getSetting('language').then((l) => (isLang(l) ? l : 'nl'), () => 'nl' as const);
  const words = await loadCore(lang).catch(() => core);
  document.documentElement.lang = lang;
  render(
    <Language.Provider value={{ lang, words }}>
      <Loading />
    </Language.Provider>,
    container,
  );

  const [session, deviceId] = await Promise.all([getSession(), getOrCreateDeviceId()]);
  if (session) await showApp(container, { lang, words }, session, deviceId);
  else await showGate(container, { lang, words }, deviceId, null);
}

/** No one is signed in: privacy (first start), then sign-in or the opened invite. */
async function showGate(container: HTMLElement, words: LanguageValue, deviceId: string, notice: GateNotice): Promise<void> {
  currentSync = null;
  const gate = await import('./account/start-gate.tsx');
  await gate.showGate({
    container,
    words,
    deviceId,
    notice,
    window,
    fetch: fetchFn,
    baseUrl,
    showApp: (session) => showApp(container, words, session, deviceId),
    onFailure: failed(container),
  });
}

/** Signed in (or signed in once, now expired): the app works from this device's store. */
async function showApp(container: HTMLElement, words: LanguageValue, session: Session, deviceId: string): Promise<void> {
  const sessions = createSessionSlot(session);
  const store = await openStore({ deviceId, tenantId: session.me.tenantId, tenantName: session.me.tenantName });
  const config = await store.ui.config.get();
  const sync = createSyncSlot();
  currentSync = sync;
  let lang = words.lang;

  let loaded: Promise<SessionActions> | null = null;
  const actions = () =>
    (loaded ??= import('./account/session-actions.tsx').then(({ sessionActions }) =>
      sessionActions({
        container,
        store,
        sync,
        sessions,
        lang: () => lang,
        window,
        fetch: fetchFn,
        baseUrl,
        storage: platform.localStorage,
        showGate: async (newDeviceId, gateLang, notice) =>
          showGate(container, { lang: gateLang, words: await loadCore(gateLang).catch(() => core) }, newDeviceId, notice),
        onFailure: failed(container),
      }),
    ));

  render(
    <App
      store={store.ui}
      engine={sync}
      deviceId={deviceId}
      config={config}
      sessions={sessions}
      api={() => actions().then((a) => a.api())}
      onSignedIn={(next) => actions().then((a) => a.onSignedIn(next))}
      signOut={() => actions().then((a) => a.signOut())}
      lang={words.lang}
      words={words.words}
      saveLanguage={(next) => {
        lang = next;
        void setSetting('language', next);
      }}
      syncNow={() => sync.syncNow('manual')}
      updates={updates}
      platform={platform}
      window={window}
      now={Date.now}
    />,
    container,
  );

  // The sync engine starts right after the first render: the list shows
  // what is on this device without waiting for the sync code.
  void Promise.all([import('./sync/start-sync.ts'), actions(), store.loadSync()]).then(
    ([{ startSync }, a, syncStore]) => sync.attach(startSync({ store: syncStore, deviceId, baseUrl, window, sessions, onAuthProblem: a.onAuthProblem, accountApi: async () => a.api() })),
    (error: unknown) => {
      console.error('Buurtlog could not start syncing', error);
      sync.fail(error);
    },
  );
}

function failed(container: HTMLElement) {
  return (error: unknown) => {
    console.error('Buurtlog could not start', error);
    render(<StartFailed />, container);
  };
}

function safeLocalStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

if (root) void start(root).catch(failed(root));
