/**
 * Page side of the service worker: register it, and when a new version is
 * waiting, hand the UI an `apply` function instead of reloading on our own.
 * The UI calls `apply` only when no form holds unsaved input (src/app/ui/unsaved-work.ts),
 * because reloading in the middle of entry loses work (DESIGN.md).
 */
import { Workbox } from 'workbox-window';

const UPDATE_CHECK_MS = 60 * 60_000;

export type UpdateFlowOptions = {
  /** Called with the function that activates the waiting version and reloads. */
  onUpdateReady: (apply: () => void) => void;
};

/** The service worker's request to sync (Background Sync) goes to the sync controller directly (src/sync/controller.ts). */
export function startUpdateFlow({ onUpdateReady }: UpdateFlowOptions): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const wb = new Workbox('/sw.js', { scope: '/' });

  wb.addEventListener('waiting', () => {
    onUpdateReady(() => {
      // Reload once the new version is activated, not when it takes control: in WebKit a reload
      // during the activation leaves the new worker 'activating' for good (tests/engines).
      wb.addEventListener('activated', () => window.location.reload());
      wb.messageSkipWaiting();
    });
  });

  void wb.register().catch(() => {
    // Registration fails on plain http other than localhost, or in private
    // modes; the app still works online, it just cannot open offline.
  });

  const check = () => void wb.update().catch(() => {});
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check();
  });
  window.setInterval(check, UPDATE_CHECK_MS);
}
