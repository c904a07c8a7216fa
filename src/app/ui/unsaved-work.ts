import { createContext } from 'preact';

/**
 * Which forms hold unsaved input right now. The shell offers a waiting new
 * version (UpdateBanner) only while nothing is unsaved, because reloading in
 * the middle of entry loses work (DESIGN.md, "Update prompt").
 *
 * One per app: App makes it and hands it down through UnsavedWorkContext,
 * so there is no module state and a test gets its own. Forms mark their
 * input with useUnsavedWork (use-unsaved-work.ts, loaded with the forms).
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

/** Outside the app (the start gate) there is none: no update is offered there. */
export const UnsavedWorkContext = createContext<UnsavedWork | null>(null);
