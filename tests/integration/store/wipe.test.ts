// Dexie's liveQuery needs a global indexedDB, read when dexie loads; each store still gets its own IDBFactory.
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createStore, keys } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { getSession, setSession } from '../../../src/store/session.ts';
import { getOrCreateDeviceId, getSetting, setSetting } from '../../../src/store/settings.ts';
import { openStore } from '../../../src/store/store.ts';
import { wipeLocalData } from '../../../src/store/wipe.ts';
import { activityInput, manualClock, withSync } from '../../fixtures/factories.ts';
import { NOW, TENANT } from '../../fixtures/fixed.ts';

describe('wiping the device', () => {
  it('deletes every Buurtlog database, the session and the settings, and rotates the device id', async () => {
    const factory = new IDBFactory();
    const kv = createStore('wipe-all', 'keyval');
    const clock = manualClock();
    const oldId = await getOrCreateDeviceId(kv, clock.now);
    await setSetting('language', 'en', kv);
    await setSetting('privacyAcknowledgedAt', NOW, kv);
    await setSession(
      {
        token: 'k'.repeat(43),
        expiresAt: NOW + 1_000,
        me: {
          userId: '0193a1b2-0000-7000-8000-00000000000a',
          tenantId: TENANT,
          tenantName: 'Alblasserdam',
          displayName: 'Anna',
          email: null,
          role: 'professional',
          buurtIds: [],
          teamIds: [],
          deviceId: oldId,
        },
      },
      kv,
    );

    const store = await withSync(await openStore({ deviceId: oldId, tenantId: TENANT, indexedDB: factory, IDBKeyRange, now: clock.now }));
    const id = await store.ui.activities.create(activityInput());
    await store.ui.attendance.bump(id, 'residents', 1);
    // A database of another programme this phone was once signed in to.
    const other = await openStore({ deviceId: oldId, tenantId: 'ridderkerk', indexedDB: factory, IDBKeyRange, now: clock.now });
    await other.ui.activities.create(activityInput());
    other.close();

    const newId = await wipeLocalData({ store, indexedDB: factory, kv, now: clock.now });

    expect(newId).not.toBe(oldId);
    expect(await getOrCreateDeviceId(kv)).toBe(newId);
    expect(await keys(kv)).toEqual(['buurtlog:deviceId']);
    expect(await getSession(kv)).toBeNull();
    expect(await getSetting('language', kv)).toBeUndefined();
    expect((await factory.databases()).map((db) => db.name)).toEqual([]);

    const fresh = await withSync(await openStore({ deviceId: newId, tenantId: TENANT, indexedDB: factory, IDBKeyRange, now: clock.now }));
    expect(await fresh.ui.activities.list()).toEqual([]);
    expect(await fresh.sync.pendingCount()).toBe(0);
    // A new device counts from zero under its own id.
    const again = await fresh.ui.activities.create(activityInput());
    await fresh.ui.attendance.bump(again, 'residents', 1);
    expect((await fresh.ui.attendance.get(again)).ownCounts).toEqual({ residents: 1 });
    expect(Object.keys((await fresh.ui.outbox.exportUnsent()).changes[1]?.mutation.counters['residents'] ?? {})).toEqual([newId]);
    fresh.close();
  });

  it('refuses every later use of the wiped store, so nothing can recreate the database', async () => {
    const factory = new IDBFactory();
    const store = await withSync(await openStore({ deviceId: 'device-a-0000-0001', tenantId: TENANT, indexedDB: factory, IDBKeyRange, now: () => NOW }));
    await wipeLocalData({ store, indexedDB: factory, kv: createStore('wipe-late', 'keyval') });
    await expect(store.ui.activities.list()).rejects.toThrow();
    await expect(store.sync.pendingCount()).rejects.toThrow();
    expect((await factory.databases()).map((db) => db.name)).toEqual([]);
  });
});
