import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_TALLY, observed, settled, shown, tapped, type Tally } from '../../src/app/ui/tally.ts';

const KEY = 'residents';

describe('counting faster than the live query', () => {
  it('shows a tap at once, before anything was written', () => {
    const tally = tapped(EMPTY_TALLY, KEY, 1, 0);
    expect(shown(0, 0, tally[KEY])).toBe(1);
  });

  it('never counts a tap twice when the live query shows it before the write resolves', () => {
    let tally = tapped(EMPTY_TALLY, KEY, 1, 0);
    // the live query already includes the tap; the write has not resolved
    expect(shown(1, 1, tally[KEY])).toBe(1);
    tally = settled(tally, KEY, 1, true, 1);
    expect(tally[KEY]).toBeUndefined();
    expect(shown(1, 1, tally[KEY])).toBe(1);
  });

  it('keeps a tap visible when the write resolves before the live query re-runs', () => {
    let tally = tapped(EMPTY_TALLY, KEY, 1, 0);
    tally = settled(tally, KEY, 1, true, 0);
    expect(shown(0, 0, tally[KEY])).toBe(1);
    tally = observed(tally);
    expect(shown(1, 1, tally[KEY])).toBe(1);
  });

  it('takes back a tap whose write failed', () => {
    let tally = tapped(EMPTY_TALLY, KEY, 1, 4);
    tally = settled(tally, KEY, 1, false, 4);
    expect(shown(4, 4, tally[KEY])).toBe(4);
  });

  it('adds other phones’ counts to this phone’s', () => {
    const tally = tapped(EMPTY_TALLY, KEY, 1, 2);
    // 7 in total, of which 2 counted here: 5 from the other door
    expect(shown(7, 2, tally[KEY])).toBe(8);
  });

  it('never shows less than zero', () => {
    expect(shown(0, 0, tapped(EMPTY_TALLY, KEY, -1, 0)[KEY])).toBe(0);
  });

  it('shows every one of ten quick taps, whatever order writes and live answers arrive in', () => {
    type Event = { kind: 'settle' } | { kind: 'observe' };
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom<Event>({ kind: 'settle' }, { kind: 'observe' }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 10 }),
        (events, taps) => {
          // A model of the store: own count committed so far, and the live answer (which lags).
          let committed = 0;
          let liveOwn = 0;
          let inFlight = 0;
          let tally: Tally = EMPTY_TALLY;
          for (let i = 0; i < taps; i++) {
            tally = tapped(tally, KEY, 1, liveOwn);
            inFlight++;
          }
          const show = () => shown(liveOwn, liveOwn, tally[KEY]);
          for (const event of events) {
            if (event.kind === 'settle' && inFlight > 0) {
              committed++;
              inFlight--;
              tally = settled(tally, KEY, 1, true, liveOwn);
            } else if (event.kind === 'observe') {
              liveOwn = committed;
              tally = observed(tally);
            }
            // While writes are in flight the screen never shows fewer taps than were made.
            if (inFlight > 0) expect(show()).toBe(taps);
          }
          // Everything lands and the live query answers one last time.
          while (inFlight > 0) {
            committed++;
            inFlight--;
            tally = settled(tally, KEY, 1, true, liveOwn);
          }
          liveOwn = committed;
          tally = observed(tally);
          expect(show()).toBe(taps);
          expect(tally).toEqual(EMPTY_TALLY);
        },
      ),
    );
  });
});
