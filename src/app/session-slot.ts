/**
 * Who is signed in, for the running app: the session as last stored
 * (src/store/session.ts), and a way to hear when it changes — a re-sign-in,
 * the server calling it expired, a fresh `me` from the server.
 */
import type { Session } from '../store/session.ts';

export type SessionSlot = {
  current(): Session;
  set(session: Session): void;
  subscribe(listener: (session: Session) => void): () => void;
};

export function createSessionSlot(initial: Session): SessionSlot {
  let session = initial;
  const listeners = new Set<(session: Session) => void>();
  return {
    current: () => session,
    set(next) {
      session = next;
      for (const listener of listeners) listener(next);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
