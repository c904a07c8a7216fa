/**
 * Long lists (the activities, a buurt's open findings) show a page and a
 * "Meer tonen" button below it, not a windowed (virtual) list. A page is
 * plain HTML: every shown item is a real list item, so the keyboard, a
 * screen reader's list navigation ("lijst, 20 items") and find-in-page reach
 * each one, and nothing is swapped in or out under someone's finger or
 * cursor while they scroll; the next page is added below, only when asked.
 * A windowed list would have to recycle rows as the page scrolls, which
 * screen readers read as a list that changes and keyboard focus can fall out
 * of. The screen reads only what it shows (the store pages by index).
 */
import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../i18n/use-t.ts';

/**
 * Items on a page: a phone shows about five cards below a list's filters, so
 * ten fill the screen twice; each more costs the first page its read and its
 * render (`npm run bench`, list open times at 4× CPU slowdown).
 */
export const PAGE_SIZE = 10;

export type Paging = {
  /** How many items to show now. */
  readonly limit: number;
  /** Show the next page and move focus to its first item once it is shown. */
  readonly more: (shown: number) => void;
  /** The list (`<ul>`/`<ol>`) whose items are paged. */
  readonly listRef: RefObject<HTMLUListElement>;
};

/** The paging of one list; it starts again at one page whenever `resetKey` (its filters) changes. */
export function usePaging(resetKey: string): Paging {
  const [state, setState] = useState({ key: resetKey, limit: PAGE_SIZE });
  const limit = state.key === resetKey ? state.limit : PAGE_SIZE;
  const listRef = useRef<HTMLUListElement>(null);
  const focusFrom = useRef<number | null>(null);
  useEffect(() => {
    const from = focusFrom.current;
    if (from === null) return;
    const link = listRef.current?.children[from]?.querySelector<HTMLElement>('a[href]');
    if (!link) return;
    focusFrom.current = null;
    link.focus();
  });
  return {
    limit,
    more: (shown) => {
      focusFrom.current = shown;
      setState({ key: resetKey, limit: limit + PAGE_SIZE });
    },
    listRef,
  };
}

/** The button below a paged list while it has more than it shows. */
export function ShowMore({ paging, shown, total }: { paging: Paging; shown: number; total: number }) {
  const t = useT();
  if (shown >= total) return null;
  return (
    <button type="button" class="button button-block show-more" onClick={() => paging.more(shown)}>
      {t('list.showMore')}
    </button>
  );
}
