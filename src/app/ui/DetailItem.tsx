import type { ComponentChildren } from 'preact';

/**
 * One term and its value in a `<dl>`: the `details` list of a screen by
 * default, or another list's look through `class` (the report's compact facts).
 */
export function DetailItem({
  term,
  children,
  class: className = 'details-item',
  valueClass,
}: {
  term: string;
  children: ComponentChildren;
  class?: string;
  valueClass?: string;
}) {
  return (
    <div class={className}>
      <dt>{term}</dt>
      <dd class={valueClass}>{children}</dd>
    </div>
  );
}
