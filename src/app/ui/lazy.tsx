import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useT } from '../i18n/use-t.ts';

/**
 * A screen that loads its code on first use, so the first download stays
 * small (tests/e2e/bundle-budget.test.ts). The service worker precaches
 * every chunk, so offline this costs milliseconds; the shell also preloads
 * all screens right after start.
 */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const preload = (): Promise<ComponentType<P>> => {
    pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        pending = null;
        throw error;
      },
    );
    return pending;
  };

  function LazyScreen(props: P) {
    const t = useT();
    const [state, setState] = useState<'loading' | 'failed' | 'ready'>(loaded ? 'ready' : 'loading');
    const attempt = () => {
      setState('loading');
      preload().then(
        () => setState('ready'),
        () => setState('failed'),
      );
    };
    // Rendered while the code was still coming, the screen must ask again
    // even when it has arrived by the time this effect runs (the shell's
    // preload can finish in between): otherwise it waits for ever.
    useEffect(() => {
      if (state !== 'ready') attempt();
    }, []);

    const Component = loaded;
    if (Component) return <Component {...props} />;
    if (state === 'failed') {
      return (
        <>
          <h1 class="screen-title" tabIndex={-1}>
            {t('app.screenFailed')}
          </h1>
          <button type="button" class="button" onClick={attempt}>
            {t('app.setupNeeded.retry')}
          </button>
        </>
      );
    }
    return <p class="muted">{t('app.loading')}</p>;
  }
  return Object.assign(LazyScreen, { preload });
}
