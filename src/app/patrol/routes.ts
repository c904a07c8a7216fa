/**
 * The patrol's own routes, behind the one `patrol` route of the app's
 * router (router.ts). Pure. Dutch paths, because people see and share them.
 */
export type PatrolRoute =
  /** The running round of this volunteer, or the form to start one, and earlier rounds. */
  | { name: 'home' }
  /** The start form, filled in from a roster slot (its team, area and walkers). */
  | { name: 'start'; slotId: string }
  /** One round: timer, observation buttons, its observations, the end. */
  | { name: 'round'; id: string }
  /** One observation: note, action, photo, the police's reaction. */
  | { name: 'observation'; roundId: string; id: string };

const ID = '([A-Za-z0-9-]{1,64})';

/**
 * @example
 * parsePatrolRoute('/ronde/0193…') // { name: 'round', id: '0193…' }
 */
export function parsePatrolRoute(path: string): PatrolRoute | null {
  if (path === '/ronde') return { name: 'home' };
  const fromSlot = new RegExp(`^/ronde/dienst/${ID}$`).exec(path);
  if (fromSlot?.[1]) return { name: 'start', slotId: fromSlot[1] };
  const observation = new RegExp(`^/ronde/${ID}/waarneming/${ID}$`).exec(path);
  if (observation?.[1] && observation[2]) return { name: 'observation', roundId: observation[1], id: observation[2] };
  const round = new RegExp(`^/ronde/${ID}$`).exec(path);
  return round?.[1] ? { name: 'round', id: round[1] } : null;
}

export function patrolHref(route: PatrolRoute): string {
  switch (route.name) {
    case 'home':
      return '#/ronde';
    case 'start':
      return `#/ronde/dienst/${route.slotId}`;
    case 'round':
      return `#/ronde/${route.id}`;
    case 'observation':
      return `#/ronde/${route.roundId}/waarneming/${route.id}`;
  }
}
