import { describe, expect, it } from 'vitest';
import { effortCsv } from '../../src/app/roster/roster-csv.ts';
import { addDays, effortRows, endTime, isoWeek, monthRange, percent, slotRoundAction, slotsByWeek, typeTotals } from '../../src/app/roster/roster-logic.ts';
import { rosterMoment } from '../../src/domain/patrol-roster.ts';
import { parseRosterRoute, rosterHref, type RosterRoute } from '../../src/app/roster/routes.ts';
import type { ObservationView, RoundView, SlotView } from '../../src/store/patrol-roster-store.ts';
import { NOW } from '../fixtures/fixed.ts';

const HOUR = 3_600_000;
const today = new Date(NOW).toISOString().slice(0, 10);

function slot(id: string, date: string, walkers: string[], buurtIds = ['oranjebuurt']): SlotView {
  return {
    id,
    teamId: 'team-a',
    date,
    start: '20:00',
    durationMinutes: 90,
    meetingPoint: '',
    buurtIds,
    createdAt: NOW,
    createdBy: 'c',
    walkers,
    needsWalkers: walkers.length < 2,
    round: null,
    syncState: 'sent',
  };
}

function round(id: string, walkers: string[], hours: number | null): RoundView {
  return {
    id,
    teamId: 'team-a',
    slotId: null,
    buurtIds: ['oranjebuurt'],
    startedAt: NOW,
    endedAt: hours === null ? null : NOW + hours * HOUR,
    walkers,
    mode: 'onFoot',
    startPoint: null,
    trackOptIn: false,
    track: null,
    shareTrackWithPolice: false,
    checkedInWithPolice: false,
    outcome: 'nothingToReport',
    summary: '',
    closedBy: hours === null ? 'app' : 'walkers',
    createdAt: NOW,
    createdBy: 'a',
    deleted: false,
    syncState: 'sent',
  };
}

function safety(id: string, type: 'openWindowOrDoor' | 'keyInDoor'): ObservationView {
  return {
    id,
    kind: 'safety',
    roundId: 'r',
    teamId: 'team-a',
    buurtId: 'oranjebuurt',
    observedAt: NOW,
    location: null,
    address: null,
    note: '',
    action: 'none',
    meldingNumber: null,
    createdAt: NOW,
    createdBy: 'a',
    deleted: false,
    type,
    reaction: null,
    syncState: 'sent',
  };
}

describe('the roster’s arithmetic', () => {
  it('ends a slot past midnight on the next day’s clock', () => {
    expect(endTime('20:00', 90)).toBe('21:30');
    expect(endTime('23:30', 90)).toBe('01:00');
  });

  it('offers a member the start of a slot’s round in its window, and a slot with a round only that round', () => {
    const near = { ...slot('s', '2026-12-08', []), start: '20:00' };
    const at = (time: string) => rosterMoment('2026-12-08', time);
    expect(slotRoundAction(near, at('19:29'), ['team-a'])).toBeNull();
    expect(slotRoundAction(near, at('19:30'), ['team-a'])).toEqual({ kind: 'start' });
    expect(slotRoundAction(near, at('19:30'), ['team-b'])).toBeNull();
    expect(slotRoundAction(near, at('21:30'), ['team-a'])).toBeNull();
    expect(slotRoundAction({ ...near, round: { id: 'r', running: true } }, at('20:10'), ['team-a'])).toEqual({ kind: 'running', roundId: 'r' });
    expect(slotRoundAction({ ...near, round: { id: 'r', running: false } }, at('23:00'), [])).toEqual({ kind: 'walked', roundId: 'r' });
  });

  it('groups slots by ISO week, Monday first', () => {
    const { monday, week } = isoWeek(today);
    expect(new Date(`${monday}T12:00:00Z`).getUTCDay()).toBe(1);
    expect(week).toBeGreaterThanOrEqual(1);
    expect(week).toBeLessThanOrEqual(53);
    const weeks = slotsByWeek([slot('a', monday, []), slot('b', addDays(monday, 6), []), slot('c', addDays(monday, 7), [])]);
    expect(weeks.map((w) => w.slots.map((s) => s.id))).toEqual([['a', 'b'], ['c']]);
  });

  it('gives a month its local range and its first and last date', () => {
    const range = monthRange('2024-02');
    expect([range.first, range.last]).toEqual(['2024-02-01', '2024-02-29']);
    expect(range.until - range.from).toBeGreaterThan(28 * 24 * HOUR - 2 * HOUR);
  });

  it('counts effort per team and buurt: rounds, hours walked, pairs, roster coverage, observations by type', () => {
    const rows = effortRows({
      rounds: [round('r1', ['a', 'b'], 1.5), round('r2', ['a'], 1), round('r3', ['a', 'b'], null)],
      slots: [slot('s1', today, ['a', 'b']), slot('s2', today, ['a']), slot('s3', today, ['a', 'b'], ['oranjebuurt', 'schildersbuurt'])],
      observations: [safety('o1', 'keyInDoor'), safety('o2', 'keyInDoor'), safety('o3', 'openWindowOrDoor')],
    });
    expect(rows).toHaveLength(2);
    const [oranje, schilders] = rows;
    expect(oranje).toMatchObject({ buurtId: 'oranjebuurt', rounds: 3, hours: 2.5, paired: 2, slots: 3, covered: 2, safety: 3, publicSpace: 0 });
    expect(schilders).toMatchObject({ buurtId: 'schildersbuurt', rounds: 0, slots: 1, covered: 1 });
    expect(typeTotals(rows)).toEqual([
      ['keyInDoor', 2],
      ['openWindowOrDoor', 1],
    ]);
    expect(percent(2, 3)).toBe(67);
    expect(percent(0, 0)).toBeNull();
  });

  it('writes the effort as CSV for Dutch Excel: BOM, semicolons, decimal comma, formulas neutralised', () => {
    const rows = effortRows({ rounds: [round('r1', ['a', 'b'], 1.25)], slots: [], observations: [] });
    const csv = effortCsv(
      rows,
      (key) => key,
      () => '=HYPERLINK("x")',
      (id) => id,
    );
    const [header, line] = csv.slice(1).split('\r\n');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(header?.split(';')).toHaveLength(10);
    expect(line).toBe(`"'=HYPERLINK(""x"")";oranjebuurt;1;1,25;100;0;0;;0;0`);
  });

  it('reads and writes its routes', () => {
    const routes: RosterRoute[] = [
      { name: 'roster' },
      { name: 'pattern' },
      { name: 'police' },
      { name: 'effort' },
      { name: 'month', month: '2026-11' },
      { name: 'round', id: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' },
    ];
    for (const route of routes) expect(parseRosterRoute(rosterHref(route).slice(1))).toEqual(route);
    expect(parseRosterRoute('/inzet/maand/2026-13')).toBeNull();
    expect(parseRosterRoute('/rooster/onbekend')).toBeNull();
  });
});
