/** Small hooks over the store's live queries, the sync status and the clock. */
import { useEffect, useState } from 'preact/hooks';
import { useApp } from './context.ts';
import type { SyncControllerStatus } from './ports.ts';
import type { Network } from './ui/sync-status-text.ts';
import type { UiStore } from '../store/ui-store.ts';

/**
 * A live query: `undefined` until its first answer, then re-run by the store
 * after every committed change (also from other tabs and from sync).
 * `deps` must name everything the query reads from the component. With
 * `keep`, a change of `deps` (the next page, another filter) keeps the last
 * answer on screen until the new one is there, instead of `undefined`:
 * nothing on screen falls back to "loading" and jumps.
 */
export function useLive<T>(query: (store: UiStore) => Promise<T>, deps: readonly unknown[], options: { keep?: boolean } = {}): T | undefined {
  const { store } = useApp();
  const [value, setValue] = useState<{ v: T } | undefined>(undefined);
  useEffect(() => {
    if (!options.keep) setValue(undefined);
    // On an error the last answer stays on screen; the store already retried
    // a lost connection once (withReopen), and the next commit re-runs it.
    return store.observe(
      query,
      (v) => setValue({ v }),
      (error) => console.error('live query failed', error),
    );
  }, [store, ...deps]);
  return value?.v;
}

export function useSyncStatus(): SyncControllerStatus {
  const { sync } = useApp();
  const [status, setStatus] = useState(() => sync.status());
  useEffect(() => {
    setStatus(sync.status());
    return sync.subscribe(() => setStatus(sync.status()));
  }, [sync]);
  return status;
}

/** Whether the browser believes it has a network (false is certain; true may be wrong). */
export function useOnline(): boolean {
  return useNetwork().online;
}

/**
 * The browser's word on the network and since when it says "offline" (on the
 * app's clock), so a sync that succeeded after that can overrule it.
 */
export function useNetwork(): Network {
  const { platform, now } = useApp();
  const win = platform.document.defaultView;
  const read = (): Network => (win?.navigator.onLine === false ? { online: false, offlineSince: now() } : { online: true, offlineSince: null });
  const [network, setNetwork] = useState(read);
  useEffect(() => {
    if (!win) return;
    const update = () => setNetwork((before) => (before.online === win.navigator.onLine ? before : read()));
    win.addEventListener('online', update);
    win.addEventListener('offline', update);
    return () => {
      win.removeEventListener('online', update);
      win.removeEventListener('offline', update);
    };
  }, [win]);
  return network;
}

/** The current time, refreshed every `everyMs`, for "5 minuten geleden". */
export function useNow(everyMs: number): number {
  const { now } = useApp();
  const [time, setTime] = useState(() => now());
  useEffect(() => {
    const timer = setInterval(() => setTime(now()), everyMs);
    return () => clearInterval(timer);
  }, [now, everyMs]);
  return time;
}
