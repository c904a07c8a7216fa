import { useEffect, useRef, useState } from 'preact/hooks';
import { hrefOf, parseRoute, type Route } from './router.ts';

/**
 * The current route from `location.hash`, and `navigate`. A replace that
 * leads back to the page we came from goes back in history instead, so
 * "Opslaan" on an edit screen does not leave the detail page twice in the
 * back stack.
 */
export function useHashRoute(win: Window): { route: Route; navigate(route: Route, opts?: { replace?: boolean }): void } {
  const [route, setRoute] = useState(() => parseRoute(win.location.hash));
  const previous = useRef<string | null>(null);
  const current = useRef(win.location.hash || '#/');

  useEffect(() => {
    const onChange = () => {
      const hash = win.location.hash || '#/';
      if (hash === current.current) return;
      previous.current = current.current;
      current.current = hash;
      setRoute(parseRoute(hash));
    };
    win.addEventListener('hashchange', onChange);
    // Effects run after the first paint: a hash change in between fired no
    // event for us, so catch up once now that we listen.
    onChange();
    return () => win.removeEventListener('hashchange', onChange);
  }, [win]);

  const navigate = (next: Route, opts: { replace?: boolean } = {}) => {
    const href = hrefOf(next);
    if (!opts.replace) {
      win.location.hash = href;
      return;
    }
    if (href === previous.current) {
      previous.current = null;
      win.history.back();
      return;
    }
    win.history.replaceState(win.history.state, '', href);
    current.current = href;
    setRoute(parseRoute(href));
  };

  return { route, navigate };
}
