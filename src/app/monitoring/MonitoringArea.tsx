/**
 * The monitoring screens behind the app router's one `monitoring` route:
 * this module loads with the first of them (its own chunk; the first
 * download does not carry it) and reads the path with the feature's router.
 */
import { NotFound } from '../ui/NotFound.tsx';
import { MonitoringScreen } from './MonitoringScreen.tsx';
import { parseMonitoringRoute } from './routes.ts';
import { TargetsScreen } from './TargetsScreen.tsx';

export function MonitoringArea({ path }: { path: string }) {
  const route = parseMonitoringRoute(path);
  if (route === null) return <NotFound />;
  return route.name === 'dashboard' ? <MonitoringScreen /> : <TargetsScreen />;
}
