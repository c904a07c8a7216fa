import { useContext, useEffect, useState } from 'preact/hooks';
import { UnsavedWorkContext } from './unsaved-work.ts';

/**
 * Holds back the update reload while `isDirty`, and lets go when the form
 * goes away. Returns `release`, for a form that saved (or threw away) its
 * input and is about to leave while its state still says dirty: the update
 * need not wait for the next screen.
 *
 * @example
 * const release = useUnsavedWork(hasChanged(initial, draft));
 * await store.createActivity(fields); release(); navigate(LIST);
 */
export function useUnsavedWork(isDirty: boolean): () => void {
  const work = useContext(UnsavedWorkContext);
  const [form] = useState(() => ({}));
  useEffect(() => {
    work?.set(form, isDirty);
  }, [work, isDirty]);
  useEffect(() => () => work?.set(form, false), [work]);
  return () => work?.set(form, false);
}

/** Whether a form's values (text, lists, flags) differ from what it started with. */
export function hasChanged<T>(initial: T, current: T): boolean {
  return JSON.stringify(initial) !== JSON.stringify(current);
}
