/**
 * Which forms hold unsaved input right now. The service worker's update flow
 * applies a new version only while `isEditing()` is false, because reloading
 * in the middle of entry loses work (DESIGN.md, "Update prompt").
 *
 * This is deliberately module state: there is one page, and the update flow
 * (src/sw) must be able to ask without reaching into the component tree.
 */
type Listener = (editing: boolean) => void;

const dirtyForms = new Set<string>();
const listeners = new Set<Listener>();

export function setEditing(formId: string, dirty: boolean): void {
  const before = dirtyForms.size > 0;
  if (dirty) dirtyForms.add(formId);
  else dirtyForms.delete(formId);
  const after = dirtyForms.size > 0;
  if (before !== after) for (const listener of listeners) listener(after);
}

export function isEditing(): boolean {
  return dirtyForms.size > 0;
}

/** Called with the new value whenever "anything being edited" flips; returns an unsubscribe. */
export function subscribeEditing(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
