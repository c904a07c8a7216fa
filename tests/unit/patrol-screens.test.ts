import { describe, expect, it } from 'vitest';
import { formatElapsed } from '../../src/app/patrol/format.ts';
import { parsePatrolRoute, patrolHref } from '../../src/app/patrol/routes.ts';
import { patrolTeamsOf } from '../../src/app/patrol/teams.ts';
import { parseRoute, sectionOf } from '../../src/app/router.ts';

const ROUND = '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const OBSERVATION = '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c';

describe('the patrol routes', () => {
  it('parse and print each other', () => {
    for (const route of [
      { name: 'home' },
      { name: 'start', slotId: ROUND },
      { name: 'round', id: ROUND },
      { name: 'observation', roundId: ROUND, id: OBSERVATION },
    ] as const) {
      expect(parsePatrolRoute(patrolHref(route).slice(1))).toEqual(route);
    }
    expect(patrolHref({ name: 'start', slotId: ROUND })).toBe(`#/ronde/dienst/${ROUND}`);
    expect(parsePatrolRoute('/ronde/x/y')).toBeNull();
  });

  it('sit behind the app router’s one patrol route, in the Ronde section', () => {
    const route = parseRoute(`#/ronde/${ROUND}`);
    expect(route).toEqual({ name: 'patrol', path: `/ronde/${ROUND}` });
    expect(sectionOf(route)).toBe('patrol');
    expect(parseRoute('#/rondes')).toEqual({ name: 'not-found' });
  });
});

describe('the round timer', () => {
  it('shows hours, minutes and seconds from the elapsed time, never negative', () => {
    expect(formatElapsed(0)).toBe('0:00:00');
    expect(formatElapsed(((1 * 60 + 5) * 60 + 9) * 1000 + 999)).toBe('1:05:09');
    expect(formatElapsed(-5_000)).toBe('0:00:00');
  });
});

describe('who walks rounds', () => {
  const teams = [
    { id: 'bp', name: 'BP', kind: 'buurtpreventie' as const, buurtIds: ['a'], memberIds: ['u1'] },
    { id: 'schouw', name: 'S', kind: 'schouw' as const, buurtIds: ['a'], memberIds: ['u1'] },
    { id: 'bp-hidden', name: 'H', kind: 'buurtpreventie' as const, buurtIds: ['a'], memberIds: ['u1'], hidden: true },
  ];
  it('are the members of a buurtpreventie team', () => {
    expect(patrolTeamsOf({ teamIds: ['bp', 'schouw', 'bp-hidden'] }, teams).map((team) => team.id)).toEqual(['bp']);
    expect(patrolTeamsOf({ teamIds: ['schouw'] }, teams)).toEqual([]);
  });
});
