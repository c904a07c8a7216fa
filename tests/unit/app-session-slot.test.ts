import { describe, expect, it } from 'vitest';
import { createSessionSlot } from '../../src/app/session-slot.ts';
import type { Session } from '../../src/store/session.ts';
import { isSessionExpired } from '../../src/store/session.ts';

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
    const slot = createSessionSlot(session);
    const seen: number[] = [];
    const stop = slot.subscribe((s) => seen.push(s.expiresAt));
    slot.set({ ...session, expiresAt: 1_000 });
    stop();
    slot.set({ ...session, expiresAt: 5_000 });
    expect(seen).toEqual([1_000]);
    expect(slot.current().expiresAt).toBe(5_000);
  });
});
