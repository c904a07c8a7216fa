/**
 * The monitoring feature's own routes, behind the app router's one
 * `monitoring` route (router.ts). Pure. Dutch paths. The report carries its
 * filters in the query, as the dashboard asks them of the API (logic.ts
 * `queryOf`): `#/monitoring/rapport?period=quarter&from=2026-05-05&buurtId=oranjebuurt`.
 */
export type MonitoringRoute = { name: 'dashboard' } | { name: 'targets' } | { name: 'report'; query: string } | { name: 'exports' };

export function parseMonitoringRoute(path: string, query = ''): MonitoringRoute | null {
  if (path === '/monitoring') return { name: 'dashboard' };
  if (path === '/monitoring/doelen') return { name: 'targets' };
  if (path === '/monitoring/rapport') return { name: 'report', query };
  if (path === '/monitoring/exporteren') return { name: 'exports' };
  return null;
}

export function monitoringHref(route: MonitoringRoute): string {
  switch (route.name) {
    case 'dashboard':
      return '#/monitoring';
    case 'targets':
      return '#/monitoring/doelen';
    case 'report':
      return route.query ? `#/monitoring/rapport?${route.query}` : '#/monitoring/rapport';
    case 'exports':
      return '#/monitoring/exporteren';
  }
}
