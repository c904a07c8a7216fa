import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../../src/domain/hlc.ts';
import { uuidv7 } from '../../../src/domain/ids.ts';
import { reactionIdFor } from '../../../src/domain/patrol-observation.ts';
import { rosterDate, rosterHorizon } from '../../../src/domain/patrol-roster.ts';
import { signUpIdFor } from '../../../src/domain/patrol.ts';
import type { RecordType, SyncRecord } from '../../../src/domain/records.ts';
import { InvalidInputError } from '../../../src/store/invalid-input.ts';
import { manualClock, openTestStore } from '../../fixtures/factories.ts';
import { DEVICE_B, NOW, TENANT } from '../../fixtures/fixed.ts';
import { publicSpaceValues, roundValues, safetyValues } from '../../fixtures/server-patrol.ts';

const TEAM = 'buurtpreventie-kinderdijk';
const COORDINATOR = '0193a1b2-0000-7000-8000-0000000000c0';
const ANNA = '0193a1b2-0000-7000-8000-0000000000a1';
const BART = '0193a1b2-0000-7000-8000-0000000000b2';
const CEES = '0193a1b2-0000-7000-8000-0000000000c3';
const DAY = 86_400_000;

function dateAfter(days: number): string {
  return rosterDate(NOW + days * DAY);
}

/** A record as the server would send it (another phone wrote it). */
function remote(type: RecordType, id: string, values: Record<string, unknown>): SyncRecord {
  const t = formatHlc({ wall: NOW, counter: 0, node: DEVICE_B });
  return { id, type, tenantId: TENANT, fields: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { v, t }])), counters: {} };
}

describe('the roster on the device', () => {
  it('keeps a slot, its walkers and flags one with fewer than two', async () => {
    const store = await openTestStore();
    const id = await store.ui.roster.createSlot(
      { teamId: TEAM, date: dateAfter(2), start: '20:00', durationMinutes: 90, meetingPoint: 'Bij de kerk', buurtIds: ['kinderdijk'] },
      COORDINATOR,
    );
    await store.ui.roster.signUp(id, ANNA);
    let slot = await store.ui.roster.getSlot(id);
    expect(slot).toMatchObject({ teamId: TEAM, meetingPoint: 'Bij de kerk', walkers: [ANNA], needsWalkers: true, syncState: 'local' });
    await store.ui.roster.signUp(id, BART);
    slot = await store.ui.roster.getSlot(id);
    expect(slot?.walkers).toEqual([ANNA, BART].sort());
    expect(slot?.needsWalkers).toBe(false);
    expect(await store.ui.roster.understaffed({ teamIds: [TEAM] }, NOW)).toEqual([]);

    await store.ui.roster.signOff(id, BART);
    expect((await store.ui.roster.understaffed({ teamIds: [TEAM] }, NOW)).map((s) => s.id)).toEqual([id]);
    // The sign-up record is one per slot and member, and carries the slot's team.
    const unsent = (await store.ui.outbox.exportUnsent()).records;
    expect(unsent.find((r) => r.id === signUpIdFor(id, BART))?.fields['teamId']?.v).toBe(TEAM);
  });

  it('swaps one member for another in one step', async () => {
    const store = await openTestStore();
    const id = await store.ui.roster.createSlot(
      { teamId: TEAM, date: dateAfter(1), start: '21:30', durationMinutes: 90, buurtIds: ['kinderdijk'] },
      COORDINATOR,
    );
    await store.ui.roster.signUp(id, ANNA);
    await store.ui.roster.signUp(id, BART);
    await store.ui.roster.swap(id, BART, CEES);
    expect((await store.ui.roster.getSlot(id))?.walkers).toEqual([ANNA, CEES].sort());
    await expect(store.ui.roster.swap(id, ANNA, ANNA)).rejects.toBeInstanceOf(InvalidInputError);
  });

  it('refuses a slot the server would refuse, and a sign-up for a slot that is not there', async () => {
    const store = await openTestStore();
    await expect(
      store.ui.roster.createSlot({ teamId: TEAM, date: dateAfter(1), start: '25:00', durationMinutes: 90, buurtIds: [] }, COORDINATOR),
    ).rejects.toBeInstanceOf(InvalidInputError);
    await expect(
      store.ui.roster.createSlot({ teamId: TEAM, date: dateAfter(1), start: '20:00', durationMinutes: 5, buurtIds: [] }, COORDINATOR),
    ).rejects.toBeInstanceOf(InvalidInputError);
    await expect(store.ui.roster.signUp(uuidv7(NOW), ANNA)).rejects.toBeInstanceOf(InvalidInputError);
    expect(await store.sync.pendingCount()).toBe(0);
  });

  it('repeats a weekly pattern up to three months ahead, never twice, and updates and deletes a slot', async () => {
    const clock = manualClock();
    const store = await openTestStore({ now: clock.now });
    const pattern = { teamId: TEAM, weekdays: [2, 5], start: '20:00', durationMinutes: 90, meetingPoint: 'Molen', buurtIds: ['kinderdijk'] };
    const ids = await store.ui.roster.repeatWeekly(pattern, COORDINATOR);
    // Two weekdays over about thirteen weeks.
    expect(ids.length).toBeGreaterThanOrEqual(24);
    expect(ids.length).toBeLessThanOrEqual(28);
    const slots = await store.ui.roster.listSlots({ teamIds: [TEAM] });
    expect(slots).toHaveLength(ids.length);
    const today = rosterDate(NOW);
    expect(slots.every((s) => s.date >= today && s.date <= rosterHorizon(today))).toBe(true);
    expect(new Set(slots.map((s) => new Date(`${s.date}T12:00:00Z`).getUTCDay()))).toEqual(new Set([2, 5]));
    expect(await store.ui.roster.repeatWeekly(pattern, COORDINATOR)).toEqual([]);

    const [first, second] = slots;
    if (!first || !second) throw new Error('no slots');
    await store.ui.roster.updateSlot(first.id, { meetingPoint: 'Bij de kerk', durationMinutes: 120 });
    expect(await store.ui.roster.getSlot(first.id)).toMatchObject({ meetingPoint: 'Bij de kerk', durationMinutes: 120, teamId: TEAM });
    await store.ui.roster.deleteSlot(second.id);
    expect(await store.ui.roster.getSlot(second.id)).toBeNull();
    expect(await store.ui.roster.listSlots({ teamIds: ['ander-team'] })).toEqual([]);
  });

  it('names the next slot a person walks, not one already over', async () => {
    const store = await openTestStore();
    const today = await store.ui.roster.createSlot(
      { teamId: TEAM, date: rosterDate(NOW - 3 * 3_600_000), start: '00:00', durationMinutes: 15, buurtIds: [] },
      COORDINATOR,
    );
    const later = await store.ui.roster.createSlot({ teamId: TEAM, date: dateAfter(5), start: '20:00', durationMinutes: 90, buurtIds: [] }, COORDINATOR);
    const sooner = await store.ui.roster.createSlot({ teamId: TEAM, date: dateAfter(3), start: '20:00', durationMinutes: 90, buurtIds: [] }, COORDINATOR);
    for (const id of [today, later, sooner]) await store.ui.roster.signUp(id, ANNA);
    await store.ui.roster.signUp(later, BART);
    expect((await store.ui.roster.nextSlot(ANNA, NOW))?.id).toBe(sooner);
    expect((await store.ui.roster.nextSlot(BART, NOW))?.id).toBe(later);
    expect(await store.ui.roster.nextSlot(CEES, NOW)).toBeNull();
  });
});

describe('the names on the roster', () => {
  it('keeps the name a phone knew on the sign-up, learns a later one, and names the member the swap hands the slot to', async () => {
    const store = await openTestStore();
    const slot = await store.ui.roster.createSlot({ teamId: TEAM, date: dateAfter(1), start: '20:00', durationMinutes: 90, buurtIds: [] }, COORDINATOR);
    await store.ui.roster.signUp(slot, BART);
    expect((await store.ui.roster.memberNames()).has(BART)).toBe(false);
    await store.ui.roster.signUp(slot, ANNA, 'Anna');
    await store.ui.roster.signUp(slot, BART, 'Bart');
    await store.ui.roster.swap(slot, BART, CEES, 'Cees');
    expect(Object.fromEntries(await store.ui.roster.memberNames())).toEqual({ [ANNA]: 'Anna', [BART]: 'Bart', [CEES]: 'Cees' });
    // A sign-off leaves the name; a sign-up record goes to the server with it.
    const unsent = (await store.ui.outbox.exportUnsent()).records;
    expect(unsent.find((r) => r.id === signUpIdFor(slot, BART))?.fields).toMatchObject({ name: { v: 'Bart' }, signedUp: { v: false } });
    await expect(store.ui.roster.signUp(slot, ANNA, 'x'.repeat(121))).rejects.toBeInstanceOf(InvalidInputError);
  });
});

describe('a slot and the round started from it', () => {
  it('knows its round: the running one before an ended one, and ended once it ends', async () => {
    const store = await openTestStore();
    const slot = await store.ui.roster.createSlot(
      { teamId: TEAM, date: dateAfter(0), start: '20:00', durationMinutes: 90, buurtIds: ['kinderdijk'] },
      COORDINATOR,
    );
    expect((await store.ui.roster.getSlot(slot))?.round).toBeNull();
    // An earlier round of the slot, ended, came from another phone.
    const earlier = uuidv7(NOW - 3_600_000);
    await store.sync.applyPullPage(
      [remote('patrolRound', earlier, roundValues(TEAM, ['kinderdijk'], [BART], { slotId: slot, closedBy: 'walkers', endedAt: NOW - 1_800_000 }))],
      '1',
    );
    expect((await store.ui.roster.getSlot(slot))?.round).toEqual({ id: earlier, running: false });
    const id = await store.ui.patrol.startRound({ teamId: TEAM, buurtIds: ['kinderdijk'], walkers: [ANNA, BART], mode: 'onFoot', slotId: slot }, ANNA);
    expect((await store.ui.roster.listSlots({ teamIds: [TEAM] })).find((s) => s.id === slot)?.round).toEqual({ id, running: true });
    await store.ui.patrol.endRound(id, { outcome: 'nothingToReport', summary: '' });
    expect((await store.ui.roster.getSlot(slot))?.round).toEqual({ id, running: false });
  });
});

describe('observations for the police and professionals, and the police reaction', () => {
  it('lists safety observations of a buurt with their reaction, and public-space ones apart', async () => {
    const clock = manualClock();
    const store = await openTestStore({ now: clock.now });
    const roundId = uuidv7(NOW - 3_600_000);
    const safetyId = uuidv7(NOW - 1_800_000);
    const otherBuurt = uuidv7(NOW - 1_700_000);
    const publicId = uuidv7(NOW - 1_600_000);
    await store.sync.applyPullPage(
      [
        remote('patrolRound', roundId, roundValues(TEAM, ['kinderdijk'], [ANNA, BART])),
        remote('safetyObservation', safetyId, safetyValues(roundId, TEAM, 'kinderdijk')),
        remote('safetyObservation', otherBuurt, safetyValues(roundId, TEAM, 'oranjebuurt', { observedAt: NOW - 1_700_000 })),
        remote('publicSpaceObservation', publicId, publicSpaceValues(roundId, TEAM, 'kinderdijk')),
      ],
      '5',
    );
    const safety = await store.ui.roster.listSafetyObservations({ buurtIds: ['kinderdijk'] });
    expect(safety.map((o) => o.id)).toEqual([safetyId]);
    expect(safety[0]).toMatchObject({ kind: 'safety', type: 'openWindowOrDoor', reaction: null, syncState: 'sent' });
    expect((await store.ui.roster.listPublicSpaceObservations({ buurtIds: ['kinderdijk'] })).map((o) => o.id)).toEqual([publicId]);
    expect((await store.ui.roster.listRounds({ teamIds: [TEAM] })).map((r) => r.id)).toEqual([roundId]);
    expect(await store.ui.roster.listSafetyObservations({ buurtIds: ['kinderdijk'], from: NOW })).toEqual([]);

    clock.advance(60_000);
    const reactionId = await store.ui.roster.react(safetyId, { text: 'Bewoner gebeld, raam is dicht', state: 'seen', by: CEES });
    expect(reactionId).toBe(reactionIdFor(safetyId));
    await store.ui.roster.react(safetyId, { text: 'Afgehandeld', state: 'handled', by: CEES });
    const [withReaction] = await store.ui.roster.listSafetyObservations({ buurtIds: ['kinderdijk'] });
    expect(withReaction?.reaction).toMatchObject({
      text: 'Afgehandeld',
      state: 'handled',
      by: CEES,
      teamId: TEAM,
      buurtId: 'kinderdijk',
      at: NOW + 60_000,
      syncState: 'local',
    });
    // A reaction to a public-space observation is not a thing.
    await expect(store.ui.roster.react(publicId, { text: 'x', state: 'seen', by: CEES })).rejects.toBeInstanceOf(InvalidInputError);
  });

  it('follows up a public-space observation with a status and an append-only history, as a finding', async () => {
    const clock = manualClock();
    const store = await openTestStore({ now: clock.now });
    const roundId = uuidv7(NOW - 3_600_000);
    const publicId = uuidv7(NOW - 1_600_000);
    await store.sync.applyPullPage(
      [
        remote('patrolRound', roundId, roundValues(TEAM, ['kinderdijk'], [ANNA])),
        remote('publicSpaceObservation', publicId, publicSpaceValues(roundId, TEAM, 'kinderdijk')),
      ],
      '5',
    );
    clock.advance(60_000);
    await store.ui.roster.setObservationStatus(publicId, { to: 'reported', note: 'Gemeld in FIXI', by: CEES });
    clock.advance(60_000);
    await store.ui.roster.setObservationStatus(publicId, { to: 'resolved', by: CEES });
    const [observation] = await store.ui.roster.listPublicSpaceObservations({});
    expect(observation?.status).toBe('resolved');
    const history = await store.ui.roster.getObservationHistory(publicId);
    expect(history.map((h) => [h.from, h.to, h.note])).toEqual([
      ['new', 'reported', 'Gemeld in FIXI'],
      ['reported', 'resolved', ''],
    ]);
    expect(history[0]).toMatchObject({ buurtId: 'kinderdijk', teamId: TEAM, by: CEES, at: NOW + 60_000 });
    await expect(store.ui.roster.setObservationStatus(publicId, { to: 'resolved', by: CEES })).rejects.toBeInstanceOf(InvalidInputError);
  });

  it('reads the tenant’s retention periods, defaults until set', async () => {
    const store = await openTestStore();
    expect(await store.ui.roster.settings()).toEqual({ safetyObservationMonths: 3, publicSpaceObservationMonths: 12, roundMonths: 12, lat: null, lon: null });
    await store.sync.applyPullPage([remote('patrolSettings', 'patrol-settings', { safetyObservationMonths: 2, roundMonths: 6 })], '9');
    expect(await store.ui.roster.settings()).toMatchObject({ safetyObservationMonths: 2, publicSpaceObservationMonths: 12, roundMonths: 6 });
  });
});
