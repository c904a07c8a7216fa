/**
 * Issue 10, item 1: nobody fills the disk. Photo bytes and pushed bytes are
 * limited per device and per tenant in a sliding window (429
 * `quota-exceeded` with Retry-After, nothing written), stored rejections
 * are capped, and photos no record has shown for the retention time are
 * purged — with audit entries for the crossing and the purge.
 * Small limits are injected so the tests stay quick; the defaults are in
 * src/server/limits.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/server/app.ts';
import { DEFAULT_LIMITS, limitsFromEnv, type Limits } from '../../../src/server/limits.ts';
import { runMaintenance } from '../../../src/server/purge.ts';
import { activityValues, createTestUser, putRecords, type TestUser } from '../../fixtures/server-auth.ts';
import { findingValues, variantJpeg, type PhotoBytes } from '../../fixtures/server-schouw.ts';
import { NOW, TENANT } from '../../fixtures/fixed.ts';
import { idFactory, mutation, newActivity } from '../../fixtures/server-mutations.ts';
import { apiClient } from './api-client.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from './databases.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const BUURT = 'staatsliedenbuurt';
const PHOTO_SIZE = variantJpeg(0).bytes.length;
/** Room for two photos and a half per device, five per tenant; about four small pushes per device, eight per tenant. */
const LIMITS: Limits = {
  ...DEFAULT_LIMITS,
  windowMs: 10 * MINUTE,
  photoBytesPerDevice: Math.floor(PHOTO_SIZE * 2.5),
  photoBytesPerTenant: Math.floor(PHOTO_SIZE * 5),
  pushBytesPerDevice: 2_000,
  pushBytesPerTenant: 4_000,
  rejectionsPerDevice: 3,
  rejectionsPerTenant: 5,
};

describe.each(DIALECTS)('limits against filling the disk on %s', (dialect) => {
  let test: TestDatabase;
  const ids = idFactory(0x11a7);
  let variant = 100;
  const client = (user: TestUser, at = NOW) => apiClient(createApp({ db: test.database, now: () => at, limits: LIMITS }), user);
  const put = (user: TestUser, photo: PhotoBytes, at = NOW, deviceId?: string) =>
    client(user, at).send(`/api/v1/photos/${photo.sha256}`, {
      method: 'PUT',
      headers: { 'content-type': 'image/jpeg', ...user.auth(deviceId) },
      body: photo.bytes as BodyInit,
    });
  const pushActivity = (user: TestUser, deviceId: string, at = NOW) =>
    client(user, at).call(
      'POST',
      '/api/v1/sync/push',
      { schemaVersion: 1, deviceId, mutations: [newActivity(ids, ids(), { device: deviceId, offsetMs: at - NOW - 1000 })] },
      deviceId,
    );
  const auditOf = (action: string) =>
    test.database.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('tenant_id').orderBy('seq').execute();

  beforeAll(async () => {
    test = await openTestDatabase(dialect);
  });
  afterAll(() => test.cleanup());

  describe('photo bytes', () => {
    it('refuses a device past its photo bytes with 429 quota-exceeded and Retry-After, storing nothing; it uploads again once the window has moved on', async () => {
      const abuser = await createTestUser(test.database, { role: 'volunteer', devices: ['flood-phone-01'] });
      for (let i = 0; i < 3; i++) expect((await put(abuser, variantJpeg(variant++))).status).toBe(201);
      const refused = variantJpeg(variant++);
      const answer = await put(abuser, refused, NOW + MINUTE);
      expect(answer).toMatchObject({ status: 429, body: { error: { reason: 'quota-exceeded' } } });
      // The oldest bytes leave the 10-minute window 9 minutes from now.
      expect(Number(answer.headers.get('retry-after'))).toBe(9 * 60);
      expect(await test.database.db.selectFrom('photos').select('sha256').where('sha256', '=', refused.sha256).execute()).toEqual([]);
      // The crossing is in the audit log, once, with the device that sent it.
      expect((await auditOf('quota.exceed')).filter((entry) => entry.device_id === 'flood-phone-01')).toMatchObject([
        { record_type: 'photo', user_id: abuser.userId, fields: '["device"]' },
      ]);

      expect((await put(abuser, refused, NOW + LIMITS.windowMs + 1)).status).toBe(201);
    });

    it('limits the tenant as a whole, and leaves other tenants alone', async () => {
      const at = NOW + DAY;
      const team = await Promise.all([1, 2, 3].map((n) => createTestUser(test.database, { role: 'volunteer', devices: [`team-phone-0${n}`] })));
      // Two photos each from two devices, one from the third: the tenant's five are used, no device is at its own limit.
      for (const [index, count] of [
        [0, 2],
        [1, 2],
        [2, 1],
      ] as const) {
        for (let i = 0; i < count; i++) expect((await put(team[index] as TestUser, variantJpeg(variant++), at)).status).toBe(201);
      }
      const answer = await put(team[2] as TestUser, variantJpeg(variant++), at);
      expect(answer).toMatchObject({ status: 429, body: { error: { reason: 'quota-exceeded', message: expect.stringContaining('organisation') } } });
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);

      const ridderkerk = await createTestUser(test.database, { tenantId: 'ridderkerk', role: 'volunteer', devices: ['rk-phone-07'] });
      expect((await put(ridderkerk, variantJpeg(variant++), at)).status).toBe(201);
    });
  });

  describe('pushed bytes', () => {
    it('refuses a device past its pushed bytes with 429 and Retry-After, writing nothing, while another tenant pushes on', async () => {
      const at = NOW + 2 * DAY;
      const abuser = await createTestUser(test.database, { role: 'coordinator', devices: ['push-flood-01'] });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await pushActivity(abuser, 'push-flood-01', at)).status);
      const firstRefusal = statuses.indexOf(429);
      expect(firstRefusal).toBeGreaterThan(0);
      expect(statuses.slice(firstRefusal).every((status) => status === 429)).toBe(true);

      const before = await test.database.db
        .selectFrom('records')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      const refused = await pushActivity(abuser, 'push-flood-01', at);
      expect(refused).toMatchObject({ status: 429, body: { error: { reason: 'quota-exceeded' } } });
      expect(Number(refused.headers.get('retry-after'))).toBe(LIMITS.windowMs / 1000);
      expect(
        await test.database.db
          .selectFrom('records')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow(),
      ).toEqual(before);

      const ridderkerk = await createTestUser(test.database, { tenantId: 'ridderkerk', role: 'coordinator', devices: ['rk-push-01'] });
      const other = await client(ridderkerk, at).call('POST', '/api/v1/sync/push', {
        schemaVersion: 1,
        deviceId: 'rk-push-01',
        mutations: [{ ...newActivity(ids, ids(), { device: 'rk-push-01', offsetMs: at - NOW - 1000 }, { buurtId: 'bolnes' }), tenantId: 'ridderkerk' }],
      });
      expect(other.status).toBe(200);
      expect(other.body.results[0].status).toBe('applied');

      // After the window the same device is welcome again.
      expect((await pushActivity(abuser, 'push-flood-01', at + LIMITS.windowMs + 1)).status).toBe(200);
    });
  });

  describe('stored rejections', () => {
    it('answers every rejection but keeps only as many as the cap, each with an audit entry', async () => {
      const junk = await createTestUser(test.database, { role: 'coordinator', devices: ['junk-phone-01'] });
      const at = NOW + 3 * DAY;
      const mutations = Array.from({ length: 5 }, () =>
        mutation(ids, 'activity', ids(), { colour: 'rood' }, { device: 'junk-phone-01', offsetMs: at - NOW - 1000 }),
      );
      const answer = await client(junk, at).push('junk-phone-01', mutations);
      expect(answer.body.results.map((result) => result.status)).toEqual(Array(5).fill('rejected'));
      const stored = await test.database.db.selectFrom('mutations').select('mutation_id').where('device_id', '=', 'junk-phone-01').execute();
      expect(stored).toHaveLength(LIMITS.rejectionsPerDevice);
      const audited = (await auditOf('mutation.reject')).filter((entry) => entry.device_id === 'junk-phone-01');
      expect(audited.map((entry) => entry.mutation_id).sort()).toEqual(stored.map((row) => row.mutation_id).sort());
      expect(audited[0]).toMatchObject({ user_id: junk.userId, fields: '["unknown-field"]' });

      // The tenant's cap counts every device: a second device may keep only what is left of it.
      const more = await createTestUser(test.database, { role: 'coordinator', devices: ['junk-phone-02'] });
      const second = Array.from({ length: 4 }, () =>
        mutation(ids, 'activity', ids(), { colour: 'blauw' }, { device: 'junk-phone-02', offsetMs: at - NOW - 1000 }),
      );
      await client(more, at).push('junk-phone-02', second);
      const tenantRejections = await test.database.db
        .selectFrom('mutations')
        .select('mutation_id')
        .where('tenant_id', '=', TENANT)
        .where('status', '=', 'rejected')
        .execute();
      expect(tenantRejections).toHaveLength(LIMITS.rejectionsPerTenant);
      // An applied mutation is always kept.
      const good = newActivity(ids, ids(), { device: 'junk-phone-02', offsetMs: at - NOW - 1000 });
      await client(more, at).push('junk-phone-02', [good]);
      expect(await test.database.db.selectFrom('mutations').select('status').where('mutation_id', '=', good.mutationId).execute()).toEqual([
        { status: 'applied' },
      ]);
    });
  });

  describe('purging photos no record shows', () => {
    it('deletes photos no record has shown for the retention time, keeps the ones shown, and logs each purge', async () => {
      const at = NOW + 10 * DAY;
      const coordinator = await createTestUser(test.database, { role: 'coordinator', devices: ['purge-phone-01'] });
      const [never, shown, dropped] = [variantJpeg(9001), variantJpeg(9002), variantJpeg(9003)];
      for (const photo of [never, shown, dropped]) expect((await put(coordinator, photo, at)).status).toBe(201);
      const schouw = ids();
      const keeper = ids();
      const changer = ids();
      await putRecords(
        test.database,
        TENANT,
        [
          { type: 'activity', id: schouw, values: activityValues(BUURT, null, { type: 'schouw' }) },
          { type: 'finding', id: keeper, values: findingValues(schouw, BUURT, null, { photos: [shown.sha256] }) },
          { type: 'finding', id: changer, values: findingValues(schouw, BUURT, null, { photos: [dropped.sha256] }) },
        ],
        at,
      );
      // Three days later the finding drops its photo: the photo is kept for the retention time from then.
      await putRecords(test.database, TENANT, [{ type: 'finding', id: changer, values: { photos: [] } }], at + 3 * DAY);
      const stored = async () =>
        (await test.database.db.selectFrom('photos').select('sha256').where('sha256', 'in', [never.sha256, shown.sha256, dropped.sha256]).execute())
          .map((row) => row.sha256)
          .sort();

      // (Older tests' photos, never shown, go in these rounds as well.)
      await runMaintenance(test.database, LIMITS, at + 6 * DAY);
      expect(await stored()).toEqual([never.sha256, shown.sha256, dropped.sha256].sort());
      expect((await runMaintenance(test.database, LIMITS, at + 7 * DAY + 1)).photosPurged).toBeGreaterThanOrEqual(1);
      expect(await stored()).toEqual([shown.sha256, dropped.sha256].sort());
      expect(await runMaintenance(test.database, LIMITS, at + 10 * DAY + 1)).toEqual({ photosPurged: 1 });
      expect(await stored()).toEqual([shown.sha256]);
      // The shown photo is still served.
      const served = await client(coordinator, at + 10 * DAY).send(`/api/v1/photos/${shown.sha256}`, { headers: coordinator.auth() });
      expect(served.status).toBe(200);

      const purges = (await auditOf('photo.purge')).filter((entry) => [never.sha256, dropped.sha256].includes(entry.record_id ?? ''));
      expect(purges.map((entry) => [entry.tenant_id, entry.record_type, entry.record_id, entry.at])).toEqual([
        [TENANT, 'photo', never.sha256, at + 7 * DAY + 1],
        [TENANT, 'photo', dropped.sha256, at + 10 * DAY + 1],
      ]);
      // Each upload was logged too, with the device that sent it.
      const uploads = (await auditOf('photo.upload')).filter((entry) => entry.device_id === 'purge-phone-01');
      expect(uploads.map((entry) => entry.record_id).sort()).toEqual([never.sha256, shown.sha256, dropped.sha256].sort());
    });
  });

  it('reads the limits from the environment, with the defaults for the rest, and refuses nonsense', () => {
    expect(limitsFromEnv({})).toEqual(DEFAULT_LIMITS);
    expect(limitsFromEnv({ LIMIT_PHOTO_MB_PER_DEVICE: '5', PHOTO_PURGE_DAYS: '2' })).toEqual({
      ...DEFAULT_LIMITS,
      photoBytesPerDevice: 5 * 1024 * 1024,
      photoRetentionMs: 2 * DAY,
    });
    expect(() => limitsFromEnv({ LIMIT_WINDOW_MINUTES: 'soms' })).toThrow(/LIMIT_WINDOW_MINUTES/);
  });
});
