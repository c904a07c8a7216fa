import { describe, expect, it } from 'vitest';
import { hrefOf, parseRoute, sectionOf, type Route } from '../../src/app/router.ts';

const ID = '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

describe('the hash router', () => {
  it('reads the activity list from an empty or root hash', () => {
    expect(parseRoute('')).toEqual({ name: 'list', buurt: null, when: 'upcoming' });
    expect(parseRoute('#')).toEqual({ name: 'list', buurt: null, when: 'upcoming' });
    expect(parseRoute('#/')).toEqual({ name: 'list', buurt: null, when: 'upcoming' });
  });

  it('reads the list filters from the query', () => {
    expect(parseRoute('#/?buurt=oranjebuurt&wanneer=voorbij')).toEqual({ name: 'list', buurt: 'oranjebuurt', when: 'past' });
    expect(parseRoute('#/?wanneer=iets')).toEqual({ name: 'list', buurt: null, when: 'upcoming' });
  });

  it('reads every screen', () => {
    expect(parseRoute('#/activiteit/nieuw')).toEqual({ name: 'new' });
    expect(parseRoute(`#/activiteit/${ID}`)).toEqual({ name: 'detail', id: ID });
    expect(parseRoute(`#/activiteit/${ID}/bewerken`)).toEqual({ name: 'edit', id: ID });
    expect(parseRoute(`#/activiteit/${ID}/herhalen`)).toEqual({ name: 'repeat', id: ID });
    expect(parseRoute(`#/activiteit/${ID}/aanwezigheid`)).toEqual({ name: 'attendance', id: ID });
    expect(parseRoute('#/instellingen')).toEqual({ name: 'settings' });
  });

  it('hands the roster, wijkagent and effort paths to the roster feature, in its own nav section', () => {
    for (const path of ['/rooster', '/rooster/patroon', '/wijkagent', '/inzet', `/inzet/ronde/${ID}`]) {
      const route = parseRoute(`#${path}`);
      expect(route).toEqual({ name: 'roster', path });
      expect(hrefOf(route)).toBe(`#${path}`);
      expect(sectionOf(route)).toBe('roster');
    }
    expect(parseRoute('#/roosters')).toEqual({ name: 'not-found' });
  });

  it('forgives a trailing slash', () => {
    expect(parseRoute('#/instellingen/')).toEqual({ name: 'settings' });
    expect(parseRoute(`#/activiteit/${ID}/`)).toEqual({ name: 'detail', id: ID });
  });

  it('answers not-found for anything else', () => {
    expect(parseRoute('#/onbekend')).toEqual({ name: 'not-found' });
    expect(parseRoute('#main')).toEqual({ name: 'not-found' });
    expect(parseRoute(`#/activiteit/${ID}/iets`)).toEqual({ name: 'not-found' });
    expect(parseRoute('#/activiteit/<script>')).toEqual({ name: 'not-found' });
  });

  it('writes every route so that it reads back the same', () => {
    const routes: Route[] = [
      { name: 'list', buurt: null, when: 'upcoming' },
      { name: 'list', buurt: 'schildersbuurt', when: 'past' },
      { name: 'new' },
      { name: 'detail', id: ID },
      { name: 'edit', id: ID },
      { name: 'attendance', id: ID },
      { name: 'settings' },
    ];
    for (const route of routes) expect(parseRoute(hrefOf(route))).toEqual(route);
    expect(hrefOf({ name: 'list', buurt: null, when: 'upcoming' })).toBe('#/');
  });

  it('puts settings in its own section and everything else under activities', () => {
    expect(sectionOf({ name: 'settings' })).toBe('settings');
    expect(sectionOf({ name: 'attendance', id: ID })).toBe('activities');
  });

  it('reads sign-in, privacy, an invite link and the admin sections', () => {
    expect(parseRoute('#/aanmelden')).toEqual({ name: 'sign-in' });
    expect(parseRoute('#/privacy')).toEqual({ name: 'privacy' });
    expect(parseRoute('#/uitnodiging/3AdrJirKutBrYBVRo8GKOw')).toEqual({ name: 'invite', code: '3AdrJirKutBrYBVRo8GKOw' });
    expect(parseRoute('#/beheer')).toEqual({ name: 'admin', section: null });
    expect(parseRoute('#/beheer/teams')).toEqual({ name: 'admin', section: 'teams' });
  });

  it('refuses what is not an invite code or an admin section', () => {
    expect(parseRoute('#/uitnodiging/kort')).toEqual({ name: 'not-found' });
    expect(parseRoute('#/uitnodiging/<script>alert(1)</script>')).toEqual({ name: 'not-found' });
    expect(parseRoute('#/beheer/geheim')).toEqual({ name: 'not-found' });
  });

  it('writes the new routes so that they read back the same, each in its section', () => {
    const routes: Route[] = [
      { name: 'sign-in' },
      { name: 'privacy' },
      { name: 'invite', code: 'AbCdEfGhIjKlMnOpQrStUv' },
      { name: 'admin', section: null },
      { name: 'admin', section: 'auditlog' },
    ];
    for (const route of routes) expect(parseRoute(hrefOf(route))).toEqual(route);
    expect(sectionOf({ name: 'admin', section: 'gebruikers' })).toBe('admin');
    expect(sectionOf({ name: 'privacy' })).toBe('settings');
  });
});
