import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The PWA build. The service worker (src/sw/sw.ts) is ours (injectManifest):
 * it precaches the app shell and nothing else — it never handles /api/
 * requests (DESIGN.md: WebKit can re-issue a POST with an empty Blob body).
 * Updates are prompted, never applied behind the user's back
 * (registerType 'prompt'; src/sw/register.ts).
 */
export default defineConfig({
  plugins: [
    preact({ devToolsEnabled: false, prefreshEnabled: true }),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      manifestFilename: 'manifest.webmanifest',
      manifest: {
        id: '/',
        name: 'Buurtlog',
        short_name: 'Buurtlog',
        description: 'Activiteiten, aanwezigheid en bevindingen vastleggen in de buurt — ook zonder internet.',
        lang: 'nl',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        background_color: '#ffffff',
        theme_color: '#14532d',
        categories: ['productivity', 'utilities'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,png,svg,webmanifest}'],
        rollupFormat: 'iife',
      },
      devOptions: { enabled: false },
    }),
  ],
  resolve: {
    // Dexie's own ES2020+ build: the same library without the ES5 down-levelling
    // of its default build (about 2 KB less gzip in the first download). The
    // default entry only adds a guard against two Dexie copies in one page,
    // which this alias rules out anyway: every import of 'dexie' lands here.
    alias: [{ find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' }],
  },
  build: {
    target: 'es2022',
    // The server serves /assets/* as immutable; hashed names make that safe.
    assetsDir: 'assets',
    // No preload helper around each lazy import: it wrapped every import() with
    // a list of chunk names (~0.7 KB gzip of the first download). A lazy screen
    // now fetches its own imports when it loads; the service worker has them
    // all precached and the shell preloads the screens right after start, so
    // on a phone this costs nothing noticeable (measured by the e2e tests).
    modulePreload: false,
    // Everything the first screen imports statically goes into one chunk (the
    // entry). Without this group Rolldown splits what the lazy screens and the
    // sync code share with the shell into extra common chunks, which index.html
    // then modulepreloads anyway — more files and worse gzip for the same code.
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'shell', tags: ['$initial'] }] } } },
  },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
});
