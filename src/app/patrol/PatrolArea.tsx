/**
 * The buurtpreventie screens behind the app router's one `patrol` route:
 * this module loads with the first of them and reads the rest of the path
 * with the patrol's own router (routes.ts). The whole area takes the night
 * theme after sunset (use-night.ts): `data-theme="night"` on its root.
 */
import '../ui/ui.css';
import './patrol.css';
import { useEffect } from 'preact/hooks';
import { useApp } from '../context.ts';
import { NotFound } from '../ui/NotFound.tsx';
import { ObservationScreen } from './ObservationScreen.tsx';
import { PatrolHome } from './PatrolHome.tsx';
import { PatrolRoundScreen } from './PatrolRoundScreen.tsx';
import { parsePatrolRoute } from './routes.ts';
import { useNight } from './use-night.ts';

export function PatrolArea({ path }: { path: string }) {
  const { store } = useApp();
  const isNight = useNight();
  useEffect(() => store.patrol.preload(), [store]);
  const route = parsePatrolRoute(path);
  return (
    <div class="patrol" data-theme={isNight ? 'night' : 'day'}>
      {route === null ? (
        <NotFound />
      ) : route.name === 'home' ? (
        <PatrolHome />
      ) : route.name === 'start' ? (
        <PatrolHome key={route.slotId} slotId={route.slotId} />
      ) : route.name === 'round' ? (
        <PatrolRoundScreen key={route.id} id={route.id} />
      ) : (
        <ObservationScreen key={route.id} roundId={route.roundId} id={route.id} />
      )}
    </div>
  );
}
