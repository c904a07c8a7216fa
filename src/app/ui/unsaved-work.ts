import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';

/**
 * Which forms hold unsaved input right now. The shell offers a waiting new
 * version (UpdateBanner) only while nothing is unsaved, because reloading in
 * the middle of entry loses work (DESIGN.md, "Update prompt").
 *
 * One per app: App makes it and hands it down through UnsavedWorkContext,
 * so there is no module state and a test gets its own.
 */
export type UnsavedWork = {
  /** Marks (or clears) the unsaved input of one form, known by an object of its own. */
  set(form: object, isDirty: boolean): void;
  isAny(): boolean;
  /** Called with the new value whenever "anything unsaved" flips; returns an unsubscribe. */
  subscribe(listener: (isAny: boolean) => void): () => void;
};

export function createUnsavedWork(): UnsavedWork {
  const dirty = new Set<object>();
  const listeners = new Set<(isAny: boolean) => void>();
  return {
    set(form, isDirty) {
      const before = dirty.size > 0;
      if (isDirty) dirty.add(form);
      else dirty.delete(form);
      const after = dirty.size > 0;
      if (before !== after) for (const listener of listeners) listener(after);
    },
    isAny: () => dirty.size > 0,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/** Whether a form's values (text, lists, flags) differ from what it started with. */
export function hasChanged<T>(initial: T, current: T): boolean {
  return JSON.stringify(initial) !== JSON.stringify(current);
}

/** Outside the app (the start gate) there is none: no update is offered there. */
export const UnsavedWorkContext = createContext<UnsavedWork | null>(null);

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
