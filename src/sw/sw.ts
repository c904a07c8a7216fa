/// <reference lib="webworker" />
/**
 * Buurtlog's service worker: precache the app shell so the app opens with no
 * network, and nothing else. It **must never** handle /api/ requests — a
 * service worker that re-issues a POST with a Blob body can send an empty
 * body on WebKit (DESIGN.md, "Hard-won lessons"); the page talks to the API
 * directly and keeps its own outbox.
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { isUpdateMessage, SKIP_WAITING } from './messages.ts';
import { handleBackgroundSync } from './background-sync.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };

cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);

// Deep links open the shell; the API is never caught by the fallback.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//] }));

// The first install takes control at once so the very first visit is
// already offline-capable. Later versions wait in 'waiting' until the user
// taps "vernieuwen" (registerType 'prompt'): reloading in the middle of a form
// loses work.
clientsClaim();

self.addEventListener('message', (event) => {
  if (isUpdateMessage(event.data) && event.data.type === SKIP_WAITING) void self.skipWaiting();
});

self.addEventListener('sync', (event) => {
  handleBackgroundSync(self, event as Event & { tag: string; waitUntil(p: Promise<unknown>): void });
});
