/**
 * Who is signed in on this device: the Session (device token, when it runs
 * out, and `me`) in idb-keyval, beside the settings. The token is kept only
 * here, sent only as `Authorization: Bearer …`, and stored only as a hash on
 * the server (DESIGN.md "Identity").
 *
 * A session outlives the network: the app works for weeks on local data
 * with it. When it runs out (or the server says so) it stays, marked
 * expired: local data is kept and sent after the next sign-in.
 *
 * Changing a stored session (expired, extended, a fresh `me`) is in
 * session-changes.ts, loaded after the first screen. Every function takes an
 * optional idb-keyval store, so tests isolate themselves.
 */
import { del, get, set, type UseStore } from 'idb-keyval';
import type { Me, Session } from '../domain/auth.ts';

export const SESSION_KEY = 'buurtlog:session';

export type { Me, Session };

/** The stored session, or null. A row that is not a session (an older format, a broken write) counts as none. */
export async function getSession(kv?: UseStore): Promise<Session | null> {
  const value = await get<unknown>(SESSION_KEY, kv);
  return isSessionLike(value) ? value : null;
}

/** Keep the session a sign-in or an invite gave (already parsed with SessionSchema by the caller). */
export function setSession(session: Session, kv?: UseStore): Promise<void> {
  return set(SESSION_KEY, session, kv);
}

export function clearSession(kv?: UseStore): Promise<void> {
  return del(SESSION_KEY, kv);
}

/** Run out: by its own date, or because the server said so (markSessionExpired). */
export function isSessionExpired(session: Pick<Session, 'expiresAt'>, now: number): boolean {
  return session.expiresAt <= now;
}

/** Whether a stored value is a session (an older format, a broken write is not). */
export function isSessionLike(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const { token, expiresAt, me } = value as Partial<Record<keyof Session, unknown>>;
  if (typeof token !== 'string' || typeof expiresAt !== 'number' || typeof me !== 'object' || me === null) return false;
  const { userId, tenantId, role } = me as Partial<Record<keyof Me, unknown>>;
  return typeof userId === 'string' && typeof tenantId === 'string' && typeof role === 'string';
}
