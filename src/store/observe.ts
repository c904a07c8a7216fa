/**
 * Live queries for the UI, paced by their own cost.
 *
 * Every committed change (in this tab or another: Dexie broadcasts them as
 * `storagemutated`) makes the query run again — but never two runs at once,
 * and after a run that took `d` ms the next waits at least `2·d`. A cheap
 * query (the counts of one activity) follows taps within a frame; an
 * expensive one (a list of 10,000 activities) runs a few times during a bulk
 * pull instead of after every page, so it cannot starve the pull: IndexedDB
 * runs a read-only transaction that started first before the next page's
 * write (bench: first pull of 10,000 records went from ~25 s to ~2 s).
 */
import { Dexie, type ObservabilitySet } from 'dexie';

const MIN_GAP_MS = 16;
/** During a bulk pull: a list of thousands re-read after every page would hold up the next page. */
const BUSY_GAP_MS = 2_000;

export function observeQuery<T>(
  databaseName: string,
  run: () => Promise<T>,
  onValue: (value: T) => void,
  onError?: (error: unknown) => void,
  /** True while the store takes in a bulk pull: re-run at most every BUSY_GAP_MS then. */
  isBusy: () => boolean = () => false,
): () => void {
  const prefix = `idb://${databaseName}/`;
  let stopped = false;
  let running = false;
  let dirty = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastEnd = 0;
  let lastDuration = 0;

  const execute = async (): Promise<void> => {
    running = true;
    dirty = false;
    const started = Date.now();
    try {
      const value = await run();
      if (!stopped) onValue(value);
    } catch (error) {
      if (!stopped) onError?.(error);
    } finally {
      running = false;
      lastEnd = Date.now();
      lastDuration = lastEnd - started;
      if (dirty) schedule();
    }
  };

  function schedule(): void {
    if (stopped) return;
    if (running) {
      dirty = true;
      return;
    }
    if (timer !== null) return;
    const gap = isBusy() ? Math.max(BUSY_GAP_MS, 4 * lastDuration) : Math.max(MIN_GAP_MS, 2 * lastDuration);
    const wait = Math.max(0, lastEnd + gap - Date.now());
    timer = setTimeout(() => {
      timer = null;
      void execute();
    }, wait);
  }

  const onMutated = (parts: ObservabilitySet): void => {
    if (Object.keys(parts).some((part) => part.startsWith(prefix))) schedule();
  };

  Dexie.on('storagemutated', onMutated);
  void execute();
  return () => {
    stopped = true;
    if (timer !== null) clearTimeout(timer);
    Dexie.on.storagemutated.unsubscribe(onMutated);
  };
}
