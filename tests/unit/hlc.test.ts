import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClock, formatHlc, hlcWall, parseHlc, receive, tick, type ClockState } from '../../src/domain/hlc.ts';

describe('the hybrid logical clock', () => {
  it('serialises so that string order is time order', () => {
    const state = fc.record({
      wall: fc.integer({ min: 0, max: 4_000_000_000_000 }),
      counter: fc.integer({ min: 0, max: 99_999 }),
      node: fc.constant('dev-1234'),
    });
    fc.assert(
      fc.property(state, state, (a, b) => {
        const byTime = a.wall !== b.wall ? Math.sign(a.wall - b.wall) : Math.sign(a.counter - b.counter);
        const byString = formatHlc(a) < formatHlc(b) ? -1 : formatHlc(a) > formatHlc(b) ? 1 : 0;
        expect(byString).toBe(byTime);
      }),
    );
  });

  it('round-trips through its string form', () => {
    const clock: ClockState = { wall: 1_732_280_000_123, counter: 7, node: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' };
    expect(parseHlc(formatHlc(clock))).toEqual(clock);
    expect(hlcWall(formatHlc(clock))).toBe(1_732_280_000_123);
  });

  it('always moves forward, even when the wall clock goes back', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 50 }), (nows) => {
        let clock = createClock('device-a');
        let last = '';
        for (const now of nows) {
          const stamped = tick(clock, now);
          expect(stamped.hlc > last).toBe(true);
          last = stamped.hlc;
          clock = stamped.clock;
        }
      }),
    );
  });

  it('orders a local event after every remote event it has seen', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 99 }), (local, remote, counter) => {
        const seen = formatHlc({ wall: remote, counter, node: 'device-b' });
        const clock = receive(tick(createClock('device-a'), local).clock, seen, local);
        expect(tick(clock, local).hlc > seen).toBe(true);
      }),
    );
  });

  it('refuses a string that is not a clock value', () => {
    expect(() => parseHlc('yesterday')).toThrow();
  });
});
