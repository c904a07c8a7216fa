/** The exports' read of the device store: every exported type at once, deleted records included (the builders leave them out). */
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../../src/domain/hlc.ts';
import { uuidv7 } from '../../../src/domain/ids.ts';
import { reactionIdFor } from '../../../src/domain/patrol-observation.ts';
import type { RecordType, SyncRecord } from '../../../src/domain/records.ts';
import { activityInput, manualClock, openTestStore } from '../../fixtures/factories.ts';
import { DEVICE_B, NOW, TENANT } from '../../fixtures/fixed.ts';
import { publicSpaceValues, reactionValues, roundValues, safetyValues } from '../../fixtures/server-patrol.ts';

const TEAM = 'buurtpreventie-kinderdijk';
const ANNA = '0193a1b2-0000-7000-8000-0000000000a1';
const BART = '0193a1b2-0000-7000-8000-0000000000b2';

function remote(type: RecordType, id: string, values: Record<string, unknown>): SyncRecord {
  const t = formatHlc({ wall: NOW, counter: 0, node: DEVICE_B });
  return { id, type, tenantId: TENANT, fields: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { v, t }])), counters: {} };
}

describe('the export snapshot of the device store', () => {
  it('reads activities with attendance, rounds with participants, findings with their last status change, patrol records and slots', async () => {
    const clock = manualClock();
    const store = await openTestStore({ now: clock.now });
    const evening = await store.ui.activities.create(activityInput({ title: 'Buurtavond' }));
    await store.ui.attendance.bump(evening, 'residents', 1);
    await store.ui.attendance.bump(evening, 'residents', 1);
    const schouw = await store.ui.activities.create(activityInput({ type: 'schouw', title: 'Schouw' }));
    await store.ui.schouw.bump(schouw, 'residents', 1);
    const kept = await store.ui.schouw.createFinding({ schouwId: schouw, element: 'tree', aspect: 'damage' }, ANNA);
    const gone = await store.ui.schouw.createFinding({ schouwId: schouw, element: 'tree', aspect: 'leaning' }, ANNA);
    await store.ui.schouw.deleteFinding(gone);
    clock.advance(60_000);
    await store.ui.schouw.setFindingStatus(kept, { to: 'reported', by: ANNA });
    clock.advance(60_000);
    // A note without a change of status does not move "status changed on".
    await store.ui.schouw.setFindingStatus(kept, { to: 'reported', note: 'Nog even wachten', by: ANNA });

    const roundId = uuidv7(NOW - 3_600_000);
    const safetyId = uuidv7(NOW - 1_800_000);
    const publicId = uuidv7(NOW - 1_600_000);
    await store.sync.applyPullPage(
      [
        remote('patrolRound', roundId, roundValues(TEAM, ['kinderdijk'], [ANNA, BART])),
        remote('safetyObservation', safetyId, safetyValues(roundId, TEAM, 'kinderdijk')),
        remote('observationReaction', reactionIdFor(safetyId), reactionValues(safetyId, TEAM, 'kinderdijk', { state: 'handled' })),
        remote('publicSpaceObservation', publicId, publicSpaceValues(roundId, TEAM, 'kinderdijk')),
      ],
      '3',
    );
    const slot = await store.ui.roster.createSlot({ teamId: TEAM, date: '2026-05-20', start: '20:00', durationMinutes: 90, buurtIds: ['kinderdijk'] }, ANNA);
    await store.ui.roster.signUp(slot, ANNA);
    await store.ui.roster.signUp(slot, BART);
    await store.ui.roster.signOff(slot, BART);

    const snapshot = await store.ui.exports.snapshot();
    expect(snapshot.activities.map((a) => a.id).sort()).toEqual([evening, schouw].sort());
    expect(snapshot.attendance.get(evening)?.counts.residents).toBe(2);
    expect(snapshot.schouw.get(schouw)?.participants.total).toBe(1);
    expect(snapshot.findings.map((f) => [f.id, f.deleted]).sort()).toEqual(
      [
        [kept, false],
        [gone, true],
      ].sort(),
    );
    expect(snapshot.findingStatusChangedAt).toEqual(new Map([[kept, NOW + 60_000]]));
    expect(snapshot.patrolRounds.map((r) => r.id)).toEqual([roundId]);
    expect(snapshot.safetyObservations.map((o) => o.id)).toEqual([safetyId]);
    expect(snapshot.reactions).toEqual(new Map([[safetyId, 'handled']]));
    expect(snapshot.publicSpaceObservations.map((o) => o.id)).toEqual([publicId]);
    expect(snapshot.slots.map((s) => s.id)).toEqual([slot]);
    expect(snapshot.slotWalkers.get(slot)).toBe(1);
    store.close();
  });
});
