/**
 * Start-up: device id, language, tenant config (fresh when online, saved
 * otherwise), the store and the update bridge; then the app renders into
 * #app, and the sync engine and its triggers load and start right after.
 */
import './styles.css';
import { render } from 'preact';
import { getOrCreateDeviceId, getSetting, requestPersistence, setSetting, storageInfo } from '../store/settings.ts';
import { openStore } from '../store/store.ts';
import { App } from './App.tsx';
import { bootstrap, fetchConfigFrom } from './bootstrap.ts';
import type { Platform } from './context.ts';
import { nl } from './i18n/nl.ts';
import { createT, isLang, loadMessages, type Lang } from './i18n/translate.ts';
import { createSyncSlot } from './sync/sync-slot.ts';
import { Loading, SetupNeeded, StartFailed } from './ui/StartScreens.tsx';
import { createUpdateSlot } from './update-slot.ts';

const root = document.getElementById('app');
const updates = createUpdateSlot();
const sync = createSyncSlot();
const baseUrl = window.location.origin;

// The update bridge (and workbox-window) loads beside the app, not before
// it: nothing on the first screen waits for it.
void import('../sw/register.ts').then(({ startUpdateFlow }) =>
  startUpdateFlow({
    onUpdateReady: (apply) => updates.offer(apply),
    onFlushRequest: () => void sync.started()?.syncNow('background-sync'),
  }),
);

const platform: Platform = {
  document,
  localStorage: safeLocalStorage(),
  requestPersistence: () => requestPersistence(),
  storageInfo: () => storageInfo(),
};

async function start(container: HTMLElement, isRetry = false): Promise<void> {
  const lang: Lang = await getSetting('language').then((l) => (isLang(l) ? l : 'nl'), () => 'nl' as const);
  const messages = await loadMessages(lang).catch(() => nl);
  const t = createT(messages);
  document.documentElement.lang = lang;
  if (!isRetry) render(<Loading t={t} />, container);

  const deviceId = await getOrCreateDeviceId();
  const booted = await bootstrap({
    deviceId,
    getTenantId: async () => (await getSetting('tenantId')) ?? null,
    setTenantId: (id) => setSetting('tenantId', id),
    openStore: (opts) => openStore(opts),
    fetchConfig: () => fetchConfigFrom(window.fetch.bind(window), baseUrl),
  });
  if (booted.kind === 'needs-network') {
    const retry = () => {
      render(<SetupNeeded t={t} onRetry={retry} isRetrying />, container);
      void start(container, true).catch(() => render(<StartFailed t={t} />, container));
    };
    render(<SetupNeeded t={t} onRetry={retry} isRetrying={false} />, container);
    return;
  }

  const { store, config, tenantId } = booted;
  // Ask once, at the first start: Safari evicts storage after seven days
  // without use otherwise. Settings shows the outcome and can ask again.
  if (booted.isFirstStart) void requestPersistence();

  render(
    <App
      store={store}
      engine={sync}
      deviceId={deviceId}
      config={config}
      lang={lang}
      messages={messages}
      saveLanguage={(next) => void setSetting('language', next)}
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
  void import('./sync/start-sync.ts').then(
    ({ startSync }) => sync.attach(startSync({ store, deviceId, tenantId, baseUrl, window })),
    (error: unknown) => {
      console.error('Buurtlog could not start syncing', error);
      sync.fail(error);
    },
  );
}

function safeLocalStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

if (root) {
  void start(root).catch((error: unknown) => {
    console.error('Buurtlog could not start', error);
    render(<StartFailed t={createT(nl)} />, root);
  });
}
