// Dexie's liveQuery needs a global indexedDB, read when dexie loads; each store still gets its own IDBFactory.
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createStore } from 'idb-keyval';
import { beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../src/domain/ids.ts';
import { hashPassword } from '../../../src/server/auth/passwords.ts';
import { getSession, setSession } from '../../../src/store/session.ts';
import { getOrCreateDeviceId } from '../../../src/store/settings.ts';
import { openStore } from '../../../src/store/store.ts';
import { wipeLocalData } from '../../../src/store/wipe.ts';
import { createAccountApi } from '../../../src/sync/account-api.ts';
import { SyncFailure } from '../../../src/sync/http.ts';
import { activityValues, addToTeam, putRecords, setTeamMembers } from '../../fixtures/server-auth.ts';
import { activityInput } from '../../fixtures/factories.ts';
import { DEVICE_A, DEVICE_B, DEVICE_C, NOW, TENANT } from '../../fixtures/fixed.ts';
import { openDevice, eachTestServer, type ManualClock, type TestServer } from './harness.ts';

const HOUR = 60 * 60_000;
const PASSWORD = 'zomeravond-schildersbuurt';
const ORANJE = 'buurtpreventie-oranjebuurt';
const SCHOUW = 'schouwgroep-staatsliedenbuurt';

let passwordHash: string;
beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

let server: TestServer;
let clock: ManualClock;
eachTestServer((s, c) => ((server = s), (clock = c)));

const api = (token: string | null = null) => createAccountApi({ fetch: server.fetch, token: () => token });

// Her own phone: a device id belongs to one person (issue 10), and the harness's coordinator holds DEVICE_A…C.
const ANNA_PHONE = 'phone-anna-0000-0001';

describe('a session that runs out', () => {
  it('answers session-expired, tells the app, keeps the outbox, and sends it all after a new sign-in', async () => {
    const dorpsmakelaar = await server.addUser({
      role: 'professional',
      email: 'anna@alblasserdam.example',
      passwordHash,
      devices: [ANNA_PHONE],
      expiresAt: NOW + HOUR,
    });
    const phone = await openDevice(server, ANNA_PHONE, { now: clock.now, user: dorpsmakelaar });
    const id = await phone.store.ui.activities.create(activityInput());
    await phone.store.ui.attendance.bump(id, 'residents', 1);
    const { changes, records } = await phone.store.ui.outbox.exportUnsent();

    clock.advance(2 * HOUR);
    expect(await phone.sync()).toEqual({ ok: false, reason: 'session-expired' });
    expect(phone.authProblems).toEqual(['session-expired']);
    expect(await phone.store.ui.outbox.exportUnsent()).toMatchObject({ changes, records });

    const session = await api().signIn({ email: 'anna@alblasserdam.example', password: PASSWORD, deviceId: ANNA_PHONE, deviceName: 'Telefoon (Chrome)' });
    expect(session.me).toMatchObject({ userId: dorpsmakelaar.userId, role: 'professional', deviceId: ANNA_PHONE });
    phone.token.value = session.token;
    expect(await phone.sync()).toMatchObject({ ok: true, pushed: 2 });
    expect(await phone.store.ui.outbox.summary()).toMatchObject({ pending: 0, rejected: [] });
  });

  it('answers unauthenticated for a token the server does not know, and keeps the outbox', async () => {
    const phone = await openDevice(server, DEVICE_A, { now: clock.now });
    await phone.store.ui.activities.create(activityInput());
    const before = await phone.store.ui.outbox.exportUnsent();
    phone.token.value = 'x'.repeat(43);
    expect(await phone.sync()).toEqual({ ok: false, reason: 'unauthenticated' });
    expect(phone.authProblems).toEqual(['unauthenticated']);
    expect(await phone.store.ui.outbox.exportUnsent()).toEqual(before);
  });

  it('refuses a wrong password with invalid-credentials, as a reason the app can show', async () => {
    await server.addUser({ role: 'professional', email: 'anna@alblasserdam.example', passwordHash, devices: [] });
    const failure = await api()
      .signIn({ email: 'anna@alblasserdam.example', password: 'niet-het-wachtwoord', deviceId: DEVICE_A, deviceName: 'Telefoon' })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SyncFailure);
    expect((failure as SyncFailure).reason).toBe('invalid-credentials');
  });
});

describe('a revoked device', () => {
  it('learns it at next contact, and the wipe empties it and gives it a new id; the other phone keeps working', async () => {
    const factory = new IDBFactory();
    const kv = createStore('wipe-revoked', 'keyval');
    const lost = await openDevice(server, DEVICE_A, { now: clock.now, factory });
    const other = await openDevice(server, DEVICE_B, { now: clock.now });
    await setSession({ token: lost.token.value, expiresAt: NOW + HOUR, me: await api(lost.token.value).me() }, kv);
    const oldId = await getOrCreateDeviceId(kv);
    await lost.store.ui.activities.create(activityInput());
    expect(await lost.sync()).toMatchObject({ ok: true });
    await lost.store.ui.activities.create(activityInput({ title: 'Nog niet verstuurd' }));
    const before = await lost.store.ui.outbox.exportUnsent();

    // From the other phone: "Mijn toestellen" → revoke the lost one.
    const otherApi = api(other.token.value);
    expect((await otherApi.devices()).map((d) => [d.id, d.isCurrent])).toEqual(
      expect.arrayContaining([
        [DEVICE_A, false],
        [DEVICE_B, true],
      ]),
    );
    await otherApi.revokeDevice(DEVICE_A);

    expect(await lost.sync()).toEqual({ ok: false, reason: 'device-revoked' });
    expect(lost.authProblems).toEqual(['device-revoked']);
    expect(await lost.store.ui.outbox.exportUnsent()).toEqual(before);

    const newId = await wipeLocalData({ store: lost.store, indexedDB: factory, kv });
    expect(newId).not.toBe(oldId);
    expect(await getOrCreateDeviceId(kv)).toBe(newId);
    expect(await getSession(kv)).toBeNull();
    const reopened = await openStore({ deviceId: newId, tenantId: TENANT, indexedDB: factory, IDBKeyRange, now: clock.now });
    expect(await reopened.ui.activities.list()).toEqual([]);
    expect((await reopened.ui.outbox.exportUnsent()).changes).toEqual([]);
    expect(await (await reopened.loadSync()).getCursor()).toBe('0');
    reopened.close();

    expect(await other.sync()).toMatchObject({ ok: true });
    expect(other.authProblems).toEqual([]);
  });
});

describe('who sees what', () => {
  it('brings the configuration as records with the first pull', async () => {
    const phone = await openDevice(server, DEVICE_A, { now: clock.now });
    expect((await phone.store.ui.config.get()).buurten).toEqual([]);
    await phone.sync();
    const config = await phone.store.ui.config.get();
    expect(config.buurten.map((b) => b.id)).toContain('oranjebuurt');
    expect(config.teams.map((team) => team.id)).toEqual(expect.arrayContaining([ORANJE, SCHOUW]));
  });

  it('carries a coordinator’s rename of a buurt to another phone like any record', async () => {
    const a = await openDevice(server, DEVICE_A, { now: clock.now });
    const b = await openDevice(server, DEVICE_B, { now: clock.now });
    await a.sync();
    await b.sync();
    clock.advance(1_000);
    await a.store.ui.config.save('buurt', 'oranjebuurt', { name: 'Oranjewijk' });
    expect(await a.sync()).toMatchObject({ ok: true, pushed: 1 });
    await b.sync();
    expect((await b.store.ui.config.get()).buurten.find((buurt) => buurt.id === 'oranjebuurt')?.name).toBe('Oranjewijk');
  });

  it('shows a volunteer only their team’s work; moved to another team, the pull starts over and keeps their refused local work', async () => {
    const volunteer = await server.addUser({ role: 'volunteer', devices: [DEVICE_C], displayName: 'Sanne' });
    await addToTeam(server.database, TENANT, ORANJE, volunteer.userId, NOW - 30_000);
    const oranjeRound = uuidv7(NOW - 100_000);
    const schouwDay = uuidv7(NOW - 90_000);
    await putRecords(
      server.database,
      TENANT,
      [
        { type: 'activity', id: oranjeRound, values: activityValues('oranjebuurt', ORANJE, { createdAt: NOW - 100_000 }) },
        { type: 'activity', id: schouwDay, values: activityValues('staatsliedenbuurt', SCHOUW, { createdAt: NOW - 90_000 }) },
      ],
      NOW - 20_000,
    );
    const phone = await openDevice(server, DEVICE_C, { now: clock.now, user: volunteer });
    expect(await phone.sync()).toMatchObject({ ok: true });
    expect((await phone.store.ui.activities.list()).map((a) => a.id)).toEqual([oranjeRound]);
    expect((await phone.store.ui.config.get()).teams.map((team) => team.id)).toEqual([ORANJE]);

    // Offline, Sanne records an evening round for her team…
    clock.advance(60_000);
    const mine = await phone.store.ui.activities.create(activityInput({ title: 'Avondronde', teamId: ORANJE }));
    // …while the coordinator moves her to the schouw group.
    await setTeamMembers(server.database, TENANT, ORANJE, [], NOW + 10_000);
    await addToTeam(server.database, TENANT, SCHOUW, volunteer.userId, NOW + 20_000);

    expect(await phone.sync()).toMatchObject({ ok: true, pushed: 0 });
    const summary = await phone.store.ui.outbox.summary();
    expect(summary.rejected).toEqual([expect.objectContaining({ recordId: mine, reason: 'forbidden' })]);
    const ids = (await phone.store.ui.activities.list()).map((a) => a.id);
    expect(ids).toContain(schouwDay);
    expect(ids).toContain(mine);
    expect(ids).not.toContain(oranjeRound);
    expect((await phone.store.ui.config.get()).teams.map((team) => team.id)).toEqual([SCHOUW]);
  });
});
