import { describe, expect, it } from 'vitest';
import { selectActivities } from '../../src/app/activities/list-logic.ts';
import { localDate } from '../../src/app/format.ts';

const a = (id: string, date: string, start: string, buurtId = 'oranjebuurt', deleted = false) => ({ id, date, start, buurtId, deleted });
const ACTIVITIES = [
  a('yesterday', '2026-11-21', '19:00'),
  a('today-late', '2026-11-22', '20:00'),
  a('today-early', '2026-11-22', '09:30', 'schildersbuurt'),
  a('next-week', '2026-11-29', '10:00'),
  a('last-month', '2026-10-02', '14:00', 'schildersbuurt'),
  a('gone', '2026-11-25', '10:00', 'oranjebuurt', true),
];
const ids = (list: ReadonlyArray<{ id: string }>) => list.map((x) => x.id);

describe('the activity list', () => {
  it('shows upcoming activities (today included) soonest first', () => {
    expect(ids(selectActivities(ACTIVITIES, { today: '2026-11-22', when: 'upcoming', buurt: null }))).toEqual(['today-early', 'today-late', 'next-week']);
  });

  it('shows past activities most recent first', () => {
    expect(ids(selectActivities(ACTIVITIES, { today: '2026-11-22', when: 'past', buurt: null }))).toEqual(['yesterday', 'last-month']);
  });

  it('filters by buurt', () => {
    expect(ids(selectActivities(ACTIVITIES, { today: '2026-11-22', when: 'upcoming', buurt: 'schildersbuurt' }))).toEqual(['today-early']);
    expect(ids(selectActivities(ACTIVITIES, { today: '2026-11-22', when: 'past', buurt: 'schildersbuurt' }))).toEqual(['last-month']);
  });

  it('never shows a deleted activity', () => {
    expect(ids(selectActivities(ACTIVITIES, { today: '2026-01-01', when: 'upcoming', buurt: null }))).not.toContain('gone');
  });

  it('takes today as the local calendar date', () => {
    expect(localDate(new Date(2026, 10, 22, 23, 59).getTime())).toBe('2026-11-22');
    expect(localDate(new Date(2026, 0, 5, 0, 1).getTime())).toBe('2026-01-05');
  });
});
