// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { lazyScreen } from '../../src/app/ui/lazy.tsx';

let container: HTMLElement | null = null;
afterEach(() => {
  if (container) render(null, container);
  container?.remove();
});

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const until = async (check: () => boolean, ms = 1_000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 5));
};

describe('a screen whose code loads on first use', () => {
  it('shows itself when its code arrives between its first render and its effect', async () => {
    // The shell preloads every screen; the person opens this one while that is under way,
    // and the code lands before Preact runs the screen's effects (this hung the offline app).
    const code = deferred<() => preact.JSX.Element>();
    const Screen = lazyScreen(() => code.promise);
    void Screen.preload();
    container = document.createElement('div');
    document.body.append(container);
    render(<Screen />, container);
    expect(container.textContent).toContain('wordt geladen');
    code.resolve(() => <h1>Nieuwe activiteit</h1>);
    await until(() => container?.textContent === 'Nieuwe activiteit');
    expect(container.textContent).toBe('Nieuwe activiteit');
  });

  it('shows itself at once when its code is already there', async () => {
    const Screen = lazyScreen(async () => () => <h1>Instellingen</h1>);
    await Screen.preload();
    container = document.createElement('div');
    document.body.append(container);
    render(<Screen />, container);
    expect(container.textContent).toBe('Instellingen');
  });

  it('offers to try again when its code cannot be fetched, and then shows itself', async () => {
    let calls = 0;
    const Screen = lazyScreen(async () => {
      calls++;
      if (calls === 1) throw new Error('offline');
      return () => <h1>Aanwezigheid</h1>;
    });
    container = document.createElement('div');
    document.body.append(container);
    render(<Screen />, container);
    await until(() => container?.querySelector('button') !== null);
    container.querySelector('button')?.click();
    await until(() => container?.textContent === 'Aanwezigheid');
    expect(container.textContent).toBe('Aanwezigheid');
  });
});
