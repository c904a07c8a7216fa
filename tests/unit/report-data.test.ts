import { describe, expect, it } from 'vitest';
import {
  actionList,
  ageOf,
  feedbackGroupOf,
  feedbackGroups,
  findingNumbers,
  groupByElementAndAspect,
  latestNote,
  openCount,
  openFindings,
  placeOf,
  placeText,
  statusCounts,
} from '../../src/app/report/report-data.ts';
import { ROUND_TIME, findingView } from '../fixtures/findings.ts';

const DAY = 24 * 60 * 60 * 1000;
const ids = (list: ReadonlyArray<{ id: string }>) => list.map((f) => f.id);

describe('grouping a round’s findings for the report', () => {
  it('groups by element, then aspect, in the order of the capture form, keeping the round’s order inside a group', () => {
    const tree1 = findingView({ element: 'tree', aspect: 'damage' });
    const paving = findingView({ element: 'pavement', aspect: 'weedsPaving' });
    const tree2 = findingView({ element: 'tree', aspect: 'litterFine' });
    const tree3 = findingView({ element: 'tree', aspect: 'damage' });
    const groups = groupByElementAndAspect([tree1, paving, tree2, tree3]);
    expect(groups.map((g) => g.element)).toEqual(['pavement', 'tree']);
    const tree = groups[1];
    expect(tree?.count).toBe(3);
    expect(tree?.aspects.map((a) => a.aspect)).toEqual(['litterFine', 'damage']);
    expect(ids(tree?.aspects[1]?.findings ?? [])).toEqual([tree1.id, tree3.id]);
  });

  it('numbers findings by their point number, or else by their place in the round', () => {
    const a = findingView();
    const b = findingView({ pointNo: 7 });
    const c = findingView();
    expect([...findingNumbers([a, b, c]).values()]).toEqual([1, 7, 3]);
  });
});

describe('the action list', () => {
  it('holds the findings with an action other than none, in the round’s order', () => {
    const fixi = findingView({ action: 'reportFixi' });
    const none = findingView({ action: 'none' });
    const unset = findingView({ action: null });
    const corp = findingView({ action: 'referHousingCorporation' });
    expect(ids(actionList([fixi, none, unset, corp]))).toEqual([fixi.id, corp.id]);
  });
});

describe('counting per status', () => {
  it('counts every status, zero included', () => {
    const counts = statusCounts([findingView({ status: 'new' }), findingView({ status: 'new' }), findingView({ status: 'resolved' })]);
    expect(counts).toEqual({ new: 2, reported: 0, inProgress: 0, resolved: 1, wontFix: 0 });
  });
});

describe('terugkoppeling for residents', () => {
  it('sorts statuses into opgelost, mee bezig, nog open and wordt niet opgepakt', () => {
    expect(feedbackGroupOf('resolved')).toBe('resolved');
    expect(feedbackGroupOf('reported')).toBe('busy');
    expect(feedbackGroupOf('inProgress')).toBe('busy');
    expect(feedbackGroupOf('new')).toBe('open');
    expect(feedbackGroupOf('wontFix')).toBe('wontFix');
  });

  it('lists the groups in reading order, empty ones too', () => {
    const groups = feedbackGroups([findingView({ status: 'wontFix' }), findingView({ status: 'resolved' })]);
    expect(groups.map((g) => [g.group, g.findings.length])).toEqual([
      ['resolved', 1],
      ['busy', 0],
      ['open', 0],
      ['wontFix', 1],
    ]);
  });

  it('takes the latest note that says something, or the reason given with a status', () => {
    const history = [
      { to: 'reported' as const, note: 'Gemeld in FIXI' },
      { to: 'wontFix' as const, note: 'Particulier terrein' },
      { to: 'wontFix' as const, note: '  ' },
    ];
    expect(latestNote(history)).toBe('Particulier terrein');
    expect(latestNote(history, 'reported')).toBe('Gemeld in FIXI');
    expect(latestNote([], 'wontFix')).toBeNull();
  });
});

describe('the wijkbeheerder’s open findings', () => {
  const old = findingView({ status: 'reported', createdAt: ROUND_TIME - 30 * DAY, responsiblePartnerId: 'gemeente' });
  const recent = findingView({ status: 'new', createdAt: ROUND_TIME, responsiblePartnerId: null });
  const middle = findingView({ status: 'inProgress', createdAt: ROUND_TIME - 7 * DAY, responsiblePartnerId: 'woonkracht10' });
  const done = findingView({ status: 'resolved', createdAt: ROUND_TIME - 60 * DAY });
  const dropped = findingView({ status: 'wontFix', createdAt: ROUND_TIME - 90 * DAY });
  const all = [recent, done, middle, old, dropped];

  it('shows only open findings, the longest waiting first', () => {
    expect(ids(openFindings(all))).toEqual([old.id, middle.id, recent.id]);
  });

  it('filters by responsible partner, or by nobody yet', () => {
    expect(ids(openFindings(all, { partner: { kind: 'partner', partnerId: 'woonkracht10' }, status: null }))).toEqual([middle.id]);
    expect(ids(openFindings(all, { partner: { kind: 'none' }, status: null }))).toEqual([recent.id]);
  });

  it('filters by status', () => {
    expect(ids(openFindings(all, { partner: { kind: 'any' }, status: 'reported' }))).toEqual([old.id]);
  });

  it('counts the open findings among counts per status', () => {
    expect(openCount(statusCounts([...all, findingView({ status: 'resolved' })]))).toBe(3);
    expect(openCount({ new: 0, reported: 0, inProgress: 0, resolved: 4, wontFix: 1 })).toBe(0);
  });

  it('says how long a finding has been open in days, then weeks, then months', () => {
    expect(ageOf(ROUND_TIME, ROUND_TIME + 3_600_000)).toEqual({ unit: 'today', count: 0 });
    expect(ageOf(ROUND_TIME, ROUND_TIME + 2 * DAY)).toEqual({ unit: 'day', count: 2 });
    expect(ageOf(ROUND_TIME, ROUND_TIME + 21 * DAY)).toEqual({ unit: 'week', count: 3 });
    expect(ageOf(ROUND_TIME, ROUND_TIME + 95 * DAY)).toEqual({ unit: 'month', count: 3 });
    expect(ageOf(ROUND_TIME + DAY, ROUND_TIME)).toEqual({ unit: 'today', count: 0 });
  });
});

describe('where a finding is', () => {
  const point = (lat: number, lon: number) => `${lat} / ${lon}`;

  it('prefers the address, and leaves out what is empty', () => {
    const address = { street: 'Oranjelaan', number: '12a', postcode: '2951 AB', place: 'Alblasserdam' };
    expect(placeText(placeOf(findingView({ address })), point)).toBe('Oranjelaan 12a, Alblasserdam');
    expect(placeText(placeOf(findingView({ address: { ...address, number: '', place: '' } })), point)).toBe('Oranjelaan');
  });

  it('falls back to the point, and to nothing', () => {
    expect(placeText(placeOf(findingView({ location: { lat: 51.86, lon: 4.66, source: 'gps' } })), point)).toBe('51.86 / 4.66');
    expect(placeText(placeOf(findingView()), point)).toBeNull();
  });
});
