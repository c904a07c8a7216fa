/**
 * The schouw's own routes, behind the one `schouw` route of the app's router
 * (router.ts), so the first download carries one pattern for all of them.
 * Pure and tested (tests/unit/schouw-routes.test.ts). Dutch paths, because
 * people see and share them.
 */
export type SchouwRoute =
  /** The round: settings, participants, its findings. */
  | { name: 'round'; activityId: string }
  /** Add a finding to the round. */
  | { name: 'new-finding'; activityId: string }
  /** The round's open findings, for the wijkbeheerder. */
  | { name: 'round-open'; activityId: string }
  /** Terugkoppeling: what came of each finding, for the residents who took part. */
  | { name: 'feedback'; activityId: string }
  /** The printable schouw report, with the exports. */
  | { name: 'report'; activityId: string }
  /** One finding and its follow-up. */
  | { name: 'finding'; id: string }
  | { name: 'edit-finding'; id: string }
  /** Open findings per buurt: the buurt to pick (null) or one buurt's. */
  | { name: 'buurt-open'; buurtId: string | null };

const ID = '([A-Za-z0-9-]{1,64})';
const PATTERNS: ReadonlyArray<readonly [RegExp, (id: string) => SchouwRoute]> = [
  [new RegExp(`^/schouw/${ID}$`), (activityId) => ({ name: 'round', activityId })],
  [new RegExp(`^/schouw/${ID}/nieuw$`), (activityId) => ({ name: 'new-finding', activityId })],
  [new RegExp(`^/schouw/${ID}/open$`), (activityId) => ({ name: 'round-open', activityId })],
  [new RegExp(`^/schouw/${ID}/terugkoppeling$`), (activityId) => ({ name: 'feedback', activityId })],
  [new RegExp(`^/schouw/${ID}/rapport$`), (activityId) => ({ name: 'report', activityId })],
  [new RegExp(`^/bevinding/${ID}$`), (id) => ({ name: 'finding', id })],
  [new RegExp(`^/bevinding/${ID}/bewerken$`), (id) => ({ name: 'edit-finding', id })],
  [new RegExp(`^/bevindingen/${ID}$`), (buurtId) => ({ name: 'buurt-open', buurtId })],
];

/**
 * @example
 * parseSchouwRoute('/schouw/0193…/nieuw') // { name: 'new-finding', activityId: '0193…' }
 * parseSchouwRoute('/bevindingen') // { name: 'buurt-open', buurtId: null }
 */
export function parseSchouwRoute(path: string): SchouwRoute | null {
  if (path === '/bevindingen') return { name: 'buurt-open', buurtId: null };
  for (const [pattern, make] of PATTERNS) {
    const match = pattern.exec(path);
    if (match?.[1]) return make(match[1]);
  }
  return null;
}

/** The path of a schouw route, for the app router's `{ name: 'schouw', path }`. */
export function schouwPath(route: SchouwRoute): string {
  switch (route.name) {
    case 'round':
      return `/schouw/${route.activityId}`;
    case 'new-finding':
      return `/schouw/${route.activityId}/nieuw`;
    case 'round-open':
      return `/schouw/${route.activityId}/open`;
    case 'feedback':
      return `/schouw/${route.activityId}/terugkoppeling`;
    case 'report':
      return `/schouw/${route.activityId}/rapport`;
    case 'finding':
      return `/bevinding/${route.id}`;
    case 'edit-finding':
      return `/bevinding/${route.id}/bewerken`;
    case 'buurt-open':
      return route.buurtId === null ? '/bevindingen' : `/bevindingen/${route.buurtId}`;
  }
}

/** The href of a schouw route: `<a href={schouwHref({ name: 'round', activityId })}>`. */
export function schouwHref(route: SchouwRoute): string {
  return `#${schouwPath(route)}`;
}
