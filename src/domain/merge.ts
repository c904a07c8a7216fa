/**
 * The merge rules of Buurtlog, as pure functions. The app and the server both
 * call these; no other code decides which write wins.
 *
 * Every function here **must** be commutative, associative and idempotent
 * (tests/unit/merge.property.test.ts proves it with fast-check), so a retried,
 * duplicated or reordered delivery never changes the outcome.
 */
import type { Hlc } from './hlc.ts';

/** A last-writer-wins register: a field's value and the HLC of its write. */
export type FieldValue = { readonly v: unknown; readonly t: Hlc };
export type FieldMap = Readonly<Record<string, FieldValue>>;

/** One device's running totals of a PN-counter: increments and decrements. */
export type CounterEntry = { readonly p: number; readonly n: number };
/** A PN-counter: each device writes only its own entry. */
export type Counter = Readonly<Record<string, CounterEntry>>;
export type CounterMap = Readonly<Record<string, Counter>>;

/** The mergeable part of a synced record. */
export type Mergeable = { readonly fields: FieldMap; readonly counters: CounterMap };

/**
 * Pick the winner of two writes of one field: the later HLC. Two writes with
 * the same HLC come from the same device and event, so they carry the same
 * value; comparing the serialised values only keeps the function total (and
 * commutative) if a buggy client ever sends two values with one HLC.
 */
export function mergeField(a: FieldValue, b: FieldValue): FieldValue {
  if (a.t !== b.t) return a.t > b.t ? a : b;
  return stableStringify(a.v) >= stableStringify(b.v) ? a : b;
}

export function mergeFields(a: FieldMap, b: FieldMap): FieldMap {
  const out: Record<string, FieldValue> = { ...a };
  for (const [name, incoming] of Object.entries(b)) {
    const current = own(out, name);
    out[name] = current ? mergeField(current, incoming) : incoming;
  }
  return out;
}

/** Per device, the larger running totals win: a device's totals only grow. */
export function mergeCounter(a: Counter, b: Counter): Counter {
  const out: Record<string, CounterEntry> = { ...a };
  for (const [device, incoming] of Object.entries(b)) {
    const current = own(out, device);
    out[device] = current ? { p: Math.max(current.p, incoming.p), n: Math.max(current.n, incoming.n) } : incoming;
  }
  return out;
}

export function mergeCounters(a: CounterMap, b: CounterMap): CounterMap {
  const out: Record<string, Counter> = { ...a };
  for (const [key, incoming] of Object.entries(b)) {
    const current = own(out, key);
    out[key] = current ? mergeCounter(current, incoming) : incoming;
  }
  return out;
}

export function mergeRecord<T extends Mergeable>(a: T, b: Mergeable): T {
  return { ...a, fields: mergeFields(a.fields, b.fields), counters: mergeCounters(a.counters, b.counters) };
}

/** The value of a PN-counter: the sum over devices of increments minus decrements. */
export function counterValue(counter: Counter | undefined): number {
  if (!counter) return 0;
  let total = 0;
  for (const entry of Object.values(counter)) total += entry.p - entry.n;
  return total;
}

/**
 * Change this device's entry of a counter by `delta`, keeping running totals
 * (never rewriting another device's entry).
 */
export function bumpCounter(counter: Counter | undefined, device: string, delta: number): Counter {
  const entry = (counter && own(counter, device)) ?? { p: 0, n: 0 };
  const next = delta >= 0 ? { p: entry.p + delta, n: entry.n } : { p: entry.p, n: entry.n - delta };
  return { ...counter, [device]: next };
}

/** Whether merging `incoming` into `current` would change anything. */
export function changesRecord(current: Mergeable, incoming: Mergeable): boolean {
  return stableStringify(canonical(mergeRecord(current, incoming))) !== stableStringify(canonical(current));
}

function canonical(record: Mergeable): Mergeable {
  return { fields: record.fields, counters: record.counters };
}

/**
 * A map's own entry, never an inherited one: a device id such as "constructor"
 * passes DeviceIdSchema and must not pick up Object.prototype.constructor.
 */
function own<V>(map: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}

/** JSON with object keys sorted, so equal values serialise equally. */
export function stableStringify(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const entries = Object.keys(value)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${stableStringify((value as Record<string, unknown>)[key])}`);
  return `{${entries.join(',')}}`;
}
