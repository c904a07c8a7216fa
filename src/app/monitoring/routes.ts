/**
 * The monitoring feature's own routes, behind the app router's one
 * `monitoring` route (router.ts). Pure. Dutch paths.
 */
export type MonitoringRoute = { name: 'dashboard' } | { name: 'targets' };

export function parseMonitoringRoute(path: string): MonitoringRoute | null {
  if (path === '/monitoring') return { name: 'dashboard' };
  if (path === '/monitoring/doelen') return { name: 'targets' };
  return null;
}

export function monitoringHref(route: MonitoringRoute): string {
  return route.name === 'dashboard' ? '#/monitoring' : '#/monitoring/doelen';
}
