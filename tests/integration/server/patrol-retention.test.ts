/**
 * Retention of buurtpreventie data on SQLite and PostgreSQL, with an injected
 * clock: what is past the tenant's period (and its children) leaves the
 * server, devices are told at their next pull (`purged`, only those who
 * could read it), younger records stay, the purge is in the audit log, the
 * photos go, and a purged record is never made again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpIdFor } from '../../../src/domain/patrol.ts';
import { reactionIdFor } from '../../../src/domain/patrol-observation.ts';
import { PATROL_SETTINGS_ID, addMonths } from '../../../src/domain/patrol-retention.ts';
import type { PullResponse } from '../../../src/domain/protocol.ts';
import { createApp } from '../../../src/server/app.ts';
import { purgeExpiredPatrolData, startRetentionSchedule, type PurgeReport } from '../../../src/server/patrol-retention.ts';
import { createTestUser, putRecords, setTeamMembers, type TestUser } from '../../fixtures/server-auth.ts';
import {
  observationChangeValues,
  publicSpaceValues,
  reactionValues,
  roundValues,
  safetyValues,
  signUpValues,
  slotValues,
} from '../../fixtures/server-patrol.ts';
import { variantJpeg } from '../../fixtures/server-schouw.ts';
import { NOW, TENANT } from '../../fixtures/fixed.ts';
import { idFactory, mutation } from '../../fixtures/server-mutations.ts';
import { apiClient } from './api-client.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from './databases.ts';

const TEAM = 'buurtpreventie-oranjebuurt';
const BUURT = 'oranjebuurt';
const DAY = 86_400_000;

describe.each(DIALECTS)('buurtpreventie retention on %s', (dialect) => {
  let test: TestDatabase;
  let anna: TestUser;
  let police: TestUser;
  let outsider: TestUser;
  let coordinator: TestUser;
  const ids = idFactory(0x7e7e);
  const old = { slot: ids(), round: ids(), publicSpace: ids(), change: ids(), safety: ids() };
  const young = { round: ids(), safety: ids(), publicSpace: ids(), slot: ids() };
  const photo = variantJpeg(21);
  const cursors = new Map<string, string>();
  const client = (user: TestUser) => apiClient(createApp({ db: test.database, now: () => NOW }), user);
  const pullFrom = async (user: TestUser): Promise<{ records: PullResponse['records']; purged: NonNullable<PullResponse['purged']> }> => {
    const records: PullResponse['records'] = [];
    const purged: NonNullable<PullResponse['purged']> = [];
    let cursor = cursors.get(user.userId) ?? '0';
    for (;;) {
      const { body } = await client(user).pull(cursor, 5);
      records.push(...body.records);
      purged.push(...(body.purged ?? []));
      cursor = body.cursor;
      if (!body.hasMore) break;
    }
    cursors.set(user.userId, cursor);
    return { records, purged };
  };
  const expiredIds = () => [old.slot, signUpIdFor(old.slot, anna.userId), old.round, old.publicSpace, old.change, old.safety, reactionIdFor(old.safety)];

  beforeAll(async () => {
    test = await openTestDatabase(dialect);
    anna = await createTestUser(test.database, { role: 'volunteer', devices: ['anna-phone-01'] });
    police = await createTestUser(test.database, { role: 'police', buurtIds: [BUURT], devices: ['police-phone-01'] });
    outsider = await createTestUser(test.database, { role: 'volunteer', devices: ['outsider-phone-01'] });
    coordinator = await createTestUser(test.database, { role: 'coordinator', devices: ['coord-phone-01'] });
    await setTeamMembers(test.database, TENANT, TEAM, [anna.userId]);
    const upload = await client(anna).send(`/api/v1/photos/${photo.sha256}`, {
      method: 'PUT',
      headers: { 'content-type': 'image/jpeg', ...anna.auth() },
      body: photo.bytes as BodyInit,
    });
    expect(upload.status).toBe(201);
    const thirteenMonths = addMonths(NOW, -13);
    const fiveMonths = addMonths(NOW, -5);
    await putRecords(test.database, TENANT, [
      // 13 months old: the slot, its sign-up, the round with its public-space observation (photo) and its follow-up.
      { type: 'patrolSlot', id: old.slot, values: slotValues(TEAM, [BUURT], { date: new Date(thirteenMonths).toISOString().slice(0, 10) }) },
      { type: 'patrolSignUp', id: signUpIdFor(old.slot, anna.userId), values: signUpValues(old.slot, anna.userId, TEAM) },
      { type: 'patrolRound', id: old.round, values: roundValues(TEAM, [BUURT], [anna.userId], { startedAt: thirteenMonths }) },
      {
        type: 'publicSpaceObservation',
        id: old.publicSpace,
        values: publicSpaceValues(old.round, TEAM, BUURT, { observedAt: thirteenMonths, photos: [photo.sha256] }),
      },
      { type: 'observationStatusChange', id: old.change, values: observationChangeValues(old.publicSpace, BUURT, TEAM) },
      // Five months old: the round and its public-space observation stay (12 months), its safety observation and the reaction go (3 months).
      { type: 'patrolRound', id: young.round, values: roundValues(TEAM, [BUURT], [anna.userId], { startedAt: fiveMonths }) },
      { type: 'safetyObservation', id: old.safety, values: safetyValues(young.round, TEAM, BUURT, { observedAt: fiveMonths }) },
      { type: 'observationReaction', id: reactionIdFor(old.safety), values: reactionValues(old.safety, TEAM, BUURT) },
      { type: 'safetyObservation', id: young.safety, values: safetyValues(young.round, TEAM, BUURT, { observedAt: NOW - 40 * DAY }) },
      { type: 'publicSpaceObservation', id: young.publicSpace, values: publicSpaceValues(young.round, TEAM, BUURT, { observedAt: fiveMonths }) },
      { type: 'patrolSlot', id: young.slot, values: slotValues(TEAM, [BUURT], { date: new Date(addMonths(NOW, -11)).toISOString().slice(0, 10) }) },
    ]);
    // Every device is up to date before the purge.
    for (const user of [anna, police, outsider, coordinator]) await pullFrom(user);
  });
  afterAll(() => test.cleanup());

  it('purges what is past the default periods, children with their parents, and nothing younger', async () => {
    const reports = await purgeExpiredPatrolData(test.database, NOW);
    expect(reports).toHaveLength(1);
    expect(reports[0]?.tenantId).toBe(TENANT);
    expect(reports[0]?.purged.map((p) => p.id).sort()).toEqual(expiredIds().sort());
    // Run again: nothing more to do.
    expect(await purgeExpiredPatrolData(test.database, NOW)).toEqual([]);
  });

  it('tells the team’s device at its next pull what to drop, and a fresh pull no longer has it', async () => {
    const { records, purged } = await pullFrom(anna);
    expect(records).toEqual([]);
    expect(purged.map((p) => p.id).sort()).toEqual(expiredIds().sort());
    expect(purged.find((p) => p.id === old.safety)?.type).toBe('safetyObservation');
    const fresh = new Set((await client(anna).pullAll()).map((r) => r.id));
    for (const id of expiredIds()) expect(fresh.has(id)).toBe(false);
    for (const id of Object.values(young)) expect(fresh.has(id)).toBe(true);
  });

  it('tells the police only of what they could read (the round’s time and area among it), and another team nothing', async () => {
    expect((await pullFrom(police)).purged.map((p) => p.id).sort()).toEqual([old.round, old.safety, reactionIdFor(old.safety)].sort());
    expect((await pullFrom(outsider)).purged).toEqual([]);
  });

  it('records each removal in the audit log, by the server', async () => {
    const { body } = await client(coordinator).call('GET', `/api/v1/audit?recordId=${old.safety}`);
    expect(body.entries[0]).toMatchObject({ action: 'record.purge', recordType: 'safetyObservation', recordId: old.safety, userId: null, deviceId: null });
    const all = await test.database.db.selectFrom('audit_log').select('record_id').where('action', '=', 'record.purge').execute();
    expect(all.map((row) => row.record_id).sort()).toEqual(expiredIds().sort());
  });

  it('removes the photos nothing shows any more', async () => {
    expect((await client(anna).send(`/api/v1/photos/${photo.sha256}`, { headers: anna.auth() })).status).toBe(404);
    expect(await test.database.db.selectFrom('photos').select('sha256').where('sha256', '=', photo.sha256).execute()).toEqual([]);
  });

  it('never makes a purged record again, and says why', async () => {
    const { body } = await client(anna).push('anna-phone-01', [
      mutation(ids, 'safetyObservation', old.safety, { note: 'nog iets' }, { device: 'anna-phone-01' }),
      mutation(ids, 'patrolRound', old.round, roundValues(TEAM, [BUURT], [anna.userId]), { device: 'anna-phone-01' }),
    ]);
    expect(body.results).toMatchObject([
      { status: 'rejected', reason: 'purged' },
      { status: 'rejected', reason: 'purged' },
    ]);
  });

  it('follows the tenant’s own period, set by the coordinator, on a later clock', async () => {
    const { body } = await client(coordinator).push('coord-phone-01', [
      mutation(
        ids,
        'patrolSettings',
        PATROL_SETTINGS_ID,
        { safetyObservationMonths: 1, roundMonths: 12, publicSpaceObservationMonths: 12 },
        { device: 'coord-phone-01' },
      ),
    ]);
    expect(body.results).toMatchObject([{ status: 'applied' }]);
    const reports = await purgeExpiredPatrolData(test.database, NOW);
    expect(reports[0]?.purged.map((p) => p.id)).toEqual([young.safety]);
    // A month later by the injected clock the 11-month-old slot is past 12 months too.
    const later = await purgeExpiredPatrolData(test.database, addMonths(NOW, 1) + DAY);
    expect(later[0]?.purged.map((p) => p.id)).toEqual([young.slot]);
    expect((await pullFrom(anna)).purged.map((p) => p.id).sort()).toEqual([young.safety, young.slot].sort());
  });

  it('runs by itself from the server’s schedule at start, on the server’s (injected) clock', async () => {
    const late = ids();
    await putRecords(test.database, TENANT, [
      { type: 'safetyObservation', id: late, values: safetyValues(young.round, TEAM, BUURT, { observedAt: addMonths(NOW, -2) }) },
    ]);
    const purged = new Promise<PurgeReport[]>((resolve, reject) => {
      const stop = startRetentionSchedule(test.database, {
        now: () => NOW,
        intervalMs: 3_600_000,
        onPurged: (reports) => {
          stop();
          resolve(reports);
        },
        onError: (error) => {
          stop();
          reject(error);
        },
      });
    });
    expect((await purged)[0]?.purged).toEqual([{ id: late, type: 'safetyObservation' }]);
  });
});
