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

/** First start without a network and without a saved tenant config. */
export function SetupNeeded({ t, onRetry, isRetrying }: { t: T; onRetry(): void; isRetrying: boolean }) {
  return (
    <main class="app-main start-screen">
      <h1 class="screen-title">{t('app.setupNeeded.title')}</h1>
      <p class="lead">{t('app.setupNeeded.body')}</p>
      <p>{t('app.setupNeeded.hint')}</p>
      <button type="button" class="button button-primary button-large button-block" onClick={onRetry}>
        {t('app.setupNeeded.retry')}
      </button>
      <p role="status" class="muted">
        {isRetrying ? t('app.setupNeeded.trying') : ''}
      </p>
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
