/**
 * Leaving scope (issue 13, item 5), phones and the real server in one
 * process: the coordinator's phone moves two of the Oranjebuurt's
 * activities to Kinderdijk and one from Kinderdijk to the Oranjebuurt. At the
 * Oranjebuurt professional's next sync the untouched one is gone, the one
 * moved in has arrived, and the one she had changed meanwhile is pushed
 * first — refused, visibly — and stays until she dismisses the refusal.
 */
// Dexie's liveQuery needs a global indexedDB, read when dexie loads; each store still gets its own IDBFactory.
import 'fake-indexeddb/auto';
import { expect, it } from 'vitest';
import { activityInput } from '../../fixtures/factories.ts';
import { DEVICE_A, eachTestServer, openDevice, type ManualClock, type TestServer } from './harness.ts';

let server: TestServer;
let clock: ManualClock;
eachTestServer((s, c) => ((server = s), (clock = c)));

it('drops what moved out at the next sync, pushes and shows the refused change first, and brings what moved in', async () => {
  const coordinator = await openDevice(server, DEVICE_A, { now: clock.now });
  const professional = await server.addUser({ role: 'professional', buurtIds: ['oranjebuurt'], devices: ['prof-phone-0001'] });
  const phone = await openDevice(server, 'prof-phone-0001', { now: clock.now, user: professional });

  const untouched = await coordinator.store.ui.activities.create(activityInput({ title: 'Koffieochtend' }));
  const changed = await coordinator.store.ui.activities.create(activityInput({ title: 'Buurtschouw' }));
  const arriving = await coordinator.store.ui.activities.create(activityInput({ title: 'Molenwandeling', buurtId: 'kinderdijk' }));
  expect(await coordinator.sync()).toMatchObject({ ok: true });
  expect(await phone.sync()).toMatchObject({ ok: true });
  const titles = async () => (await phone.store.ui.activities.list()).map((activity) => activity.title).sort();
  expect(await titles()).toEqual(['Buurtschouw', 'Koffieochtend']);

  // She changes one (not sent yet); the coordinator moves both to Kinderdijk, and the walk to the Oranjebuurt.
  clock.advance(60_000);
  await phone.store.ui.activities.update(changed, { notes: 'Hesjes meenemen' });
  clock.advance(60_000);
  for (const id of [untouched, changed]) await coordinator.store.ui.activities.update(id, { buurtId: 'kinderdijk' });
  await coordinator.store.ui.activities.update(arriving, { buurtId: 'oranjebuurt' });
  expect(await coordinator.sync()).toMatchObject({ ok: true });

  // Her next sync: the change is pushed and refused, shown as refused; the untouched one is gone, the walk has come.
  clock.advance(60_000);
  expect(await phone.sync()).toMatchObject({ ok: true });
  expect(await titles()).toEqual(['Buurtschouw', 'Molenwandeling']);
  expect(await phone.store.ui.activities.get(untouched)).toBeNull();
  const { rejected, pending } = await phone.store.ui.outbox.summary();
  expect(pending).toBe(0);
  expect(rejected).toEqual([expect.objectContaining({ recordId: changed, reason: 'forbidden' })]);
  expect(await phone.store.ui.activities.get(changed)).toMatchObject({ notes: 'Hesjes meenemen' });

  // Dismissed, the refusal takes the record along; a later sync does not bring it back.
  await phone.store.ui.outbox.dismissRejected(rejected[0]?.mutationId as string);
  expect(await titles()).toEqual(['Molenwandeling']);
  expect(await phone.sync()).toMatchObject({ ok: true });
  expect(await titles()).toEqual(['Molenwandeling']);
});
