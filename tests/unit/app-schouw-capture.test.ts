/**
 * Capturing a finding: saved the moment it is complete, every later tap an
 * update of the same finding, levels per the round's method. Against the
 * real store on fake-indexeddb. (No DOM is installed for unit tests, so the
 * screen's rules live in capture-logic.ts and are tested here.)
 */
import { describe, expect, it } from 'vitest';
import {
  createFindingSaver,
  EMPTY_DRAFT,
  draftOf,
  hasInput,
  levelFor,
  levelsFor,
  mergeStored,
  withoutPhoto,
  withPhoto,
  type CaptureDraft,
} from '../../src/app/schouw/capture-logic.ts';
import { activityInput, manualClock, openTestStore } from '../fixtures/factories.ts';

const USER = 'user-anna';
const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);

async function withRound() {
  const clock = manualClock(undefined, 1);
  const store = await openTestStore({ now: clock.now });
  const activityId = await store.ui.activities.create(
    activityInput({ type: 'schouw', title: 'Voorjaarsschouw Oranjebuurt', teamId: 'schouwgroep-oranjebuurt' }),
  );
  return { store, activityId };
}

describe('the level step follows the round’s method', () => {
  it('offers the CROW scale, good/bad/plus, or no level at all', () => {
    expect(levelsFor('crow')).toEqual(['A+', 'A', 'B', 'C', 'D']);
    expect(levelsFor('goodBadPlus')).toEqual(['good', 'bad', 'plus']);
    expect(levelsFor('free')).toEqual([]);
  });

  it('follows a method the round has on the device', async () => {
    const { store, activityId } = await withRound();
    expect(levelsFor((await store.ui.schouw.getRound(activityId)).method)).toEqual(['A+', 'A', 'B', 'C', 'D']);
    await store.ui.schouw.updateRound(activityId, { method: 'goodBadPlus' });
    expect(levelsFor((await store.ui.schouw.getRound(activityId)).method)).toEqual(['good', 'bad', 'plus']);
    await store.ui.schouw.updateRound(activityId, { method: 'free' });
    expect(levelsFor((await store.ui.schouw.getRound(activityId)).method)).toEqual([]);
  });

  it('drops a level that the method does not offer', () => {
    expect(levelFor('crow', 'B')).toBe('B');
    expect(levelFor('goodBadPlus', 'B')).toBeNull();
    expect(levelFor('free', 'good')).toBeNull();
  });
});

describe('saving a finding the moment it is complete', () => {
  it('writes nothing for a photo alone or an element alone, and creates it once the aspect is chosen', async () => {
    const { store, activityId } = await withRound();
    const saver = createFindingSaver(store.ui.schouw, { schouwId: activityId, createdBy: USER });
    let draft: CaptureDraft = withPhoto(EMPTY_DRAFT, HASH_A);
    expect(await saver.save(draft)).toEqual({ kind: 'incomplete' });
    draft = { ...draft, element: 'litterBin' };
    expect(await saver.save(draft)).toEqual({ kind: 'incomplete' });
    expect(await store.ui.schouw.listFindings({ schouwId: activityId })).toEqual([]);

    draft = { ...draft, aspect: 'binFull' };
    const created = await saver.save(draft);
    expect(created.kind).toBe('created');
    const [finding] = await store.ui.schouw.listFindings({ schouwId: activityId });
    expect(finding).toMatchObject({ id: saver.id, element: 'litterBin', aspect: 'binFull', photos: [HASH_A], level: null, createdBy: USER, status: 'new' });
  });

  it('updates the same finding with every later change: another photo, level, place, note', async () => {
    const { store, activityId } = await withRound();
    const saver = createFindingSaver(store.ui.schouw, { schouwId: activityId, createdBy: USER });
    let draft: CaptureDraft = { ...EMPTY_DRAFT, element: 'tree', aspect: 'damage' };
    await saver.save(draft);
    const id = saver.id;

    draft = withPhoto(draft, HASH_A);
    expect(await saver.save(draft)).toEqual({ kind: 'updated', id, changes: { photos: [HASH_A] } });
    draft = { ...draft, level: 'C' };
    expect(await saver.save(draft)).toEqual({ kind: 'updated', id, changes: { level: 'C' } });
    draft = { ...draft, location: { lat: 51.8586, lon: 4.6597, accuracyM: 8, source: 'gps' } };
    await saver.save(draft);
    draft = { ...draft, note: 'Tak hangt over het fietspad' };
    await saver.save(draft);
    expect(await saver.save(draft)).toEqual({ kind: 'unchanged', id });

    const findings = await store.ui.schouw.listFindings({ schouwId: activityId });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ id, photos: [HASH_A], level: 'C', location: { accuracyM: 8 }, note: 'Tak hangt over het fietspad' });
  });

  it('never creates two findings when taps come faster than the writes', async () => {
    const { store, activityId } = await withRound();
    const saver = createFindingSaver(store.ui.schouw, { schouwId: activityId, createdBy: USER });
    const complete: CaptureDraft = { ...EMPTY_DRAFT, element: 'grass', aspect: 'bare' };
    const results = await Promise.all([
      saver.save(complete),
      saver.save({ ...complete, level: 'D' }),
      saver.save(withPhoto({ ...complete, level: 'D' }, HASH_B)),
    ]);
    expect(results.map((r) => r.kind)).toEqual(['created', 'updated', 'updated']);
    const findings = await store.ui.schouw.listFindings({ schouwId: activityId });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ level: 'D', photos: [HASH_B] });
  });

  it('writes only what changed here, so a colleague’s edit of another field survives', async () => {
    const { store, activityId } = await withRound();
    const saver = createFindingSaver(store.ui.schouw, { schouwId: activityId, createdBy: USER });
    const draft: CaptureDraft = { ...EMPTY_DRAFT, element: 'hedge', aspect: 'overgrown', note: 'eigen notitie' };
    await saver.save(draft);
    const id = saver.id as string;
    await store.ui.schouw.updateFinding(id, { note: 'notitie van een collega' });
    await saver.save({ ...draft, level: 'B' });
    expect(await store.ui.schouw.getFinding(id)).toMatchObject({ level: 'B', note: 'notitie van een collega' });
  });

  it('edits an existing finding without creating a new one', async () => {
    const { store, activityId } = await withRound();
    const id = await store.ui.schouw.createFinding({ schouwId: activityId, element: 'drain', aspect: 'leaves' }, USER);
    const finding = await store.ui.schouw.getFinding(id);
    const saver = createFindingSaver(store.ui.schouw, { schouwId: activityId, createdBy: USER, existing: { id, draft: draftOf(finding!) } });
    expect(await saver.save({ ...draftOf(finding!), aspect: 'damage' })).toEqual({ kind: 'updated', id, changes: { aspect: 'damage' } });
    expect(await store.ui.schouw.listFindings({ schouwId: activityId })).toHaveLength(1);
  });

  it('refuses a save the store refuses, and can save again afterwards', async () => {
    const { store, activityId } = await withRound();
    const saver = createFindingSaver(store.ui.schouw, { schouwId: activityId, createdBy: USER });
    const draft: CaptureDraft = { ...EMPTY_DRAFT, element: 'road', aspect: 'damage' };
    await saver.save(draft);
    await expect(saver.save({ ...draft, note: 'x'.repeat(2001) })).rejects.toThrow();
    expect(await saver.save({ ...draft, level: 'A' })).toMatchObject({ kind: 'updated', changes: { level: 'A' } });
  });
});

describe('the draft on screen', () => {
  it('holds at most five photos, each once, and removes one', () => {
    let draft = EMPTY_DRAFT;
    for (const n of [1, 2, 3, 4, 5, 6]) draft = withPhoto(draft, String(n).repeat(64));
    expect(draft.photos).toHaveLength(5);
    expect(withPhoto(draft, '1'.repeat(64)).photos).toHaveLength(5);
    expect(withoutPhoto(draft, '1'.repeat(64)).photos).toHaveLength(4);
  });

  it('knows whether it holds input worth keeping from an update reload', () => {
    expect(hasInput(EMPTY_DRAFT)).toBe(false);
    expect(hasInput({ ...EMPTY_DRAFT, note: '   ' })).toBe(false);
    expect(hasInput(withPhoto(EMPTY_DRAFT, HASH_A))).toBe(true);
  });

  it('shows an address looked up after saving, and keeps unsaved input of its own', () => {
    const saved: CaptureDraft = { ...EMPTY_DRAFT, element: 'tree', aspect: 'damage', note: 'oud' };
    const draft: CaptureDraft = { ...saved, note: 'nog aan het typen' };
    const address = { street: 'Oranjelaan', number: '12', postcode: '2951 AB', place: 'Alblasserdam' };
    const stored: CaptureDraft = { ...saved, address };
    const merged = mergeStored(saved, draft, stored);
    expect(merged.draft.address).toEqual(address);
    expect(merged.draft.note).toBe('nog aan het typen');
    expect(merged.saved).toEqual(stored);
  });

  it('keeps an address the person typed and has not saved yet', () => {
    const saved: CaptureDraft = { ...EMPTY_DRAFT, element: 'tree', aspect: 'damage' };
    const typed = { street: 'Dam', number: '1', postcode: null, place: 'Alblasserdam' };
    const looked = { street: 'Oranjelaan', number: '12', postcode: '2951 AB', place: 'Alblasserdam' };
    const merged = mergeStored(saved, { ...saved, address: typed }, { ...saved, address: looked });
    expect(merged.draft.address).toEqual(typed);
  });

  it('never undoes a tap with a live answer from before it', () => {
    const saved: CaptureDraft = { ...EMPTY_DRAFT, element: 'tree', aspect: 'damage', level: 'C' };
    const merged = mergeStored(saved, saved, { ...saved, level: null });
    expect(merged.draft.level).toBe('C');
  });
});
