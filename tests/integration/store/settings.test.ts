import 'fake-indexeddb/auto';
import { createStore } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { adoptDeviceId, getOrCreateDeviceId, getSetting, requestPersistence, setSetting, storageInfo } from '../../../src/store/settings.ts';

describe('device settings', () => {
  it('makes the device id once and keeps it, even when asked twice at once', async () => {
    const kv = createStore('settings-device', 'keyval');
    const [a, b] = await Promise.all([getOrCreateDeviceId(kv), getOrCreateDeviceId(kv)]);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(b).toBe(a);
    expect(await getOrCreateDeviceId(kv)).toBe(a);
  });

  it('adopts the device id the server granted at sign-in, and keeps that one from then on', async () => {
    const kv = createStore('settings-granted', 'keyval');
    const asked = await getOrCreateDeviceId(kv);
    await adoptDeviceId('granted-by-server-0001', kv);
    expect(await getOrCreateDeviceId(kv)).toBe('granted-by-server-0001');
    expect(asked).not.toBe('granted-by-server-0001');
  });

  it('keeps the language and when the privacy notice was read', async () => {
    const kv = createStore('settings-values', 'keyval');
    expect(await getSetting('language', kv)).toBeUndefined();
    await setSetting('language', 'en', kv);
    await setSetting('privacyAcknowledgedAt', 1_700_000_000_000, kv);
    expect(await getSetting('language', kv)).toBe('en');
    expect(await getSetting('privacyAcknowledgedAt', kv)).toBe(1_700_000_000_000);
  });
});

describe('storage persistence', () => {
  it('asks for persistent storage and reports usage and quota', async () => {
    const asked: string[] = [];
    const storage = {
      persisted: async () => (asked.push('persisted'), false),
      persist: async () => (asked.push('persist'), true),
      estimate: async () => ({ usage: 1_234, quota: 5_000_000 }),
    };
    expect(await requestPersistence({ storage })).toBe(true);
    expect(asked).toEqual(['persisted', 'persist']);
    expect(await storageInfo({ storage })).toEqual({ available: true, persisted: false, usage: 1_234, quota: 5_000_000 });
  });

  it('says null where the browser has no storage API', async () => {
    expect(await requestPersistence({})).toBeNull();
    expect(await storageInfo({})).toEqual({ available: false, persisted: null });
  });
});
