/**
 * Start-up: language, device id and the session. With no one signed in,
 * the start gate (privacy, sign-in or invite; loaded on demand). With a
 * session — live or run out — the store and the app, straight from what is
 * on this device; the sync controller and its engine load right after the
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
import { createObservable, type Observable } from '../sync/observable.ts';
import { lazyController } from './sync/lazy-controller.ts';
import { Loading, StartFailed } from './ui/StartScreens.tsx';

const root = document.getElementById('app');
const baseUrl = window.location.origin;
const fetchFn = window.fetch.bind(window);

const platform: Platform = {
  document,
  localStorage: safeLocalStorage(),
  requestPersistence: () => requestPersistence(),
  storageInfo: () => storageInfo(),
};

/** What lives as long as the page: where it renders, and a waiting new version (the update prompt). */
type Page = { container: HTMLElement; updates: Observable<(() => void) | null> };

// Before anything is drawn: the chosen colours (the system's when none was chosen).
applyMirroredTheme(document, platform.localStorage);

async function start(container: HTMLElement): Promise<void> {
  void applySavedTheme(document, platform.localStorage);
  const page: Page = { container, updates: createObservable<(() => void) | null>(null) };
  // The update bridge (and workbox-window) loads beside the app, not before
  // it: nothing on the first screen waits for it.
  void import('../sw/register.ts').then(({ startUpdateFlow }) => startUpdateFlow({ onUpdateReady: (apply) => page.updates.set(apply) }));
  const lang: Lang = await getSetting('language').then(
    (l) => (isLang(l) ? l : 'nl'),
    () => 'nl' as const,
  );
  const words = await loadCore(lang).catch(() => core);
  document.documentElement.lang = lang;
  render(
    <Language.Provider value={{ lang, words }}>
      <Loading />
    </Language.Provider>,
    container,
  );

  const [session, deviceId] = await Promise.all([getSession(), getOrCreateDeviceId()]);
  if (session) await showApp(page, { lang, words }, session, deviceId);
  else await showGate(page, { lang, words }, deviceId, null);
}

/** No one is signed in: privacy (first start), then sign-in or the opened invite. */
async function showGate(page: Page, words: LanguageValue, deviceId: string, notice: GateNotice): Promise<void> {
  const { container } = page;
  const gate = await import('./account/start-gate.tsx');
  await gate.showGate({
    container,
    words,
    deviceId,
    notice,
    window,
    fetch: fetchFn,
    baseUrl,
    // The device id the server granted at sign-in (start-gate adopted it).
    showApp: (session) => showApp(page, words, session, session.me.deviceId),
    onFailure: failed(container),
  });
}

/** Signed in (or signed in once, now expired): the app works from this device's store. */
async function showApp(page: Page, words: LanguageValue, session: Session, deviceId: string): Promise<void> {
  const { container } = page;
  const sessions = createObservable(session);
  const store = await openStore({ deviceId, tenantId: session.me.tenantId, tenantName: session.me.tenantName });
  const config = await store.ui.config.get();
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
          showGate(page, { lang: gateLang, words: await loadCore(gateLang).catch(() => core) }, newDeviceId, notice),
        onFailure: failed(container),
      }),
    ));
  const sync = lazyController((status) =>
    Promise.all([import('./sync/start-sync.ts'), actions(), store.loadSync()]).then(([{ startSync }, a, syncStore]) =>
      startSync({ store: syncStore, baseUrl, window, sessions, status, onAuthProblem: a.onAuthProblem, accountApi: () => a.api() }),
    ),
  );

  render(
    <App
      store={store.ui}
      sync={sync}
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
      updates={page.updates}
      platform={platform}
      window={window}
      now={Date.now}
    />,
    container,
  );

  // The sync code loads and starts right after the first render: the list
  // shows what is on this device without waiting for it.
  sync.start();
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
