/**
 * Live when online (issue 13): after a push commits, the server pokes the
 * open event streams (`GET /api/v1/sync/events`) of the devices whose person
 * may read a changed record — and nobody else: not another tenant, not a
 * person outside the record's buurt or team, not the device that pushed. A
 * poke carries no record content.
 *
 * On PostgreSQL the push goes to one app and the streams listen on another,
 * each with its own LISTEN connection: two server processes, as deployed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/server/app.ts';
import { localChangeFeed, payloadsOf, parseNote, postgresChangeFeed } from '../../../src/server/live/change-feed.ts';
import { createLiveHub, type LiveHub } from '../../../src/server/live/live-hub.ts';
import { eventParser } from '../../../src/sync/live.ts';
import { activityValues, createTestUser, setTeamMembers, type TestUser } from '../../fixtures/server-auth.ts';
import { editActivity, idFactory, newActivity } from '../../fixtures/server-mutations.ts';
import { NOW, TENANT } from '../../fixtures/fixed.ts';
import { apiClient, fromAddress } from './api-client.ts';
import { DIALECTS, TEST_DATABASE_URL, openTestDatabase, type TestDatabase } from './databases.ts';

const BUURT = 'oranjebuurt';
const OTHER_BUURT = 'kinderdijk';
const TEAM = 'buurtpreventie-oranjebuurt';
/** Long enough for a NOTIFY to cross from one connection to another on a busy machine. */
const QUIET_MS = 700;

type Listener = { events: string[]; text(): string; closed(): boolean; close(): Promise<void>; response: Response };

describe.each(DIALECTS)('live pokes on %s', (dialect) => {
  let test: TestDatabase;
  let hubs: LiveHub[] = [];
  let pushApp: ReturnType<typeof createApp>;
  let listenApp: ReturnType<typeof createApp>;
  let coordinator: TestUser;
  let professional: TestUser;
  let elsewhere: TestUser;
  let volunteer: TestUser;
  let otherTenant: TestUser;
  const open: Listener[] = [];
  const ids = idFactory(0x11fe);

  const hub = (): LiveHub => {
    const made = createLiveHub(
      dialect === 'postgres' ? postgresChangeFeed(test.database, { url: TEST_DATABASE_URL, schema: test.database.schema as string }) : localChangeFeed(),
    );
    hubs.push(made);
    return made;
  };

  async function listen(user: TestUser, deviceId?: string, app = listenApp): Promise<Listener> {
    const response = await app.request(
      '/api/v1/sync/events',
      { headers: { ...user.auth(deviceId), 'accept-encoding': 'gzip, br' } },
      fromAddress('192.0.2.30'),
    );
    expect(response.status).toBe(200);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    const events: string[] = [];
    const parse = eventParser((name) => events.push(name));
    let text = '';
    let closed = false;
    void (async () => {
      for (;;) {
        const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
        if (done) break;
        const chunk = decoder.decode(value, { stream: true });
        text += chunk;
        parse(chunk);
      }
      closed = true;
    })();
    const listener: Listener = { events, text: () => text, closed: () => closed, close: () => reader.cancel().catch(() => {}), response };
    open.push(listener);
    await until(() => events.includes('ready'));
    return listener;
  }

  beforeAll(async () => {
    test = await openTestDatabase(dialect);
    coordinator = await createTestUser(test.database, { devices: ['coord-phone-0001', 'coord-tablet-001'] });
    professional = await createTestUser(test.database, { role: 'professional', buurtIds: [BUURT], devices: ['prof-phone-0001'] });
    elsewhere = await createTestUser(test.database, { role: 'professional', buurtIds: [OTHER_BUURT], devices: ['prof-kd-phone-01'] });
    volunteer = await createTestUser(test.database, { role: 'volunteer', devices: ['vol-phone-00001'] });
    otherTenant = await createTestUser(test.database, { tenantId: 'ridderkerk', devices: ['rk-phone-000001'] });
    await setTeamMembers(test.database, TENANT, TEAM, [volunteer.userId]);
    // On PostgreSQL two apps, each with its own LISTEN connection: what two processes do.
    // A short heartbeat on the listening side, for the test of it below.
    listenApp = createApp({ db: test.database, now: () => NOW, live: hub(), liveHeartbeatMs: 200 });
    pushApp = dialect === 'postgres' ? createApp({ db: test.database, now: () => NOW, live: hub() }) : listenApp;
    // Give the LISTEN connections their moment.
    await new Promise((resolve) => setTimeout(resolve, dialect === 'postgres' ? 300 : 0));
  });
  afterAll(async () => {
    await Promise.all(open.map((listener) => listener.close()));
    await Promise.all(hubs.map((made) => made.close()));
    hubs = [];
    await test.cleanup();
  });

  it('answers a stream that proxies pass on at once: text/event-stream, no-store, no buffering, never compressed', async () => {
    const listener = await listen(coordinator);
    expect(listener.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(listener.response.headers.get('cache-control')).toBe('no-store');
    expect(listener.response.headers.get('x-accel-buffering')).toBe('no');
    expect(listener.response.headers.get('content-encoding')).toBeNull();
    await listener.close();
  });

  it('refuses a stream without a device token (401), like any call', async () => {
    const answer = await apiClient(listenApp).send('/api/v1/sync/events');
    expect(answer.status).toBe(401);
  });

  it('pokes the devices that may read the change — and only them — with no record content', async () => {
    const pusher = await listen(coordinator, 'coord-phone-0001');
    const sameUserOtherDevice = await listen(coordinator, 'coord-tablet-001');
    const inBuurt = await listen(professional);
    const outOfBuurt = await listen(elsewhere);
    const notInTeam = await listen(volunteer);
    const ridderkerk = await listen(otherTenant);

    const title = 'Geheime vergadering aan de Dam';
    const recordId = ids();
    const push = await apiClient(pushApp, coordinator).push('coord-phone-0001', [
      newActivity(ids, recordId, { device: 'coord-phone-0001' }, { buurtId: BUURT, title }),
    ]);
    expect(push.body.results[0]?.status).toBe('applied');

    await until(() => sameUserOtherDevice.events.includes('poke') && inBuurt.events.includes('poke'));
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    expect(sameUserOtherDevice.events).toEqual(['ready', 'poke']);
    expect(inBuurt.events).toEqual(['ready', 'poke']);
    // The device that pushed pulls after its push anyway; the others may not read the activity.
    for (const quiet of [pusher, outOfBuurt, notInTeam, ridderkerk]) expect(quiet.events).toEqual(['ready']);
    // Nothing of the record: only event names and empty data lines (and heartbeats).
    for (const listener of [sameUserOtherDevice, inBuurt]) {
      expect(listener.text()).not.toContain(title);
      expect(listener.text()).not.toContain(recordId);
      expect(listener.text()).not.toContain(BUURT);
      expect(
        listener
          .text()
          .split('\n')
          .filter((line) => line !== '' && !line.startsWith(':')),
      ).toEqual(['event: ready', 'data: ', 'event: poke', 'data: ']);
    }
    await Promise.all([pusher, sameUserOtherDevice, inBuurt, outOfBuurt, notInTeam, ridderkerk].map((listener) => listener.close()));
    // A stream the phone closed is forgotten at once.
    await until(() => hubs.every((made) => made.size() === 0));
  });

  it('pokes a team’s volunteer for the team’s activity, and whoever could read it before it moved', async () => {
    const member = await listen(volunteer);
    const inBuurt = await listen(professional);
    const recordId = ids();
    const client = apiClient(pushApp, coordinator);
    await client.push('coord-phone-0001', [newActivity(ids, recordId, { device: 'coord-phone-0001' }, { ...activityValues(BUURT, TEAM) })]);
    await until(() => member.events.includes('poke') && inBuurt.events.includes('poke'));

    // Moved to another buurt: the professional of the old buurt hears it (their copy is out of date), the one of the new too.
    const outOfBuurt = await listen(elsewhere);
    const before = inBuurt.events.length;
    await client.push('coord-phone-0001', [editActivity(ids, recordId, { buurtId: OTHER_BUURT }, { device: 'coord-phone-0001', offsetMs: 1_000 })]);
    await until(() => outOfBuurt.events.includes('poke') && inBuurt.events.length > before);
    await Promise.all([member, inBuurt, outOfBuurt].map((listener) => listener.close()));
  });

  it('pokes those who read a team when a volunteer joins it by invite (a change the server makes itself)', async () => {
    const watching = await listen(coordinator, 'coord-tablet-001');
    const ridderkerk = await listen(otherTenant);
    const invite = await apiClient(pushApp, coordinator).call('POST', '/api/v1/invites', { teamId: TEAM, displayName: 'Nieuwe buur' }, 'coord-phone-0001');
    expect(invite.status).toBe(201);
    const redeemed = await apiClient(pushApp).call('POST', '/api/v1/auth/invite', {
      code: invite.body.code,
      deviceId: 'new-member-phone-01',
      deviceName: 'Telefoon',
    });
    expect(redeemed.status).toBe(200);
    await until(() => watching.events.includes('poke'));
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    expect(ridderkerk.events).toEqual(['ready']);
    await Promise.all([watching, ridderkerk].map((listener) => listener.close()));
  });

  it('sends a heartbeat comment, and ends the stream at the next heartbeat once the device is revoked', async () => {
    const listener = await listen(professional);
    await until(() => listener.text().includes('\n:') || listener.text().startsWith(':'));
    await test.database.db.updateTable('devices').set({ revoked_at: NOW }).where('id', '=', 'prof-phone-0001').execute();
    await until(() => listener.closed());
  });
});

describe('change notes through NOTIFY', () => {
  it('split a note too large for one NOTIFY into parts that read back as the same scopes', () => {
    const scopes = Array.from({ length: 600 }, (_, i) => ({ type: 'activity' as const, buurtIds: [`buurt-${i}`], teamId: i % 2 ? `team-${i}` : null }));
    const payloads = payloadsOf({ tenantId: TENANT, deviceId: 'coord-phone-0001', scopes });
    expect(payloads.length).toBeGreaterThan(1);
    for (const payload of payloads) expect(Buffer.byteLength(payload)).toBeLessThan(8_000);
    const back = payloads.map(parseNote);
    expect(back.flatMap((note) => note?.scopes ?? [])).toEqual(scopes);
    expect(back.every((note) => note?.tenantId === TENANT && note.deviceId === 'coord-phone-0001')).toBe(true);
    expect(parseNote('not json')).toBeNull();
    expect(parseNote(JSON.stringify({ t: TENANT, d: null, s: [['no-such-type', [], null]] }))?.scopes).toEqual([]);
  });
});

async function until(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
