import type { ComponentChildren } from 'preact';

/** One term and its value in a `<dl class="details">`. */
export function DetailItem({ term, children }: { term: string; children: ComponentChildren }) {
  return (
    <div class="details-item">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
