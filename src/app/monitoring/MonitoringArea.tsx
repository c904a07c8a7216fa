/**
 * The monitoring screens behind the app router's one `monitoring` route:
 * this module loads with the first of them (its own chunk; the first
 * download does not carry it) and reads the path with the feature's router.
 * The printable report is a chunk of its own again: the dashboard does not
 * carry it, nor does the export screen (its builders and words: app/exports).
 */
import { lazyScreen } from '../ui/lazy.tsx';
import { NotFound } from '../ui/NotFound.tsx';
import { MonitoringScreen } from './MonitoringScreen.tsx';
import { monitoringHref, parseMonitoringRoute } from './routes.ts';
import { TargetsScreen } from './TargetsScreen.tsx';

const ReportScreen = lazyScreen(() => import('./MonitoringReport.tsx').then((m) => m.MonitoringReport));
const ExportScreen = lazyScreen(() => import('../exports/ExportScreen.tsx').then((m) => m.ExportScreen));

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
    case 'exports':
      return <ExportScreen backHref={monitoringHref({ name: 'dashboard' })} />;
  }
}
