import { useEffect, useRef, useState } from 'preact/hooks';
import type { CounterKey } from '../../domain/attendance.ts';
import { EMPTY_TALLY, observed, settled, shown, tapped, type Tally } from './tally.ts';

/** How long a settled write waits for its live answer before the live value wins anyway. */
const SETTLE_MS = 1000;

/** What a counting screen reads: a live answer with this device's own part of every counter. */
export type CountedView = { readonly ownCounts: Readonly<Record<string, number>> };

export type CounterOptions<V extends CountedView> = {
  /** The live answer; undefined while it loads. */
  view: V | undefined;
  /** A counter's total over every device, as the live answer has it. */
  totalOf(view: V, key: CounterKey): number;
  /** Writes one tap (record and outbox in one transaction). */
  write(key: CounterKey, delta: 1 | -1): Promise<void>;
  /** A write failed; its tap is already taken back. */
  onFailed(): void;
};

export type Counter = {
  /** The value to show: the live total plus the taps it does not show yet. */
  countOf(key: CounterKey): number;
  /** Counts one tap: shown at once and written at once. Returns the value it shows. */
  bump(key: CounterKey, delta: 1 | -1): number;
  /** Counters with taps the live answer has not shown yet. */
  pendingKeys(): string[];
  /** Whether this counter has taps the live answer (the store) does not show yet. */
  isSaving(key: CounterKey): boolean;
};

/**
 * Tap counting for the attendance screen and a round's participants: every
 * tap is written at once and shown at once (tally.ts), so ten taps a second
 * are ten counts and "−" never goes below zero.
 *
 * **Must** leave nothing behind on unmount: a write that settles after the
 * screen is gone neither updates its state nor starts a timer, and a
 * waiting timer is cleared. The write itself still lands (it is in the store).
 */
export function useCounter<V extends CountedView>(options: CounterOptions<V>): Counter {
  const { view } = options;
  const [tally, setTally] = useState<Tally>(EMPTY_TALLY);
  // The latest live answer, for callbacks that outlive the render that made them.
  const live = useRef(view);
  live.current = view;
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());
  const isMounted = useRef(true);

  useEffect(() => {
    if (view) setTally(observed);
  }, [view]);
  useEffect(() => {
    isMounted.current = true;
    const pending = timers.current;
    return () => {
      isMounted.current = false;
      for (const timer of pending) clearTimeout(timer);
      pending.clear();
    };
  }, []);

  const ownOf = (key: CounterKey) => live.current?.ownCounts[key] ?? 0;
  const countOf = (key: CounterKey) => shown(view ? options.totalOf(view, key) : 0, view?.ownCounts[key] ?? 0, tally[key]);

  const bump = (key: CounterKey, delta: 1 | -1): number => {
    const next = Math.max(0, countOf(key) + delta);
    setTally((current) => tapped(current, key, delta, ownOf(key)));
    // Written at once; nothing else is awaited on the way (DESIGN.md: the
    // network is never on the path of a tap).
    options.write(key, delta).then(
      () => {
        if (!isMounted.current) return;
        setTally((current) => settled(current, key, delta, true, ownOf(key)));
        // A write the store skipped (a "−" that met zero on disk) commits
        // nothing, so no live answer follows; let the live value win soon.
        const timer = setTimeout(() => {
          timers.current.delete(timer);
          setTally(observed);
        }, SETTLE_MS);
        timers.current.add(timer);
      },
      () => {
        if (isMounted.current) setTally((current) => settled(current, key, delta, false, ownOf(key)));
        options.onFailed();
      },
    );
    return next;
  };

  return { countOf, bump, pendingKeys: () => Object.keys(tally), isSaving: (key) => Object.hasOwn(tally, key) };
}
