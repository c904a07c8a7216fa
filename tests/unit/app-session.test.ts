import { describe, expect, it, vi } from 'vitest';
import type { Session } from '../../src/store/session.ts';
import { isSessionExpired } from '../../src/store/session.ts';
import { createObservable } from '../../src/sync/observable.ts';

const session: Session = {
  token: 't'.repeat(43),
  expiresAt: 2_000,
  me: {
    userId: '0193a1b2-0000-7000-8000-00000000000a',
    tenantId: 'alblasserdam',
    tenantName: 'Alblasserdam',
    displayName: 'Sanne',
    email: null,
    role: 'volunteer',
    buurtIds: [],
    teamIds: ['buurtpreventie-oranjebuurt'],
    deviceId: 'device-a-0000-0001',
  },
};

describe('the session while the app runs', () => {
  it('runs out at its end, not before', () => {
    expect(isSessionExpired(session, 1_999)).toBe(false);
    expect(isSessionExpired(session, 2_000)).toBe(true);
  });

  it('tells the app when it changes (a new sign-in, the server calling it expired)', () => {
    const sessions = createObservable(session);
    const seen: number[] = [];
    const stop = sessions.subscribe((s) => seen.push(s.expiresAt));
    sessions.set({ ...session, expiresAt: 1_000 });
    stop();
    sessions.set({ ...session, expiresAt: 5_000 });
    expect(seen).toEqual([1_000]);
    expect(sessions.current().expiresAt).toBe(5_000);
  });

  it('tells every listener even when one of them fails', () => {
    const sessions = createObservable(session);
    const seen: number[] = [];
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    sessions.subscribe(() => {
      throw new Error('a broken screen');
    });
    sessions.subscribe((s) => seen.push(s.expiresAt));
    sessions.set({ ...session, expiresAt: 3_000 });
    expect(seen).toEqual([3_000]);
    expect(errors).toHaveBeenCalledOnce();
    errors.mockRestore();
  });
});
