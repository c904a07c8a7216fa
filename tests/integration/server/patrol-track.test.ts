/**
 * A round's route track on the server, through the HTTP API: the team and
 * the coordinators get it; the police of the round's buurt get the round's
 * time and area, and the track only while the team shares it (field-level
 * reading, permissions.ts HIDDEN_FIELDS) — sharing, no longer sharing and
 * sharing again each reach a police device that already holds the round;
 * professionals, the police elsewhere and other teams get no round at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeRecord } from '../../../src/domain/merge.ts';
import { encodeTrack } from '../../../src/domain/patrol-track.ts';
import type { SyncRecord } from '../../../src/domain/records.ts';
import { createApp } from '../../../src/server/app.ts';
import { createTestUser, setTeamMembers, type TestUser } from '../../fixtures/server-auth.ts';
import { roundValues } from '../../fixtures/server-patrol.ts';
import { NOW, TENANT } from '../../fixtures/fixed.ts';
import { idFactory, mutation } from '../../fixtures/server-mutations.ts';
import { apiClient } from './api-client.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from './databases.ts';

const TEAM = 'buurtpreventie-oranjebuurt';
const BUURT = 'oranjebuurt';
const OTHER_BUURT = 'kinderdijk';

/** Four points 30 m apart, a minute each, around the Oranjebuurt. */
const TRACK = encodeTrack([0, 1, 2, 3].map((i) => ({ lat: 51.85 + i * 0.00027, lon: 4.66, at: NOW - 3_600_000 + i * 60_000 })));
const START_POINT = { lat: 51.85, lon: 4.66, accuracyM: 8, source: 'gps' };

describe.each(DIALECTS)('a round’s route track on %s', (dialect) => {
  let test: TestDatabase;
  const users = {} as Record<'anna' | 'bram' | 'police' | 'policeElsewhere' | 'professional' | 'coordinator' | 'other', TestUser>;
  const ids = idFactory(0x7a3c);
  const roundId = ids();
  const client = (user: TestUser) => apiClient(createApp({ db: test.database, now: () => NOW }), user);
  const device = (user: TestUser) => [...user.tokens.keys()][0] as string;
  const push = async (user: TestUser, mutations: unknown[]) => (await client(user).push(device(user), mutations)).body.results;
  const roundOf = async (user: TestUser) => (await client(user).pullAll()).find((record) => record.id === roundId);
  const value = (record: SyncRecord | undefined, field: string) => record?.fields[field]?.v;
  /** What a device that keeps pulling holds: each page merged into what it had (as the store's pull does). */
  const follower = (user: TestUser) => {
    let cursor = '0';
    let held: SyncRecord | undefined;
    return async () => {
      for (;;) {
        const { body } = await client(user).pull(cursor);
        for (const record of body.records) if (record.id === roundId) held = held ? mergeRecord(held, record) : record;
        cursor = body.cursor;
        if (!body.hasMore) return held;
      }
    };
  };

  beforeAll(async () => {
    test = await openTestDatabase(dialect);
    users.anna = await createTestUser(test.database, { role: 'volunteer', devices: ['anna-phone-01'] });
    users.bram = await createTestUser(test.database, { role: 'volunteer', devices: ['bram-phone-01'] });
    users.other = await createTestUser(test.database, { role: 'volunteer', devices: ['other-phone-01'] });
    users.police = await createTestUser(test.database, { role: 'police', buurtIds: [BUURT], devices: ['police-phone-01'] });
    users.policeElsewhere = await createTestUser(test.database, { role: 'police', buurtIds: [OTHER_BUURT], devices: ['police-kd-phone-01'] });
    users.professional = await createTestUser(test.database, { role: 'professional', buurtIds: [BUURT], devices: ['prof-phone-01'] });
    users.coordinator = await createTestUser(test.database, { role: 'coordinator', devices: ['coord-phone-01'] });
    await setTeamMembers(test.database, TENANT, TEAM, [users.anna.userId, users.bram.userId]);
    const round = roundValues(TEAM, [BUURT], [users.anna.userId, users.bram.userId], {
      trackOptIn: true,
      track: TRACK,
      shareTrackWithPolice: false,
      startPoint: START_POINT,
      endedAt: NOW - 1_800_000,
      closedBy: 'walkers',
      outcome: 'remarks',
      summary: 'Lantaarn kapot bij de kerk',
    });
    expect(await push(users.anna, [mutation(ids, 'patrolRound', roundId, round, { device: 'anna-phone-01' })])).toMatchObject([{ status: 'applied' }]);
  });
  afterAll(() => test.cleanup());

  it('gives the track to the team and the coordinator', async () => {
    for (const user of [users.bram, users.coordinator]) {
      const round = await roundOf(user);
      expect(value(round, 'track')).toBe(TRACK);
      expect(value(round, 'summary')).toBe('Lantaarn kapot bij de kerk');
    }
  });

  it('gives the police of the buurt the round’s time and area, without track, start point, walkers, outcome or summary while not shared', async () => {
    const round = await roundOf(users.police);
    expect(round).toBeDefined();
    expect(value(round, 'startedAt')).toBe(NOW - 3_600_000);
    expect(value(round, 'buurtIds')).toEqual([BUURT]);
    expect(value(round, 'shareTrackWithPolice')).toBe(false);
    expect(value(round, 'track')).toBeNull();
    expect(value(round, 'startPoint')).toBeNull();
    expect(value(round, 'walkers')).toEqual([]);
    expect(value(round, 'outcome')).toBeNull();
    expect(value(round, 'summary')).toBe('');
    expect(JSON.stringify(round)).not.toContain(TRACK);
  });

  it('gives no round at all to a professional of the buurt, the police elsewhere or another team', async () => {
    for (const user of [users.professional, users.policeElsewhere, users.other]) expect(await roundOf(user)).toBeUndefined();
  });

  it('lets the police device follow the team’s choice: shared, no longer shared, shared again', async () => {
    const police = follower(users.police);
    expect(value(await police(), 'track')).toBeNull();

    const share = (shared: boolean, offsetMs: number) =>
      push(users.bram, [mutation(ids, 'patrolRound', roundId, { shareTrackWithPolice: shared }, { device: 'bram-phone-01', offsetMs })]);
    expect(await share(true, 1000)).toMatchObject([{ status: 'applied' }]);
    let held = await police();
    expect(value(held, 'track')).toBe(TRACK);
    expect(value(held, 'startPoint')).toEqual(START_POINT);
    expect(value(held, 'walkers')).toEqual([]);

    expect(await share(false, 2000)).toMatchObject([{ status: 'applied' }]);
    held = await police();
    expect(value(held, 'track')).toBeNull();
    expect(value(held, 'startPoint')).toBeNull();
    // A fresh police device, too.
    expect(value(await roundOf(users.police), 'track')).toBeNull();

    expect(await share(true, 3000)).toMatchObject([{ status: 'applied' }]);
    expect(value(await police(), 'track')).toBe(TRACK);
    // Still nothing for the professional.
    expect(await roundOf(users.professional)).toBeUndefined();
  });

  it('refuses the police writing the track or the choice', async () => {
    const results = await push(users.police, [
      mutation(ids, 'patrolRound', roundId, { shareTrackWithPolice: true, track: TRACK }, { device: 'police-phone-01', offsetMs: 4000 }),
    ]);
    expect(results).toMatchObject([{ status: 'rejected', reason: 'forbidden' }]);
  });
});
