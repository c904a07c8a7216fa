/**
 * A value the app watches: the sync status, who is signed in, a waiting new
 * version. Written once here instead of a listener set per holder.
 *
 * @example
 * const session = createObservable(initial);
 * const stop = session.subscribe((next) => render(next));
 * session.set(renewed); // listeners hear it; session.current() is `renewed`
 */
export type Observable<T> = {
  current(): T;
  set(next: T): void;
  /** Called with every new value (not the current one); returns the unsubscribe. */
  subscribe(listener: (value: T) => void): () => void;
};

export function createObservable<T>(initial: T): Observable<T> {
  let value = initial;
  const listeners = new Set<(value: T) => void>();
  return {
    current: () => value,
    set(next) {
      value = next;
      for (const listener of listeners) {
        try {
          listener(next);
        } catch (error) {
          // One broken screen must not turn a sync or a sign-in into an exception.
          console.error('a listener failed', error);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
