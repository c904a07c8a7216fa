// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useCounter, type CountedView } from '../../src/app/ui/use-counter.ts';

type View = CountedView & { total: number };

/** One counter on a live answer that never changes, with writes the test settles by hand. */
function Tapper({ view, write, onFailed }: { view: View; write(): Promise<void>; onFailed(): void }) {
  const counter = useCounter({ view, totalOf: (v) => v.total, write, onFailed });
  return (
    <button type="button" onClick={() => counter.bump('residents', 1)}>
      Bewoners: {counter.countOf('residents')}
    </button>
  );
}

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const VIEW: View = { total: 4, ownCounts: {} };

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('counting taps with useCounter', () => {
  it('shows a tap at once and keeps it while the live answer lags', async () => {
    const write = deferred();
    render(<Tapper view={VIEW} write={() => write.promise} onFailed={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Bewoners: 4' }));
    expect(screen.getByRole('button', { name: 'Bewoners: 5' })).toBeTruthy();
    write.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(screen.getByRole('button', { name: 'Bewoners: 5' })).toBeTruthy();
    // No live answer followed the write: after a second the live value wins.
    await vi.advanceTimersByTimeAsync(1000);
    expect(screen.getByRole('button', { name: 'Bewoners: 4' })).toBeTruthy();
  });

  it('clears its waiting timer when the screen goes away', async () => {
    const write = deferred();
    const { unmount } = render(<Tapper view={VIEW} write={() => write.promise} onFailed={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Bewoners: 4' }));
    write.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(vi.getTimerCount()).toBe(1);
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('starts nothing when a write settles after the screen went away, and still reports a failure', async () => {
    const settles = deferred();
    const fails = deferred();
    const writes = [settles, fails];
    const onFailed = vi.fn();
    const { unmount } = render(<Tapper view={VIEW} write={() => writes.shift()!.promise} onFailed={onFailed} />);
    fireEvent.click(screen.getByRole('button', { name: 'Bewoners: 4' }));
    fireEvent.click(screen.getByRole('button', { name: 'Bewoners: 5' }));
    unmount();
    settles.resolve();
    fails.reject(new Error('disk full'));
    await vi.advanceTimersByTimeAsync(0);
    expect(vi.getTimerCount()).toBe(0);
    expect(onFailed).toHaveBeenCalledTimes(1);
  });
});
