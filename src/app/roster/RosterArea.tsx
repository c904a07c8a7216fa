/**
 * The roster, wijkagent and effort screens behind the app router's one
 * `roster` route: this module loads with the first of them and reads the
 * rest of the path with the feature's own router (routes.ts). The reports
 * load on first use.
 */
import { lazyScreen } from '../ui/lazy.tsx';
import { NotFound } from '../ui/NotFound.tsx';
import { PatternForm } from './PatternForm.tsx';
import { PoliceScreen } from './PoliceScreen.tsx';
import { RosterScreen } from './RosterScreen.tsx';
import { parseRosterRoute } from './routes.ts';

const EffortScreen = lazyScreen(() => import('./EffortScreen.tsx').then((m) => m.EffortScreen));
const RoundReport = lazyScreen(() => import('./RoundReport.tsx').then((m) => m.RoundReport));
const MonthReport = lazyScreen(() => import('./MonthReport.tsx').then((m) => m.MonthReport));

export function RosterArea({ path }: { path: string }) {
  const route = parseRosterRoute(path);
  if (route === null) return <NotFound />;
  switch (route.name) {
    case 'roster':
      return <RosterScreen />;
    case 'pattern':
      return <PatternForm />;
    case 'police':
      return <PoliceScreen />;
    case 'effort':
      return <EffortScreen />;
    case 'month':
      return <MonthReport key={route.month} month={route.month} />;
    case 'round':
      return <RoundReport key={route.id} id={route.id} />;
  }
}
