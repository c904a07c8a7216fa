/**
 * The one way a part of the device store loads its code on first use rather
 * than with the first screen.
 *
 * The module is imported **before** the operation starts its transaction:
 * awaiting anything but Dexie inside an IndexedDB transaction commits it
 * early. A load that failed (offline before the service worker cached the
 * chunk) is tried again on the next use.
 *
 * @example
 * const writes = lazy(() => import('./activity-write.ts'), core.run);
 * writes.preload(); // loads beside the first screen; by the first tap it is here
 * await writes((w) => w.createActivity(core, input));
 */
export type Run = <T>(operation: () => Promise<T>) => Promise<T>;

export type Lazy<M> = {
  /** Load the module (once), then run `use` with it through the store's guard. */
  <T>(use: (module: M) => Promise<T>): Promise<T>;
  /** Start loading now, without waiting for it. */
  preload(): void;
};

export function lazy<M>(load: () => Promise<M>, run: Run): Lazy<M> {
  let loading: Promise<M> | null = null;
  const get = (): Promise<M> =>
    (loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    }));
  const use = async <T>(operation: (module: M) => Promise<T>): Promise<T> => {
    const module = await get();
    return run(() => operation(module));
  };
  return Object.assign(use, { preload: () => void get().catch(() => {}) });
}
