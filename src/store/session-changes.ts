/**
 * Changes to the stored session while the app runs: the server called it
 * expired, a sync extended it, the server's fresh word on who this is. Each
 * reads and writes in one idb-keyval transaction, so two tabs never undo
 * each other.
 */
import { get, update, type UseStore } from 'idb-keyval';
import type { Me, Session } from '../domain/auth.ts';
import { isSessionLike, SESSION_KEY } from './session.ts';

/**
 * The server answered 'session-expired' or 'unauthenticated': keep the
 * session (who was signed in, so local data still has an owner) but treat it
 * as run out until the next sign-in. Resolves to the stored session.
 */
export function markSessionExpired(now: number, kv?: UseStore): Promise<Session | null> {
  return changeSession((session) => (session.expiresAt <= now ? session : { ...session, expiresAt: now }), kv);
}

/**
 * A call with this token succeeded: the server slides a session's end along
 * with every contact (domain SESSION_DAYS; the caller passes `until`), so
 * the local copy moves along too, never back. A session marked expired that
 * the server has just accepted is alive again.
 */
export function extendSession(until: number, kv?: UseStore): Promise<Session | null> {
  return changeSession((session) => (until <= session.expiresAt ? session : { ...session, expiresAt: until }), kv);
}

/** The server's fresh word on who this is (role, buurten, teams), from GET /api/v1/me. */
export function updateMe(me: Me, kv?: UseStore): Promise<Session | null> {
  return changeSession((session) => (session.me.userId === me.userId ? { ...session, me } : session), kv);
}

async function changeSession(change: (session: Session) => Session, kv?: UseStore): Promise<Session | null> {
  if (!isSessionLike(await get<unknown>(SESSION_KEY, kv))) return null;
  let result: Session | null = null;
  // update(): read and write in one transaction, so two tabs never undo each other.
  await update<unknown>(
    SESSION_KEY,
    (value) => {
      if (!isSessionLike(value)) return value;
      result = change(value);
      return result;
    },
    kv,
  );
  return result;
}
