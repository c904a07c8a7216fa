/**
 * Findings placed offline (GPS or map, no address) get their address and
 * CBS buurt from PDOK Locatieserver once there is a network: while a schouw
 * screen is open, on start and on the window's `online` event, a few at a
 * time, one request after the other. A finding PDOK had no answer for is not
 * asked about again in this session, so nobody hammers PDOK; an unreachable
 * PDOK ends the run and the next trigger tries again.
 *
 * The lookup is a local write like any other (store.schouw.updateFinding): it syncs
 * through the outbox, and an address typed meanwhile is never overwritten.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { Location } from '../../domain/fields.ts';
import type { FindingView, SchouwStore } from '../../store/schouw-store.ts';
import { mayUpdateFinding } from '../abilities.ts';
import { useApp } from '../context.ts';
import { useOnline } from '../hooks.ts';
import { createLocatieserver, LocatieserverError, type Locatieserver, type ReverseResult } from './pdok.ts';

export type PlaceLookupStore = Pick<SchouwStore, 'listFindings' | 'getFinding' | 'updateFinding'>;

export type PlaceLookupOutcome = {
  updated: number;
  /** PDOK knows no address near the point (or only a far one). */
  noAddress: number;
  /** PDOK answered with an error or nonsense; not asked again this session. */
  failed: number;
  /** Still waiting after this run (not counting those skipped this session). */
  remaining: number;
  /** The network or PDOK could not be reached: the run stopped early. */
  isUnreachable: boolean;
};

/** Further away than this, the nearest address says little about where the finding is. */
export const MAX_ADDRESS_DISTANCE_M = 150;
const NEXT_BATCH_MS = 2_000;
const RETRY_MS = 60_000;

const samePoint = (a: Location | null, b: Location) => a !== null && a.lat === b.lat && a.lon === b.lon;

/**
 * Look up the address of up to `limit` findings that have a location and no
 * address. `skip` holds the ids not to ask about again (added to here).
 *
 * @example
 * await lookUpMissingPlaces({ store: store.schouw, locatieserver: createLocatieserver({ fetch }), skip: new Set() });
 */
export async function lookUpMissingPlaces(opts: {
  store: PlaceLookupStore;
  locatieserver: Locatieserver;
  skip: Set<string>;
  limit?: number;
  signal?: AbortSignal;
  /** Only findings this person may change (the server would refuse the rest). */
  mayUpdate?: (finding: FindingView) => boolean;
}): Promise<PlaceLookupOutcome> {
  const { store, locatieserver, skip, limit = 5, signal, mayUpdate = () => true } = opts;
  const outcome: PlaceLookupOutcome = { updated: 0, noAddress: 0, failed: 0, remaining: 0, isUnreachable: false };
  const findings = await store.listFindings({ all: true });
  const waiting = findings.filter((f) => f.location !== null && f.address === null && !skip.has(f.id) && mayUpdate(f));
  let done = 0;
  for (const finding of waiting.slice(0, limit)) {
    const location = finding.location as Location;
    if (signal?.aborted) break;
    let result: ReverseResult | null;
    try {
      result = await locatieserver.reverse(location, signal ? { signal } : {});
    } catch (error) {
      if (signal?.aborted) break;
      if (error instanceof LocatieserverError && (error.reason === 'network' || error.reason === 'timeout')) {
        outcome.isUnreachable = true;
        break;
      }
      skip.add(finding.id);
      outcome.failed++;
      done++;
      continue;
    }
    done++;
    if (result === null || (result.distanceM !== null && result.distanceM > MAX_ADDRESS_DISTANCE_M)) {
      skip.add(finding.id);
      outcome.noAddress++;
      continue;
    }
    // The person may have typed an address or moved the point while PDOK answered.
    const current = await store.getFinding(finding.id);
    if (!current || current.address !== null || !samePoint(current.location, location)) continue;
    await store.updateFinding(finding.id, { address: result.address, cbsBuurtCode: result.cbsBuurtCode });
    outcome.updated++;
  }
  outcome.remaining = waiting.length - done;
  return outcome;
}

/**
 * What PDOK had no answer for, per store (one signed-in device database):
 * kept for as long as the app is open, so leaving and re-entering a schouw
 * screen does not ask again. Keyed weakly: a wiped store takes its set along.
 */
const skippedByStore = new WeakMap<object, Set<string>>();

function skippedFor(store: object): Set<string> {
  let skip = skippedByStore.get(store);
  if (!skip) {
    skip = new Set();
    skippedByStore.set(store, skip);
  }
  return skip;
}

export function usePlaceLookup(options: { locatieserver?: Locatieserver; limit?: number } = {}): void {
  const { store, principal, platform } = useApp();
  const online = useOnline();
  const mayUpdate = useRef((finding: FindingView) => mayUpdateFinding(principal, finding));
  mayUpdate.current = (finding) => mayUpdateFinding(principal, finding);
  const { locatieserver: given, limit } = options;

  useEffect(() => {
    if (!online) return;
    const win = platform.document.defaultView;
    const locatieserver = given ?? (win ? createLocatieserver({ fetch: win.fetch.bind(win) }) : null);
    if (!locatieserver) return;
    const skip = skippedFor(store);
    const controller = new AbortController();
    let next: ReturnType<typeof setTimeout> | undefined;
    let isRunning = false;
    const run = async () => {
      if (isRunning || controller.signal.aborted) return;
      isRunning = true;
      try {
        const outcome = await lookUpMissingPlaces({
          store: store.schouw,
          locatieserver,
          skip,
          limit,
          signal: controller.signal,
          mayUpdate: (f) => mayUpdate.current(f),
        });
        // More to do and PDOK answers: the next few shortly after.
        if (outcome.remaining > 0 && !outcome.isUnreachable && !controller.signal.aborted) next = setTimeout(run, NEXT_BATCH_MS);
      } catch (error) {
        // A store error: the next trigger tries again; nothing is lost, the place itself is saved.
        if (!controller.signal.aborted) console.warn('address lookup failed', error);
      } finally {
        isRunning = false;
      }
    };
    void run();
    // Findings saved while the screen stays open get theirs within a minute.
    const periodic = setInterval(() => void run(), RETRY_MS);
    return () => {
      controller.abort();
      clearTimeout(next);
      clearInterval(periodic);
    };
  }, [online, store, platform, given, limit]);
}
