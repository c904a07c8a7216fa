/**
 * The AVG rights of a person (issue 14, item 6) on SQLite and PostgreSQL,
 * through HTTP: a volunteer with an e-mail address and two named phones who
 * signed up for the roster, walked a round, logged an observation, followed
 * it up and counted an activity. The coordinator downloads their inzage
 * bundle (everything, as JSON and CSV), then erases them: afterwards no text
 * column of any table holds their name, e-mail or a device name, the
 * indicators are exactly what they were, their records stay, and the audit
 * log says who did it and what the person is called from now on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendanceIdFor } from '../../../src/domain/attendance.ts';
import { signUpIdFor } from '../../../src/domain/patrol.ts';
import { createApp } from '../../../src/server/app.ts';
import { createTestUser, putRecords, setTeamMembers, signInDevice, type TestUser } from '../../fixtures/server-auth.ts';
import { observationChangeValues, publicSpaceValues, roundValues, slotValues } from '../../fixtures/server-patrol.ts';
import { attendance, idFactory, mutation } from '../../fixtures/server-mutations.ts';
import { NOW, TENANT } from '../../fixtures/fixed.ts';
import { readZip } from '../../fixtures/zip.ts';
import { apiClient } from './api-client.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from './databases.ts';
import type { Database } from '../../../src/server/db/database.ts';

const TEAM = 'buurtpreventie-oranjebuurt';
const BUURT = 'oranjebuurt';
const NAME = 'Annemarie Zwanenburg';
const EMAIL = 'a.zwanenburg@voorbeeld.nl';
const PHONE = 'Galaxy van Annemarie';
const TABLET = 'iPad Zwanenburg';
const HOUR = 3_600_000;
const MONITORING = '/api/v1/monitoring?period=year&from=2025-01-01';

describe.each(DIALECTS)('inzage and erasure of a person on %s', (dialect) => {
  let test: TestDatabase;
  let coordinator: TestUser;
  let person: TestUser;
  let teammate: TestUser;
  const ids = idFactory(0xa5a5);
  const rec = { slot: ids(), round: ids(), observation: ids(), change: ids(), activity: ids(), bramActivity: ids(), bramChange: ids() };
  const app = () => createApp({ db: test.database, now: () => NOW });
  const as = (user: TestUser) => apiClient(app(), user);

  beforeAll(async () => {
    test = await openTestDatabase(dialect);
    coordinator = await createTestUser(test.database, { role: 'coordinator', devices: ['coord-phone-01'] });
    const created = await createTestUser(test.database, { role: 'volunteer', displayName: NAME, email: EMAIL, devices: [] });
    const tokens = new Map([
      ['anna-phone-01', await signInDevice(test.database, { tenantId: TENANT, userId: created.userId, deviceId: 'anna-phone-01', name: PHONE })],
      ['anna-tablet-02', await signInDevice(test.database, { tenantId: TENANT, userId: created.userId, deviceId: 'anna-tablet-02', name: TABLET })],
    ]);
    person = { ...created, tokens, auth: (deviceId = 'anna-phone-01') => ({ authorization: `Bearer ${tokens.get(deviceId)}` }) };
    teammate = await createTestUser(test.database, { role: 'volunteer', displayName: 'Bram', devices: ['bram-phone-01'] });
    await setTeamMembers(test.database, TENANT, TEAM, [person.userId, teammate.userId]);
    // A failed sign-in keyed by her e-mail (sign_in_delays) that must go with her.
    await test.database.db
      .insertInto('sign_in_delays')
      .values({ key: `${EMAIL}|192.0.2.7`, failures: 1, last_failure_at: NOW - HOUR, blocked_until: 0 })
      .execute();

    const device = 'anna-phone-01';
    const stamp = { device, offsetMs: -HOUR };
    const answer = await as(person).push(device, [
      mutation(ids, 'patrolSlot', rec.slot, slotValues(TEAM, [BUURT], { createdBy: person.userId }), stamp),
      mutation(
        ids,
        'patrolSignUp',
        signUpIdFor(rec.slot, person.userId),
        { slotId: rec.slot, userId: person.userId, teamId: TEAM, signedUp: true, name: NAME },
        stamp,
      ),
      mutation(ids, 'patrolRound', rec.round, roundValues(TEAM, [BUURT], [person.userId, teammate.userId], { createdBy: person.userId }), stamp),
      mutation(ids, 'publicSpaceObservation', rec.observation, publicSpaceValues(rec.round, TEAM, BUURT, { createdBy: person.userId }), stamp),
      mutation(ids, 'observationStatusChange', rec.change, observationChangeValues(rec.observation, BUURT, TEAM, { by: person.userId }), stamp),
      mutation(
        ids,
        'activity',
        rec.activity,
        {
          title: 'Buurtbarbecue',
          type: 'other',
          buurtId: BUURT,
          teamId: TEAM,
          date: '2025-11-20',
          start: '17:00',
          status: 'held',
          createdAt: NOW - 2 * HOUR,
          createdBy: person.userId,
        },
        stamp,
      ),
      attendance(ids, rec.activity, device, { residents: { p: 23 }, children: { p: 6 } }, -HOUR),
    ]);
    expect(answer.body.results.map((result) => result.status)).toEqual(Array(7).fill('applied'));

    // A teammate names her in a note and in a history entry's note (against the advice on screen, as people do).
    const bram = { device: 'bram-phone-01', offsetMs: -HOUR / 2 };
    const mentions = await as(teammate).push('bram-phone-01', [
      mutation(
        ids,
        'activity',
        rec.bramActivity,
        {
          title: 'Sleuteloverdracht',
          type: 'other',
          buurtId: BUURT,
          teamId: TEAM,
          date: '2025-11-21',
          start: '19:00',
          status: 'planned',
          notes: 'annemarie  zwanenburg neemt de sleutel mee; vragen: a.zwanenburg@voorbeeld.nl',
          createdAt: NOW - HOUR,
          createdBy: teammate.userId,
        },
        bram,
      ),
      mutation(
        ids,
        'observationStatusChange',
        rec.bramChange,
        observationChangeValues(rec.observation, BUURT, TEAM, { from: 'reported', to: 'inProgress', note: `Overlegd met ${NAME}.`, by: teammate.userId }),
        bram,
      ),
    ]);
    expect(mentions.body.results.map((result) => result.status)).toEqual(['applied', 'applied']);
  });
  afterAll(() => test?.cleanup());

  it('exports everything about the person as one JSON file and CSV files, and audits the download', async () => {
    const response = await app().request(`/api/v1/users/${person.userId}/export`, { headers: coordinator.auth() });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    const files = readZip(new Uint8Array(await response.arrayBuffer()));
    expect([...files.keys()].sort()).toEqual(
      ['LEESMIJ.txt', 'account.csv', 'fotos.csv', 'geschiedenis.csv', 'gegevens.json', 'logboek.csv', 'records.csv', 'toestellen.csv'].sort(),
    );
    const data = JSON.parse(files.get('gegevens.json') as string);
    expect(data.account).toMatchObject({ id: person.userId, displayName: NAME, email: EMAIL, role: 'volunteer', hasPassword: false });
    expect(data.account).not.toHaveProperty('passwordHash');
    expect(data.devices.map((d: { name: string }) => d.name).sort()).toEqual([PHONE, TABLET]);
    expect(data.teams).toEqual([{ id: TEAM, name: expect.any(String) }]);
    const recordIds = data.records.map((r: { id: string }) => r.id);
    expect(recordIds).toEqual(
      expect.arrayContaining([rec.slot, signUpIdFor(rec.slot, person.userId), rec.round, rec.observation, rec.activity, attendanceIdFor(rec.activity), TEAM]),
    );
    expect(data.history).toEqual([
      expect.objectContaining({ id: rec.change, type: 'observationStatusChange', fields: expect.objectContaining({ by: person.userId }) }),
    ]);
    expect(data.auditEntries.filter((e: { action: string }) => e.action === 'record.create')).toHaveLength(7);
    // The same in the spreadsheets: her name in the account, both phones, each record field on a row.
    expect(files.get('account.csv')).toContain(`displayName;${NAME}`);
    expect(files.get('toestellen.csv')).toContain(PHONE);
    expect(files.get('records.csv')).toContain(`${signUpIdFor(rec.slot, person.userId)};patrolSignUp;name;${NAME}`);
    expect(files.get('geschiedenis.csv')).toContain(`${rec.change};observationStatusChange;by;${person.userId}`);

    const audit = await as(coordinator).call('GET', '/api/v1/audit?limit=5');
    expect(audit.body.entries[0]).toMatchObject({ action: 'user.export', userId: coordinator.userId, recordType: 'user', recordId: person.userId });
  });

  it('refuses the export and erasure to anyone but a coordinator, and names an unknown person 404', async () => {
    expect((await as(teammate).call('GET', `/api/v1/users/${person.userId}/export`)).status).toBe(403);
    expect((await as(teammate).call('POST', `/api/v1/users/${person.userId}/erase`)).status).toBe(403);
    expect((await as(coordinator).call('GET', '/api/v1/users/not-a-user/erasure')).status).toBe(404);
    expect((await as(coordinator).call('POST', `/api/v1/users/${coordinator.userId}/erase`)).body).toMatchObject({ error: { reason: 'forbidden' } });
  });

  it('erases the person: no trace of name, e-mail or devices; indicators, counts and records unchanged', async () => {
    const before = await as(coordinator).call('GET', MONITORING);
    expect(before.status).toBe(200);
    // Her activity, its 29 participants, her round and observation are in the figures.
    expect(before.body.indicators.filter((indicator: { value: number | null }) => (indicator.value ?? 0) > 0).length).toBeGreaterThanOrEqual(3);
    const recordsBefore = await countRows(test.database, 'records');
    const factsBefore = await countRows(test.database, 'indicator_facts');
    expect(await textColumnsHolding(test.database, [NAME, EMAIL, PHONE, TABLET])).not.toEqual([]);

    const preview = await as(coordinator).call('GET', `/api/v1/users/${person.userId}/erasure`);
    expect(preview.body).toEqual({
      userId: person.userId,
      displayName: NAME,
      pseudonym: 'vrijwilliger 1',
      devices: 2,
      auditEntries: expect.any(Number),
      records: 8,
      signUps: 1,
      teams: 1,
      mentions: 2,
    });

    const erased = await as(coordinator).call('POST', `/api/v1/users/${person.userId}/erase`);
    expect(erased.status).toBe(200);
    expect(erased.body).toEqual({ userId: person.userId, pseudonym: 'vrijwilliger 1', devicesRemoved: 2, recordsChanged: 4 });

    expect(await textColumnsHolding(test.database, [NAME, EMAIL, PHONE, TABLET])).toEqual([]);
    expect((await as(coordinator).call('GET', MONITORING)).body).toEqual(before.body);
    expect(await countRows(test.database, 'records')).toBe(recordsBefore);
    expect(await countRows(test.database, 'indicator_facts')).toBe(factsBefore);

    // Her phones hear they were revoked (and wipe themselves); the account is gone from the list; she is a pseudonym now.
    for (const device of ['anna-phone-01', 'anna-tablet-02']) {
      const me = await as(person).call('GET', '/api/v1/me', undefined, device);
      expect(me).toMatchObject({ status: 401, body: { error: { reason: 'device-revoked' } } });
    }
    const users = await as(coordinator).call('GET', '/api/v1/users');
    expect(users.body.map((u: { id: string }) => u.id)).not.toContain(person.userId);
    expect((await as(coordinator).call('GET', '/api/v1/users/erased')).body).toEqual([{ userId: person.userId, pseudonym: 'vrijwilliger 1', erasedAt: NOW }]);

    // The teammate's phone pulls the sign-up with the pseudonym, and the team without her; her round, observation and history stay.
    const pulled = new Map((await as(teammate).pullAll()).map((record) => [record.id, record]));
    expect(pulled.get(signUpIdFor(rec.slot, person.userId))?.fields['name']?.v).toBe('vrijwilliger 1');
    expect(pulled.get(TEAM)?.fields['memberIds']?.v).toEqual([teammate.userId]);
    expect(pulled.get(rec.round)?.fields['walkers']?.v).toEqual([person.userId, teammate.userId]);
    expect(pulled.get(rec.change)?.fields['by']?.v).toBe(person.userId);
    // Where a teammate named her, the pseudonym stands — in a history entry's note too, which nothing else may change.
    expect(pulled.get(rec.bramActivity)?.fields['notes']?.v).toBe('vrijwilliger 1 neemt de sleutel mee; vragen: vrijwilliger 1');
    expect(pulled.get(rec.bramChange)?.fields['note']?.v).toBe('Overlegd met vrijwilliger 1.');

    const audit = await as(coordinator).call('GET', '/api/v1/audit?limit=10');
    expect(audit.body.entries[0]).toMatchObject({
      action: 'user.erase',
      userId: coordinator.userId,
      recordId: person.userId,
      detail: { pseudonym: 'vrijwilliger 1', devices: 2, records: 8 },
    });
  });

  it('cannot be undone or repeated: the person is unknown from then on', async () => {
    expect((await as(coordinator).call('POST', `/api/v1/users/${person.userId}/erase`)).status).toBe(404);
    expect((await as(coordinator).call('GET', `/api/v1/users/${person.userId}/export`)).status).toBe(404);
  });

  it('numbers the next erased person on, so each pseudonym stays the same; a note too full for it gets "…"', async () => {
    const full = ids();
    const note = `Bram ${'x'.repeat(4995)}`;
    const pushed = await as(coordinator).push('coord-phone-01', [
      mutation(
        ids,
        'activity',
        full,
        {
          title: 'Lange notitie',
          type: 'other',
          buurtId: BUURT,
          teamId: null,
          date: '2025-11-21',
          start: '09:00',
          status: 'planned',
          notes: note,
          createdAt: NOW - HOUR,
          createdBy: coordinator.userId,
        },
        { device: 'coord-phone-01', offsetMs: -HOUR },
      ),
    ]);
    expect(pushed.body.results[0]?.status).toBe('applied');
    const answer = await as(coordinator).call('POST', `/api/v1/users/${teammate.userId}/erase`);
    expect(answer.body).toMatchObject({ pseudonym: 'vrijwilliger 2' });
    const stored = (await as(coordinator).pullAll(1000)).find((record) => record.id === full);
    expect(stored?.fields['notes']?.v).toBe(`… ${'x'.repeat(4995)}`);
    const erased = await as(coordinator).call('GET', '/api/v1/users/erased');
    expect(erased.body.map((e: { pseudonym: string }) => e.pseudonym)).toEqual(['vrijwilliger 1', 'vrijwilliger 2']);
  });

  it('lets no other change of the server touch a history note: only an erasure may', async () => {
    await expect(
      putRecords(test.database, TENANT, [{ type: 'observationStatusChange', id: rec.change, values: { note: 'Toch anders' } }], NOW),
    ).rejects.toThrow(/append-only/);
  });

  it('keeps the tenant privacy texts: defaults first, then what the coordinator saves, audited', async () => {
    const first = await as(coordinator).call('GET', '/api/v1/privacy-texts');
    expect(first.body).toMatchObject({ updatedAt: null, processingRegister: expect.stringContaining('Verwerkingsregister') });
    const texts = { processingRegister: 'Ons register.\nTweede regel.', accessibilityStatement: first.body.accessibilityStatement };
    expect((await as(coordinator).call('PUT', '/api/v1/privacy-texts', texts)).body).toEqual({ ...texts, updatedAt: NOW });
    const other = await createTestUser(test.database, { role: 'police', devices: ['police-phone-09'] });
    expect((await as(other).call('GET', '/api/v1/privacy-texts')).body).toEqual({ ...texts, updatedAt: NOW });
    expect((await as(other).call('PUT', '/api/v1/privacy-texts', texts)).status).toBe(403);
    expect((await as(coordinator).call('PUT', '/api/v1/privacy-texts', { ...texts, processingRegister: ' ' })).body).toMatchObject({
      error: { reason: 'invalid-payload', issues: [{ path: 'processingRegister' }] },
    });
    const audit = await as(coordinator).call('GET', '/api/v1/audit?limit=1');
    expect(audit.body.entries[0]).toMatchObject({ action: 'privacy-texts.update', fields: ['processingRegister'] });
  });
});

async function countRows(database: Database, table: 'records' | 'indicator_facts'): Promise<number> {
  const row = await database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every `table.column` of text type (in this test's schema) whose value contains one of `needles`, case-insensitive. */
async function textColumnsHolding(database: Database, needles: readonly string[]): Promise<string[]> {
  const lower = needles.map((needle) => needle.toLowerCase());
  const tables = (await database.db.introspection.getTables()).filter((table) => database.dialect === 'sqlite' || table.schema === database.schema);
  const found: string[] = [];
  for (const table of tables) {
    const columns = table.columns.filter((column) => /text|char/i.test(column.dataType)).map((column) => column.name);
    if (columns.length === 0) continue;
    // biome-ignore lint/suspicious/noExplicitAny: every table of the schema, whatever its columns.
    const rows = (await (database.db as any).selectFrom(table.name).select(columns).execute()) as Array<Record<string, unknown>>;
    for (const row of rows)
      for (const column of columns) {
        const value = row[column];
        if (typeof value === 'string' && lower.some((needle) => value.toLowerCase().includes(needle))) found.push(`${table.name}.${column}`);
      }
  }
  return [...new Set(found)];
}
