/**
 * "Terug": back where the person came from. When the previous history entry
 * is a screen of this app (the app saw a hash change since it loaded), a tap
 * is `history.back()`, so the open findings, a round or the report come back
 * as they were; otherwise — opened from a shared link, or after a reload —
 * the link goes to `parent`, a sensible screen above this one.
 */
import type { ComponentChildren } from 'preact';
import { useApp } from '../context.ts';

let inAppSteps = 0;
let isListening = false;

function listen(view: Window | null): void {
  if (isListening || !view) return;
  isListening = true;
  view.addEventListener('hashchange', () => {
    inAppSteps++;
  });
}

export function BackLink({ parent, class: className, children }: { parent: string; class?: string; children: ComponentChildren }) {
  const { platform } = useApp();
  const view = platform.document.defaultView;
  listen(view);
  return (
    <a
      class={className}
      href={parent}
      onClick={(event) => {
        if (inAppSteps === 0 || !view) return;
        event.preventDefault();
        view.history.back();
      }}
    >
      {children}
    </a>
  );
}
