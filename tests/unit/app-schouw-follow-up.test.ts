/** Following a finding up: a status change writes the finding's status and an append-only history entry. */
import { describe, expect, it } from 'vitest';
import { mayAddFinding, mayChangeFindingStatus, mayDeleteFinding, mayUpdateFinding, mayUpdateSchouw, principalOf } from '../../src/app/abilities.ts';
import { followUpDraftOf, followUpSaveOf, isFollowUpDirty, isStatusChangeValid, meldingNumberOf, whoOf } from '../../src/app/schouw/follow-up-logic.ts';
import { FOLLOW_UP_STATUSES, meldingStatusFor } from '../../src/domain/follow-up.ts';
import { placeText } from '../../src/app/schouw/place-text.ts';
import { core } from '../../src/app/i18n/core.ts';
import { createT } from '../../src/app/i18n/translate.ts';
import { findingsPack } from '../../src/app/schouw/pack.ts';
import type { Role } from '../../src/domain/permissions.ts';
import { activityInput, manualClock, openTestStore } from '../fixtures/factories.ts';

const ANNA = 'user-anna';
const BERT = 'user-bert';

describe('a follow-up status change', () => {
  it('moves the finding’s status and keeps who, when, from → to and the note', async () => {
    const clock = manualClock();
    const store = await openTestStore({ now: clock.now });
    const activityId = await store.ui.activities.create(activityInput({ type: 'schouw' }));
    const id = await store.ui.schouw.createFinding({ schouwId: activityId, element: 'streetLighting', aspect: 'lightOut' }, ANNA);

    clock.advance(60_000);
    await store.ui.schouw.updateFinding(id, { action: 'reportFixi', meldingNumber: 'FIXI-2025-0042', meldingStatus: 'received' });
    await store.ui.schouw.setFindingStatus(id, { to: 'reported', note: 'Gemeld in FIXI', by: ANNA });
    clock.advance(60_000);
    await store.ui.schouw.setFindingStatus(id, { to: 'reported', note: 'Gemeente belt terug', by: BERT });

    expect(await store.ui.schouw.getFinding(id)).toMatchObject({
      status: 'reported',
      action: 'reportFixi',
      meldingNumber: 'FIXI-2025-0042',
      meldingStatus: 'received',
    });
    const history = await store.ui.schouw.getFindingHistory(id);
    expect(history.map(({ from, to, note, by }) => ({ from, to, note, who: whoOf(by, ANNA) }))).toEqual([
      { from: 'new', to: 'reported', note: 'Gemeld in FIXI', who: 'you' },
      { from: 'reported', to: 'reported', note: 'Gemeente belt terug', who: 'colleague' },
    ]);
    expect(history[0]!.at).toBeLessThan(history[1]!.at);
  });

  it('asks for a note when the status stays the same, as the store does', () => {
    expect(isStatusChangeValid('new', 'reported', '')).toBe(true);
    expect(isStatusChangeValid('reported', 'reported', '  ')).toBe(false);
    expect(isStatusChangeValid('reported', 'reported', 'Nagebeld')).toBe(true);
  });

  it('stores a typed melding number trimmed, and an empty one as none', () => {
    expect(meldingNumberOf('  FIXI-123 ')).toBe('FIXI-123');
    expect(meldingNumberOf('   ')).toBeNull();
  });
});

describe('who may do what with a schouw', () => {
  const TEAM = 'schouwgroep-oranjebuurt';
  const person = (role: Role, buurtIds: string[] = [], teamIds: string[] = []) =>
    principalOf({ userId: ANNA, tenantId: 'alblasserdam', role, buurtIds, teamIds });
  const activity = { id: '0193a1b2-0000-7000-8000-0000000000aa', buurtId: 'oranjebuurt', teamId: TEAM };
  const finding = { buurtId: 'oranjebuurt', teamId: TEAM };

  it('lets a resident of the schouw group add and follow up, but not delete', () => {
    const resident = person('volunteer', [], [TEAM]);
    expect(mayAddFinding(resident, activity)).toBe(true);
    expect(mayUpdateSchouw(resident, activity)).toBe(true);
    expect(mayUpdateFinding(resident, finding)).toBe(true);
    expect(mayChangeFindingStatus(resident, finding)).toBe(true);
    expect(mayDeleteFinding(resident, finding)).toBe(false);
    expect(mayAddFinding(person('volunteer', [], ['other-team']), activity)).toBe(false);
  });

  it('lets a professional work in their buurten, and keeps the police out', () => {
    expect(mayDeleteFinding(person('professional', ['oranjebuurt']), finding)).toBe(true);
    expect(mayUpdateFinding(person('professional', ['centrum']), finding)).toBe(false);
    expect(mayAddFinding(person('police'), activity)).toBe(false);
  });
});

describe('where a finding is, in words', () => {
  const t = createT('nl', core, findingsPack);
  it('prefers the address, else coordinates with their accuracy', () => {
    expect(placeText(t, 'nl', { location: null, address: { street: 'Oranjelaan', number: '12', postcode: '2951 AB', place: 'Alblasserdam' } })).toBe(
      'Oranjelaan 12, 2951 AB Alblasserdam',
    );
    expect(placeText(t, 'nl', { location: { lat: 51.858612, lon: 4.659704, accuracyM: 7.6, source: 'gps' }, address: null })).toBe(
      '51,85861 NB, 4,65970 OL (± 8 m)',
    );
    expect(placeText(t, 'nl', { location: null, address: null })).toBe('Geen plek vastgelegd');
  });
});

describe('the one follow-up form', () => {
  it('saves changed fields, derives the melding status from the status, and writes history only for a status change or a note', async () => {
    const store = await openTestStore({ now: manualClock().now });
    const activityId = await store.ui.activities.create(activityInput({ type: 'schouw' }));
    const id = await store.ui.schouw.createFinding({ schouwId: activityId, element: 'streetLighting', aspect: 'lightOut' }, ANNA);
    const finding = await store.ui.schouw.getFinding(id);
    if (!finding) throw new Error('no finding');
    const draft = followUpDraftOf(finding);
    expect(isFollowUpDirty(finding, draft)).toBe(false);
    expect(followUpSaveOf(finding, draft)).toEqual({ changes: {}, entry: null });

    const reported = { ...draft, action: 'reportFixi' as const, status: 'reported' as const, meldingNumber: ' FIXI-7 ' };
    expect(isFollowUpDirty(finding, reported)).toBe(true);
    expect(followUpSaveOf(finding, reported)).toEqual({
      changes: { action: 'reportFixi', meldingNumber: 'FIXI-7', meldingStatus: 'received' },
      entry: { to: 'reported', note: '' },
    });
    // Only the action: no history entry, the status stays.
    expect(followUpSaveOf(finding, { ...draft, action: 'fixedOnSpot' })).toEqual({ changes: { action: 'fixedOnSpot' }, entry: null });
    // A melding number typed while still "nieuw" is not saved: it belongs to the "gemeld" step.
    expect(followUpSaveOf(finding, { ...draft, meldingNumber: 'X-1' })).toEqual({ changes: {}, entry: null });
    expect(followUpSaveOf(finding, { ...draft, note: 'Nagekeken' }).entry).toEqual({ to: 'new', note: 'Nagekeken' });
  });

  it('maps every follow-up status to one melding status', () => {
    expect(FOLLOW_UP_STATUSES.map(meldingStatusFor)).toEqual(['notReported', 'received', 'inProgress', 'resolved', 'resolved']);
  });
});
