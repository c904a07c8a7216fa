/**
 * Data that only the server has (users, devices, audit): fetched when the
 * screen opens, with a state the screen shows honestly — loading, here, or
 * "this needs a connection" with a way to try again.
 */
import { useEffect, useState } from 'preact/hooks';

export type Remote<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; error: unknown };

export function useRemote<T>(load: () => Promise<T>, deps: readonly unknown[]): { remote: Remote<T>; reload(): void; set(value: T): void } {
  const [remote, setRemote] = useState<Remote<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    setRemote({ state: 'loading' });
    load().then(
      (value) => live && setRemote({ state: 'ready', value }),
      (error: unknown) => live && setRemote({ state: 'failed', error }),
    );
    return () => {
      live = false;
    };
  }, [...deps, round]);
  return { remote, reload: () => setRound((n) => n + 1), set: (value) => setRemote({ state: 'ready', value }) };
}
