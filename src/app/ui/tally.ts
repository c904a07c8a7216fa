/**
 * Taps that the live query has not shown yet.
 *
 * Every tap is written at once (store.bumpCount) and the screen shows the
 * live query, which lags a tap by a few milliseconds. At 10 taps a second
 * that lag must neither hide a tap nor let "−" go below zero, so per count we
 * remember what this device's own count **will be** once every write in
 * flight has landed. Shown = live total − live own + expected own: exact
 * whichever of "write resolved" and "live query re-ran" comes first, and it
 * never counts a tap twice.
 */
export type KeyState = { readonly expectedOwn: number; readonly inFlight: number };
export type Tally = Readonly<Record<string, KeyState>>;

export const EMPTY_TALLY: Tally = {};

export function tapped(tally: Tally, key: string, delta: 1 | -1, liveOwn: number): Tally {
  const state = tally[key];
  return { ...tally, [key]: { expectedOwn: (state ? state.expectedOwn : liveOwn) + delta, inFlight: (state?.inFlight ?? 0) + 1 } };
}

/** A write finished; a failed one is taken back out of what we expect. */
export function settled(tally: Tally, key: string, delta: 1 | -1, ok: boolean, liveOwn: number): Tally {
  const state = tally[key];
  if (!state) return tally;
  const next = { expectedOwn: ok ? state.expectedOwn : state.expectedOwn - delta, inFlight: state.inFlight - 1 };
  if (next.inFlight <= 0 && next.expectedOwn === liveOwn) return without(tally, key);
  return { ...tally, [key]: next };
}

/**
 * The live query re-ran. A key with nothing in flight now trusts the live
 * value: every write it made has committed, and should this answer predate
 * the last commit, the store re-runs the query once more.
 */
export function observed(tally: Tally): Tally {
  let next = tally;
  for (const [key, state] of Object.entries(tally)) if (state.inFlight <= 0) next = without(next, key);
  return next;
}

export function shown(liveTotal: number, liveOwn: number, state: KeyState | undefined): number {
  return state ? Math.max(0, liveTotal - liveOwn + state.expectedOwn) : Math.max(0, liveTotal);
}

function without(tally: Tally, key: string): Tally {
  const { [key]: _gone, ...rest } = tally;
  return rest;
}
