/**
 * The monitoring screens behind the app router's one `monitoring` route:
 * this module loads with the first of them (its own chunk; the first
 * download does not carry it) and reads the path with the feature's router.
 * The printable report is a chunk of its own again: the dashboard does not
 * carry it.
 */
import { lazyScreen } from '../ui/lazy.tsx';
import { NotFound } from '../ui/NotFound.tsx';
import { MonitoringScreen } from './MonitoringScreen.tsx';
import { parseMonitoringRoute } from './routes.ts';
import { TargetsScreen } from './TargetsScreen.tsx';

const ReportScreen = lazyScreen(() => import('./MonitoringReport.tsx').then((m) => m.MonitoringReport));

export function MonitoringArea({ path, query = '' }: { path: string; query?: string }) {
  const route = parseMonitoringRoute(path, query);
  if (route === null) return <NotFound />;
  switch (route.name) {
    case 'dashboard':
      return <MonitoringScreen />;
    case 'targets':
      return <TargetsScreen />;
    case 'report':
      return <ReportScreen query={route.query} />;
  }
}
