/**
 * Where a waiting new version waits: the service worker bridge offers its
 * `apply` here, the shell shows UpdateBanner while one is on offer.
 */
export type UpdateSlot = {
  offer(apply: () => void): void;
  current(): (() => void) | null;
  subscribe(listener: () => void): () => void;
};

export function createUpdateSlot(): UpdateSlot {
  let apply: (() => void) | null = null;
  const listeners = new Set<() => void>();
  return {
    offer(next) {
      apply = next;
      for (const listener of listeners) listener();
    },
    current: () => apply,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
