/**
 * Hybrid logical clock (HLC): wall-clock milliseconds, a counter for events
 * within the same millisecond, and the device id as a tie-breaker.
 *
 * Serialised as `WWWWWWWWWWWWWWW.CCCCC.device` with fixed-width decimal
 * fields, so **string order is time order** — merge code compares HLCs with
 * plain `<` and the database can index them as text.
 *
 * The clock state is a value, never a module-level variable: callers keep it
 * (the store persists it) and pass it in.
 *
 * @example
 * let clock = createClock('device-a');
 * const stamped = tick(clock, Date.now());
 * clock = stamped.clock; // stamped.hlc is '001732280000000.00000.device-a'
 */
import * as z from 'zod/mini';

export type ClockState = {
  readonly wall: number;
  readonly counter: number;
  readonly node: string;
};

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 5;
export const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1;
const HLC_PATTERN = /^(\d{15})\.(\d{5})\.([A-Za-z0-9-]{1,64})$/;

export const HlcSchema = z.string().check(z.regex(HLC_PATTERN, 'not a hybrid logical clock value'));
export type Hlc = z.infer<typeof HlcSchema>;

export function createClock(node: string): ClockState {
  return { wall: 0, counter: 0, node };
}

export function formatHlc(state: ClockState): Hlc {
  return `${String(state.wall).padStart(WALL_DIGITS, '0')}.${String(state.counter).padStart(COUNTER_DIGITS, '0')}.${state.node}`;
}

export function parseHlc(hlc: string): ClockState {
  const match = HLC_PATTERN.exec(hlc);
  if (!match) throw new Error(`not a hybrid logical clock value: ${hlc}`);
  return { wall: Number(match[1]), counter: Number(match[2]), node: match[3] as string };
}

/** Wall-clock milliseconds of an HLC, for drift checks. */
export function hlcWall(hlc: Hlc): number {
  return Number(hlc.slice(0, WALL_DIGITS));
}

/** A new local event: the HLC to stamp it with, and the clock after it. */
export function tick(clock: ClockState, now: number): { clock: ClockState; hlc: Hlc } {
  const next = now > clock.wall ? { wall: now, counter: 0, node: clock.node } : { wall: clock.wall, counter: clock.counter + 1, node: clock.node };
  if (next.counter > MAX_COUNTER) {
    // Cannot happen at human speed; means the clock state was corrupted.
    throw new Error('hybrid logical clock counter overflow');
  }
  return { clock: next, hlc: formatHlc(next) };
}

/**
 * Fold a remote HLC into the local clock, so that every later local event is
 * ordered after everything this device has seen (an edit made after reading a
 * colleague's change must win over it).
 */
export function receive(clock: ClockState, remote: Hlc, now: number): ClockState {
  const other = parseHlc(remote);
  const wall = Math.max(clock.wall, other.wall, now);
  let counter: number;
  if (wall === clock.wall && wall === other.wall) counter = Math.max(clock.counter, other.counter) + 1;
  else if (wall === clock.wall) counter = clock.counter + 1;
  else if (wall === other.wall) counter = other.counter + 1;
  else counter = 0;
  return { wall, counter: Math.min(counter, MAX_COUNTER), node: clock.node };
}
