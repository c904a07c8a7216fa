import type { T } from '../i18n/translate.ts';

/** Shown before the store is open; outside the app context, so it takes `t`. */
export function Loading({ t }: { t: T }) {
  return (
    <main class="app-main start-screen">
      <h1 class="screen-title">{t('app.name')}</h1>
      <p role="status">{t('app.loading')}</p>
    </main>
  );
}

export function StartFailed({ t }: { t: T }) {
  return (
    <main class="app-main start-screen">
      <h1 class="screen-title">{t('app.name')}</h1>
      <p role="alert">{t('app.startFailed')}</p>
    </main>
  );
}
