import { describe, expect, it } from 'vitest';
import { hrefOf, parseRoute, sectionOf } from '../../src/app/router.ts';
import { parseSchouwRoute, schouwHref, schouwPath, type SchouwRoute } from '../../src/app/schouw/routes.ts';

const ID = '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const ROUTES: SchouwRoute[] = [
  { name: 'round', activityId: ID },
  { name: 'new-finding', activityId: ID },
  { name: 'round-open', activityId: ID },
  { name: 'feedback', activityId: ID },
  { name: 'report', activityId: ID },
  { name: 'finding', id: ID },
  { name: 'edit-finding', id: ID },
  { name: 'buurt-open', buurtId: 'oranjebuurt' },
  { name: 'buurt-open', buurtId: null },
];

describe('the schouw routes', () => {
  it.each(ROUTES)('hands $name from the app router to the schouw router and back', (route) => {
    const appRoute = parseRoute(schouwHref(route));
    expect(appRoute).toEqual({ name: 'schouw', path: schouwPath(route) });
    expect(parseSchouwRoute(schouwPath(route))).toEqual(route);
    expect(hrefOf(appRoute)).toBe(schouwHref(route));
  });

  it('forgives a trailing slash', () => {
    expect(parseRoute(`#/bevinding/${ID}/`)).toEqual({ name: 'schouw', path: `/bevinding/${ID}` });
  });

  it('knows nothing else under its paths, and leaves look-alikes to not-found', () => {
    expect(parseSchouwRoute(`/schouw/${ID}/iets`)).toBeNull();
    expect(parseSchouwRoute('/bevinding/<script>')).toBeNull();
    expect(parseRoute('#/bevindinge')).toEqual({ name: 'not-found' });
    expect(parseRoute('#/schouwen')).toEqual({ name: 'not-found' });
  });

  it('puts the open findings under "Bevindingen" in the navigation, the rest under activities', () => {
    expect(sectionOf(parseRoute('#/bevindingen/oranjebuurt'))).toBe('findings');
    expect(sectionOf(parseRoute(`#/bevinding/${ID}`))).toBe('activities');
    expect(sectionOf(parseRoute(`#/schouw/${ID}`))).toBe('activities');
  });

  it('keeps a finding opened from the open findings under "Bevindingen", and one opened from a round under activities', () => {
    expect(sectionOf(parseRoute(`#/bevinding/${ID}`), 'findings')).toBe('findings');
    expect(sectionOf(parseRoute(`#/bevinding/${ID}/bewerken`), 'findings')).toBe('findings');
    expect(sectionOf(parseRoute(`#/bevinding/${ID}`), 'activities')).toBe('activities');
    expect(sectionOf(parseRoute(`#/bevinding/${ID}`), 'settings')).toBe('activities');
    expect(sectionOf(parseRoute(`#/schouw/${ID}`), 'findings')).toBe('activities');
  });
});
