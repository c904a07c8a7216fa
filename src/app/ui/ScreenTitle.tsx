import type { ComponentChildren } from 'preact';

/**
 * The one h1 of a screen. Focusable from script so the shell can move focus
 * to it after navigation, and a screen reader reads where the user landed.
 */
export function ScreenTitle({ children }: { children: ComponentChildren }) {
  return (
    <h1 class="screen-title" tabIndex={-1}>
      {children}
    </h1>
  );
}
