/**
 * The bottom navigation's pictures, drawn as SVG so every phone shows the
 * same thing (emoji differ per phone or show as empty boxes). They live in
 * one sprite, public/icons/nav.svg (precached like the rest of the shell), so
 * the first download carries no path data. Decoration only: each link
 * carries its text label.
 */
export type NavIconName = 'activities' | 'findings' | 'patrol' | 'roster' | 'police' | 'monitoring' | 'admin' | 'settings';

export function NavIcon({ name }: { name: NavIconName }) {
  return (
    <svg class="nav-icon" aria-hidden="true" focusable="false">
      <use href={`/icons/nav.svg#${name}`} />
    </svg>
  );
}
