import { useT } from '../i18n/use-t.ts';

/** Shown before the store is open, in the language main.tsx provides. */
export function Loading() {
  const t = useT();
  return (
    <main class="app-main start-screen">
      <h1 class="screen-title">{t('app.name')}</h1>
      <p role="status">{t('app.loading')}</p>
    </main>
  );
}

/** Shown when start-up failed: in Dutch, as nothing may be loaded. */
export function StartFailed() {
  const t = useT();
  return (
    <main class="app-main start-screen">
      <h1 class="screen-title">{t('app.name')}</h1>
      <p role="alert">{t('app.startFailed')}</p>
    </main>
  );
}
