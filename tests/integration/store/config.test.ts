// Dexie's liveQuery needs a global indexedDB, read when dexie loads; each store still gets its own IDBFactory.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../../src/domain/hlc.ts';
import type { SyncRecord } from '../../../src/domain/records.ts';
import { InvalidInputError } from '../../../src/store/invalid-input.ts';
import { manualClock, openTestStore } from '../../fixtures/factories.ts';
import { DEVICE_B, NOW, TENANT } from '../../fixtures/fixed.ts';

const stamp = (offsetMs = 0) => formatHlc({ wall: NOW + offsetMs, counter: 0, node: DEVICE_B });
const item = (type: SyncRecord['type'], id: string, values: Record<string, unknown>): SyncRecord => ({
  id,
  type,
  tenantId: TENANT,
  fields: Object.fromEntries(Object.entries({ hidden: false, deleted: false, order: 0, ...values }).map(([k, v]) => [k, { v, t: stamp() }])),
  counters: {},
});

describe('the configuration, from records', () => {
  it('is empty before the first pull, and built from the pulled records after', async () => {
    const store = await openTestStore({ tenantName: 'Alblasserdam' });
    expect(await store.ui.config.get()).toMatchObject({ id: TENANT, name: 'Alblasserdam', buurten: [], teams: [] });

    await store.sync.applyPullPage(
      [
        item('buurt', 'schildersbuurt', { name: 'Schildersbuurt', order: 2 }),
        item('buurt', 'oranjebuurt', { name: 'Oranjebuurt', order: 1 }),
        item('buurt', 'weg', { name: 'Weg', deleted: true }),
        item('partner', 'swa', { name: 'SWA', kind: 'welfare' }),
        item('theme', 'omgeving-gemeenschap', { label: 'Omgeving & gemeenschap' }),
        item('activityType', 'drop-in', { label: null, hidden: true }),
        item('team', 'buurtpreventie-oranjebuurt', { name: 'Buurtpreventie Oranjebuurt', kind: 'buurtpreventie', buurtIds: ['oranjebuurt'], memberIds: [] }),
      ],
      '7',
    );
    const config = await store.ui.config.get();
    expect(config.buurten.map((b) => b.name)).toEqual(['Oranjebuurt', 'Schildersbuurt']);
    expect(config.partners).toEqual([{ id: 'swa', name: 'SWA', kind: 'welfare' }]);
    expect(config.activityTypes).toEqual([{ id: 'drop-in', hidden: true }]);
    expect(config.teams).toEqual([
      { id: 'buurtpreventie-oranjebuurt', name: 'Buurtpreventie Oranjebuurt', kind: 'buurtpreventie', buurtIds: ['oranjebuurt'], memberIds: [] },
    ]);
  });

  it('takes a coordinator’s edit as a local write with its outbox entry, only the changed fields stamped anew', async () => {
    const clock = manualClock();
    const store = await openTestStore({ now: clock.now });
    await store.sync.applyPullPage([item('buurt', 'oranjebuurt', { name: 'Oranjebuurt' })], '1');
    clock.advance(1_000);
    await store.ui.config.save('buurt', 'oranjebuurt', { name: 'Oranjewijk', hidden: false });

    expect((await store.ui.config.get()).buurten).toEqual([{ id: 'oranjebuurt', name: 'Oranjewijk' }]);
    const [change] = (await store.ui.outbox.exportUnsent()).changes;
    expect(change).toMatchObject({ recordType: 'buurt', recordId: 'oranjebuurt', state: 'pending' });
    expect(Object.keys(change?.mutation.fields ?? {})).toEqual(['name']);
  });

  it('adds a new item with a device-made id, shown and not deleted', async () => {
    const store = await openTestStore();
    const id = await store.ui.config.save('team', null, { name: 'Werkgroep Groen', kind: 'workingGroup', buurtIds: [], memberIds: [], order: 3 });
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect((await store.ui.config.get()).teams).toEqual([{ id, name: 'Werkgroep Groen', kind: 'workingGroup', buurtIds: [], memberIds: [] }]);
    const [change] = (await store.ui.outbox.exportUnsent()).changes;
    expect(change?.mutation.fields).toMatchObject({ hidden: { v: false }, deleted: { v: false }, order: { v: 3 }, name: { v: 'Werkgroep Groen' } });
  });

  it('refuses what the domain would refuse, and writes nothing', async () => {
    const store = await openTestStore();
    await expect(store.ui.config.save('buurt', null, { cbsCode: 'BU1' })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(store.ui.config.save('partner', null, { name: 'X', kind: 'bakery' })).rejects.toThrow(/kind/);
    await expect(store.ui.config.save('buurt', null, { name: 'X', colour: 'red' })).rejects.toThrow(/colour/);
    await expect(store.ui.config.save('buurt', 'nergens', { name: 'X' })).rejects.toThrow(/no buurt/);
    expect((await store.ui.outbox.exportUnsent()).changes).toEqual([]);
  });
});
