// Dexie's liveQuery needs a global indexedDB, read when dexie loads; each store still gets its own IDBFactory.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { hlcWall, parseHlc } from '../../../src/domain/hlc.ts';
import { MAX_CLOCK_AHEAD_MS } from '../../../src/domain/protocol.ts';
import { activityInput, manualClock, openTestStore } from '../../fixtures/factories.ts';
import { NOW } from '../../fixtures/fixed.ts';

const DAY = 24 * 60 * 60_000;

describe('the outbox', () => {
  it('keeps one pending entry per record, replaced by a merge of old and new under a fresh mutation id', async () => {
    const clock = manualClock();
    const store = await openTestStore({ now: clock.now });
    const id = await store.ui.activities.create(activityInput());
    const [inFlight] = await store.sync.takeBatch({ maxCount: 10, maxBytes: 100_000 });
    clock.advance(1_000);
    await store.ui.activities.update(id, { title: 'Buurtbarbecue' });
    clock.advance(1_000);
    await store.ui.activities.update(id, { notes: 'Neem een stoel mee' });

    const pending = await store.sync.takeBatch({ maxCount: 10, maxBytes: 100_000 });
    expect(pending).toHaveLength(1);
    expect(pending[0]?.mutationId).not.toBe(inFlight?.mutationId);
    expect(pending[0]?.fields).toMatchObject({
      title: { v: 'Buurtbarbecue' },
      notes: { v: 'Neem een stoel mee' },
      buurtId: { v: 'oranjebuurt', t: inFlight?.fields['buurtId']?.t },
      createdBy: inFlight?.fields['createdBy'],
    });

    // The old entry, acknowledged late, deletes only itself: the replacement is still to go.
    await store.sync.applyPushResults([{ mutationId: inFlight?.mutationId ?? '', status: 'applied' }]);
    expect(await store.sync.pendingCount()).toBe(1);
    await store.sync.applyPushResults([{ mutationId: pending[0]?.mutationId ?? '', status: 'applied' }]);
    expect(await store.sync.pendingCount()).toBe(0);
    expect((await store.ui.activities.get(id))?.syncState).toBe('sent');
  });

  it('hands out the oldest pending entries, bounded by count and by bytes but at least one', async () => {
    const store = await openTestStore();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await store.ui.activities.create(activityInput({ title: `Activiteit ${i}`, notes: 'x'.repeat(1_000) })));

    expect((await store.sync.takeBatch({ maxCount: 3, maxBytes: 1_000_000 })).map((m) => m.recordId)).toEqual(ids.slice(0, 3));
    const size = JSON.stringify((await store.sync.takeBatch({ maxCount: 1, maxBytes: 1_000_000 }))[0]).length;
    expect(await store.sync.takeBatch({ maxCount: 10, maxBytes: 2 * size + 10 })).toHaveLength(2);
    expect(await store.sync.takeBatch({ maxCount: 10, maxBytes: 10 })).toHaveLength(1);
  });

  it('keeps a rejected change, with its reason, until the user dismisses it', async () => {
    const clock = manualClock();
    const store = await openTestStore({ now: clock.now });
    const id = await store.ui.activities.create(activityInput());
    const [sent] = await store.sync.takeBatch({ maxCount: 10, maxBytes: 100_000 });
    await store.sync.applyPushResults([
      {
        mutationId: sent?.mutationId ?? '',
        status: 'rejected',
        reason: 'invalid-payload',
        message: 'Some fields have invalid values.',
        issues: [{ path: 'fields.title.v', message: 'must not be empty' }],
      },
    ]);

    expect(await store.ui.outbox.summary()).toEqual({
      pending: 0,
      rejected: [
        {
          mutationId: sent?.mutationId,
          recordId: id,
          recordType: 'activity',
          reason: 'invalid-payload',
          message: 'Some fields have invalid values.',
          createdAt: NOW,
        },
      ],
      lastSyncAt: null,
      pendingPhotos: 0,
    });
    expect((await store.ui.activities.get(id))?.syncState).toBe('rejected');

    // A new change makes a new pending entry; the refused one stays on show.
    await store.ui.activities.update(id, { title: 'Verbeterde titel' });
    const summary = await store.ui.outbox.summary();
    expect(summary.pending).toBe(1);
    expect(summary.rejected).toHaveLength(1);
    const [retry] = await store.sync.takeBatch({ maxCount: 10, maxBytes: 100_000 });
    // The server never had this record, so the retry carries what a new activity needs.
    expect(Object.keys(retry?.fields ?? {})).toEqual(expect.arrayContaining(['title', 'type', 'buurtId', 'date', 'start', 'status', 'createdAt', 'createdBy']));
    expect(retry?.fields['title']?.v).toBe('Verbeterde titel');

    await store.ui.outbox.dismissRejected(sent?.mutationId ?? '');
    expect((await store.ui.outbox.summary()).rejected).toEqual([]);
    expect(await store.sync.pendingCount()).toBe(1);
  });

  it('exports everything not yet acknowledged as plain JSON', async () => {
    const clock = manualClock();
    const store = await openTestStore({ now: clock.now });
    const sentId = await store.ui.activities.create(activityInput({ title: 'Verstuurd' }));
    const [sent] = await store.sync.takeBatch({ maxCount: 1, maxBytes: 100_000 });
    await store.sync.applyPushResults([{ mutationId: sent?.mutationId ?? '', status: 'applied' }]);
    const localId = await store.ui.activities.create(activityInput({ title: 'Alleen hier' }));
    await store.ui.attendance.bump(localId, 'residents', 1);

    const exported = await store.ui.outbox.exportUnsent();
    expect(JSON.parse(JSON.stringify(exported))).toEqual(exported);
    expect(exported).toMatchObject({ exportedAt: new Date(NOW).toISOString(), deviceId: store.deviceId, tenantId: store.tenantId });
    expect(exported.changes.map((c) => c.recordType).sort()).toEqual(['activity', 'attendance']);
    expect(exported.records.map((r) => r.id)).not.toContain(sentId);
    expect(exported.records.find((r) => r.id === localId)).toEqual({
      id: localId,
      type: 'activity',
      tenantId: store.tenantId,
      fields: expect.any(Object),
      counters: {},
    });
  });
});

describe('a clock running ahead', () => {
  it('re-stamps a refused change, and every other unsent future stamp, with the corrected clock', async () => {
    const clock = manualClock(NOW + DAY); // the phone thinks it is tomorrow
    const store = await openTestStore({ now: clock.now });
    const first = await store.ui.activities.create(activityInput({ title: 'Eerste' }));
    const [sent] = await store.sync.takeBatch({ maxCount: 10, maxBytes: 100_000 });
    clock.advance(1_000);
    const second = await store.ui.activities.create(activityInput({ title: 'Tweede' }));

    await store.sync.setClockOffset(-DAY);
    await store.sync.applyPushResults([{ mutationId: sent?.mutationId ?? '', status: 'rejected', reason: 'clock-ahead' }]);
    expect(await store.sync.restampClockAhead(sent?.mutationId ?? '')).toBe(true);

    expect(await store.ui.outbox.summary()).toMatchObject({ pending: 2, rejected: [] });
    const restamped = await store.sync.takeBatch({ maxCount: 10, maxBytes: 100_000 });
    expect(restamped.map((m) => m.recordId)).toEqual([first, second]);
    const stamps = restamped.map((m) => m.fields['title']?.t ?? '');
    for (const stamp of stamps) expect(hlcWall(stamp)).toBeLessThanOrEqual(NOW + 2_000);
    // The order of the writes is kept.
    expect((stamps[0] ?? '') < (stamps[1] ?? '')).toBe(true);

    // The next edit gets a later stamp than the re-stamped ones, so it wins.
    clock.advance(1_000);
    await store.ui.activities.update(first, { title: 'Later bewerkt' });
    expect((await store.ui.activities.get(first))?.title).toBe('Later bewerkt');
    const { records } = await store.ui.outbox.exportUnsent();
    expect(parseHlc(records.find((r) => r.id === first)?.fields['title']?.t ?? '').wall).toBeLessThan(NOW + MAX_CLOCK_AHEAD_MS);
  });

  it('re-stamps nothing for an entry that was not refused for its clock', async () => {
    const store = await openTestStore();
    await store.ui.activities.create(activityInput());
    const [sent] = await store.sync.takeBatch({ maxCount: 10, maxBytes: 100_000 });
    expect(await store.sync.restampClockAhead(sent?.mutationId ?? '')).toBe(false);
  });
});
