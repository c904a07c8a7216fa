/**
 * A tiny hash router: the whole route table is `parseRoute` and `hrefOf`,
 * pure and tested (tests/unit/app-router.test.ts). Dutch paths, because
 * people see and share them.
 */
export type ListWhen = 'upcoming' | 'past';

/** The coordinator's admin sections, by their Dutch path. */
export const ADMIN_SECTIONS = ['buurten', 'partners', 'themas', 'soorten', 'projecten', 'teams', 'gebruikers', 'auditlog', 'privacy'] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number];

export type Route =
  | { name: 'list'; buurt: string | null; when: ListWhen }
  | { name: 'new' }
  | { name: 'detail'; id: string }
  | { name: 'edit'; id: string }
  /** A new activity like this one, on another date. */
  | { name: 'repeat'; id: string }
  | { name: 'attendance'; id: string }
  | { name: 'settings' }
  | { name: 'privacy' }
  | { name: 'sign-in' }
  | { name: 'invite'; code: string }
  | { name: 'admin'; section: AdminSection | null }
  /** A schouw screen; its own router (schouw/routes.ts) loads with it and reads `path`. */
  | { name: 'schouw'; path: string }
  /** A buurtpreventie screen; its own router (patrol/routes.ts) loads with it and reads `path`. */
  | { name: 'patrol'; path: string }
  /** A roster, wijkagent or effort screen; its own router (roster/routes.ts) loads with it. */
  | { name: 'roster'; path: string }
  /** The monitoring dashboard, its settings and its report; its own router (monitoring/routes.ts) loads with it and reads `path` and `query` (the report's filters). */
  | { name: 'monitoring'; path: string; query?: string }
  | { name: 'not-found' };

const ID = '([A-Za-z0-9-]{1,64})';
const PATTERNS: ReadonlyArray<readonly [RegExp, (id: string) => Route]> = [
  [new RegExp(`^/activiteit/${ID}$`), (id) => ({ name: 'detail', id })],
  [new RegExp(`^/activiteit/${ID}/bewerken$`), (id) => ({ name: 'edit', id })],
  [new RegExp(`^/activiteit/${ID}/herhalen$`), (id) => ({ name: 'repeat', id })],
  [new RegExp(`^/activiteit/${ID}/aanwezigheid$`), (id) => ({ name: 'attendance', id })],
  // Invite codes: 128 random bits, base64url (domain InviteCodeSchema).
  [/^\/uitnodiging\/([A-Za-z0-9_-]{20,64})$/, (code) => ({ name: 'invite', code })],
  [
    /^\/beheer\/([a-z]{1,20})$/,
    (section) => ((ADMIN_SECTIONS as readonly string[]).includes(section) ? { name: 'admin', section: section as AdminSection } : { name: 'not-found' }),
  ],
];

/**
 * @example
 * parseRoute('#/activiteit/0193…/aanwezigheid') // { name: 'attendance', id: '0193…' }
 * parseRoute('#/?buurt=oranjebuurt&wanneer=voorbij') // { name: 'list', buurt: 'oranjebuurt', when: 'past' }
 */
export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [pathPart = '', query = ''] = raw.split('?', 2);
  const path = pathPart === '' ? '/' : pathPart.replace(/(.)\/+$/, '$1');
  if (path === '/') {
    const params = new URLSearchParams(query);
    const buurt = params.get('buurt');
    return { name: 'list', buurt: buurt ? buurt : null, when: params.get('wanneer') === 'voorbij' ? 'past' : 'upcoming' };
  }
  if (path === '/activiteit/nieuw') return { name: 'new' };
  if (path === '/instellingen') return { name: 'settings' };
  if (path === '/privacy') return { name: 'privacy' };
  if (path === '/aanmelden') return { name: 'sign-in' };
  if (path === '/beheer') return { name: 'admin', section: null };
  if (/^\/(schouw|bevinding|bevindingen)(\/|$)/.test(path)) return { name: 'schouw', path };
  if (/^\/ronde(\/|$)/.test(path)) return { name: 'patrol', path };
  if (/^\/(rooster|wijkagent|inzet)(\/|$)/.test(path)) return { name: 'roster', path };
  if (/^\/monitoring(\/|$)/.test(path)) return query ? { name: 'monitoring', path, query } : { name: 'monitoring', path };
  for (const [pattern, make] of PATTERNS) {
    const match = pattern.exec(path);
    if (match?.[1]) return make(match[1]);
  }
  return { name: 'not-found' };
}

export function hrefOf(route: Route): string {
  switch (route.name) {
    case 'list': {
      const params = new URLSearchParams();
      if (route.buurt) params.set('buurt', route.buurt);
      if (route.when === 'past') params.set('wanneer', 'voorbij');
      const query = params.toString();
      return query ? `#/?${query}` : '#/';
    }
    case 'new':
      return '#/activiteit/nieuw';
    case 'detail':
      return `#/activiteit/${route.id}`;
    case 'edit':
      return `#/activiteit/${route.id}/bewerken`;
    case 'repeat':
      return `#/activiteit/${route.id}/herhalen`;
    case 'attendance':
      return `#/activiteit/${route.id}/aanwezigheid`;
    case 'settings':
      return '#/instellingen';
    case 'privacy':
      return '#/privacy';
    case 'sign-in':
      return '#/aanmelden';
    case 'invite':
      return `#/uitnodiging/${route.code}`;
    case 'admin':
      return route.section ? `#/beheer/${route.section}` : '#/beheer';
    case 'schouw':
    case 'patrol':
    case 'roster':
      return `#${route.path}`;
    case 'monitoring':
      return route.query ? `#${route.path}?${route.query}` : `#${route.path}`;
    case 'not-found':
      return '#/';
  }
}

export const LIST: Route = { name: 'list', buurt: null, when: 'upcoming' };

/** Which top-level section a route belongs to, for the navigation's aria-current. */
export type Section = 'activities' | 'findings' | 'patrol' | 'roster' | 'monitoring' | 'settings' | 'admin';

/**
 * The navigation item a screen belongs to. A finding (`/bevinding/…`) is
 * reached from a round (Activiteiten) or from the open findings
 * (Bevindingen): it keeps the section of the screen it was opened from.
 */
export function sectionOf(route: Route, previous?: Section): Section {
  if (route.name === 'admin') return 'admin';
  if (route.name === 'patrol') return 'patrol';
  if (route.name === 'roster') return 'roster';
  if (route.name === 'monitoring') return 'monitoring';
  if (route.name === 'schouw' && route.path.startsWith('/bevindingen')) return 'findings';
  if (route.name === 'schouw' && route.path.startsWith('/bevinding/')) return previous === 'findings' ? 'findings' : 'activities';
  return route.name === 'settings' || route.name === 'privacy' || route.name === 'sign-in' ? 'settings' : 'activities';
}
