import { useEffect, useState } from 'preact/hooks';
import type { MonitoringAnswer } from '../../domain/indicators.ts';
import { useApp } from '../context.ts';
import { queryKey, queryOf, type Filters } from './logic.ts';

export type Shown = { readonly answer: MonitoringAnswer; readonly savedAt: number };
export type FiguresState = 'loading' | 'ready' | 'failed';

/**
 * The figures of a filter state, for the dashboard and its report alike:
 * the device's cached figures at once (offline too), then the server's
 * `/api/v1/monitoring` answer, which replaces them and is cached in turn.
 * `retry` asks the server again.
 */
export function useFigures(filters: Filters | null): { shown: Shown | null; state: FiguresState; retry(): void } {
  const { store, api } = useApp();
  const [shown, setShown] = useState<Shown | null>(null);
  const [state, setState] = useState<FiguresState>('loading');
  const [round, setRound] = useState(0);
  const key = filters === null ? null : queryKey(queryOf(filters));

  useEffect(() => {
    if (filters === null || key === null) return;
    let live = true;
    let fresh = false;
    const query = queryOf(filters);
    setState('loading');
    setShown(null);
    store.monitoring.cached(key).then(
      (cached) => {
        if (live && !fresh && cached) setShown(cached);
      },
      () => {},
    );
    api()
      .then((client) => client.monitoring(query))
      .then(
        async (answer) => {
          if (!live) return;
          fresh = true;
          const savedAt = Date.now();
          setShown({ answer, savedAt });
          setState('ready');
          await store.monitoring.cache(key, answer).catch(() => {});
        },
        () => live && setState('failed'),
      );
    return () => {
      live = false;
    };
  }, [key, round]);

  return { shown, state, retry: () => setRound((n) => n + 1) };
}
