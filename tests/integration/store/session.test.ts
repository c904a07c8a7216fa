import 'fake-indexeddb/auto';
import { createStore, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { extendSession, markSessionExpired, updateMe } from '../../../src/store/session-changes.ts';
import { clearSession, getSession, isSessionExpired, setSession, type Session } from '../../../src/store/session.ts';

const DAY = 24 * 60 * 60_000;
const NOW = Date.UTC(2025, 10, 22, 9, 0, 0);

function session(overrides: Partial<Session> = {}): Session {
  return {
    token: 'k'.repeat(43),
    expiresAt: NOW + 60 * DAY,
    me: {
      userId: '0193a1b2-0000-7000-8000-00000000000a',
      tenantId: 'alblasserdam',
      tenantName: 'Alblasserdam',
      displayName: 'Anna',
      email: 'anna@alblasserdam.example',
      role: 'professional',
      buurtIds: ['oranjebuurt'],
      teamIds: [],
      deviceId: 'device-a-0000-0001',
    },
    ...overrides,
  };
}

let stores = 0;
const kv = () => createStore(`session-test-${stores++}`, 'keyval');

describe('the session on this device', () => {
  it('is kept, read back and forgotten', async () => {
    const store = kv();
    expect(await getSession(store)).toBeNull();
    await setSession(session(), store);
    expect(await getSession(store)).toEqual(session());
    await clearSession(store);
    expect(await getSession(store)).toBeNull();
  });

  it('reads a stored value that is not a session as none', async () => {
    const store = kv();
    await set('buurtlog:session', { token: 42 }, store);
    expect(await getSession(store)).toBeNull();
  });

  it('is marked expired when the server says so, and stays (local data keeps its owner)', async () => {
    const store = kv();
    await setSession(session(), store);
    const marked = await markSessionExpired(NOW, store);
    expect(marked?.expiresAt).toBe(NOW);
    expect(isSessionExpired(marked as Session, NOW)).toBe(true);
    expect((await getSession(store))?.token).toBe('k'.repeat(43));
    // Marking again never moves the end later.
    expect((await markSessionExpired(NOW + 1_000, store))?.expiresAt).toBe(NOW);
  });

  it('slides along with every contact, never back; one the server accepts again is alive again', async () => {
    const store = kv();
    await setSession(session({ expiresAt: NOW + DAY }), store);
    expect((await extendSession(NOW + 60 * DAY, store))?.expiresAt).toBe(NOW + 60 * DAY);
    expect((await extendSession(NOW + 10 * DAY, store))?.expiresAt).toBe(NOW + 60 * DAY);
    await markSessionExpired(NOW, store);
    expect((await extendSession(NOW + 61 * DAY, store))?.expiresAt).toBe(NOW + 61 * DAY);
  });

  it('takes the server’s fresh word on who this is, for the same person only', async () => {
    const store = kv();
    await setSession(session(), store);
    const moved = { ...session().me, teamIds: ['buurtpreventie-oranjebuurt'] };
    expect((await updateMe(moved, store))?.me.teamIds).toEqual(['buurtpreventie-oranjebuurt']);
    const someoneElse = { ...moved, userId: '0193a1b2-0000-7000-8000-0000000000ff', displayName: 'Piet' };
    expect((await updateMe(someoneElse, store))?.me.displayName).toBe('Anna');
  });

  it('changes nothing when there is no session', async () => {
    const store = kv();
    expect(await markSessionExpired(NOW, store)).toBeNull();
    expect(await extendSession(NOW + DAY, store)).toBeNull();
    expect(await getSession(store)).toBeNull();
  });
});
