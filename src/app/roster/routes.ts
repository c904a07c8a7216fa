/**
 * The roster feature's own routes, behind the one `roster` route of the
 * app's router (router.ts). Pure. Dutch paths, because people see and share
 * them.
 */
export type RosterRoute =
  /** The team's slots by week: sign up, sign off, swap. */
  | { name: 'roster' }
  /** The coordinator repeats a weekly pattern. */
  | { name: 'pattern' }
  /** The wijkagent's safety observations per week, with their reaction. */
  | { name: 'police' }
  /** Effort per team and buurt, the team's rounds and the exports. */
  | { name: 'effort' }
  /** The printable monthly team report (YYYY-MM). */
  | { name: 'month'; month: string }
  /** The printable report of one round. */
  | { name: 'round'; id: string };

/**
 * @example
 * parseRosterRoute('/inzet/maand/2026-11') // { name: 'month', month: '2026-11' }
 */
export function parseRosterRoute(path: string): RosterRoute | null {
  if (path === '/rooster') return { name: 'roster' };
  if (path === '/rooster/patroon') return { name: 'pattern' };
  if (path === '/wijkagent') return { name: 'police' };
  if (path === '/inzet') return { name: 'effort' };
  const month = /^\/inzet\/maand\/(\d{4}-(0[1-9]|1[0-2]))$/.exec(path);
  if (month?.[1]) return { name: 'month', month: month[1] };
  const round = /^\/inzet\/ronde\/([A-Za-z0-9-]{1,64})$/.exec(path);
  if (round?.[1]) return { name: 'round', id: round[1] };
  return null;
}

/** The href of a roster route. */
export function rosterHref(route: RosterRoute): string {
  switch (route.name) {
    case 'roster':
      return '#/rooster';
    case 'pattern':
      return '#/rooster/patroon';
    case 'police':
      return '#/wijkagent';
    case 'effort':
      return '#/inzet';
    case 'month':
      return `#/inzet/maand/${route.month}`;
    case 'round':
      return `#/inzet/ronde/${route.id}`;
  }
}
