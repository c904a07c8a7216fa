import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../src/domain/hlc.ts';
import {
  bumpCounter,
  counterValue,
  mergeCounters,
  mergeFields,
  mergeRecord,
  stableStringify,
  type CounterMap,
  type FieldMap,
  type Mergeable,
} from '../../src/domain/merge.ts';

const devices = ['device-a', 'device-b', 'device-c'];
const hlc = fc.record({ wall: fc.integer({ min: 0, max: 50 }), counter: fc.integer({ min: 0, max: 3 }), node: fc.constantFrom(...devices) }).map(formatHlc);
const fieldMap: fc.Arbitrary<FieldMap> = fc.dictionary(
  fc.constantFrom('title', 'date', 'status', 'notes'),
  fc.record({ v: fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.boolean()), t: hlc }),
  { maxKeys: 4 },
);
const counterMap: fc.Arbitrary<CounterMap> = fc.dictionary(
  fc.constantFrom('residents', 'children', 'pc4:2951'),
  fc.dictionary(fc.constantFrom(...devices), fc.record({ p: fc.nat(20), n: fc.nat(20) }), { maxKeys: 3 }),
  { maxKeys: 3 },
);
const record: fc.Arbitrary<Mergeable> = fc.record({ fields: fieldMap, counters: counterMap });

function same(a: Mergeable, b: Mergeable): void {
  expect(stableStringify(a)).toBe(stableStringify(b));
}

describe('merging records', () => {
  it('gives the same result in either order (commutative)', () => {
    fc.assert(fc.property(record, record, (a, b) => same(mergeRecord(a, b), mergeRecord(b, a))));
  });

  it('gives the same result however merges are grouped (associative)', () => {
    fc.assert(fc.property(record, record, record, (a, b, c) => same(mergeRecord(mergeRecord(a, b), c), mergeRecord(a, mergeRecord(b, c)))));
  });

  it('changes nothing when the same state arrives twice (idempotent)', () => {
    fc.assert(fc.property(record, record, (a, b) => same(mergeRecord(mergeRecord(a, b), b), mergeRecord(a, b))));
  });

  it('keeps, per field, the write with the latest clock', () => {
    fc.assert(
      fc.property(fieldMap, fieldMap, (a, b) => {
        const merged = mergeFields(a, b);
        for (const [name, field] of Object.entries(merged)) {
          for (const side of [a, b]) {
            const other = side[name];
            if (other) expect(field.t >= other.t).toBe(true);
          }
        }
      }),
    );
  });
});

describe('counting on several devices', () => {
  type Tap = { device: string; key: string; delta: 1 | -1 };
  const taps = fc.array(
    fc.record({ device: fc.constantFrom(...devices), key: fc.constantFrom('residents', 'children'), delta: fc.constantFrom<1 | -1>(1, -1) }),
    { maxLength: 60 },
  );

  /** Each device's local state after its own taps, snapshotted after every tap (every state it could ever send). */
  function snapshots(all: Tap[]): CounterMap[] {
    const state = new Map<string, CounterMap>();
    const sent: CounterMap[] = [];
    for (const tap of all) {
      const own = state.get(tap.device) ?? {};
      const next = { ...own, [tap.key]: bumpCounter(own[tap.key], tap.device, tap.delta) };
      state.set(tap.device, next);
      sent.push(next);
    }
    return sent;
  }

  it('never loses an increment, whatever the order, duplication or interleaving of deliveries', () => {
    fc.assert(
      fc.property(taps, fc.array(fc.nat(), { maxLength: 200 }), (all, order) => {
        const sent = snapshots(all);
        // Deliver every snapshot at least once, plus random duplicates, in a random order.
        const deliveries = [...sent, ...order.filter(() => sent.length > 0).map((i) => sent[i % sent.length] as CounterMap)];
        const shuffled = deliveries
          .map((state, i) => ({ state, sortKey: order[i % Math.max(order.length, 1)] ?? i }))
          .sort((x, y) => x.sortKey - y.sortKey)
          .map((d) => d.state);
        const server = shuffled.reduce<CounterMap>((acc, state) => mergeCounters(acc, state), {});
        for (const key of ['residents', 'children']) {
          const expected = all.filter((t) => t.key === key).reduce((sum, t) => sum + t.delta, 0);
          expect(counterValue(server[key])).toBe(expected);
        }
      }),
    );
  });

  it('adds up two doors counting the same activity offline: 10 and 15 make 25', () => {
    let a: CounterMap = {};
    let b: CounterMap = {};
    for (let i = 0; i < 10; i++) a = { residents: bumpCounter(a['residents'], 'device-a', 1) };
    for (let i = 0; i < 15; i++) b = { residents: bumpCounter(b['residents'], 'device-b', 1) };
    expect(counterValue(mergeCounters(a, b)['residents'])).toBe(25);
    expect(counterValue(mergeCounters(mergeCounters(a, b), a)['residents'])).toBe(25);
  });
});
