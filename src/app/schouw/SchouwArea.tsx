/**
 * The schouw screens behind the app router's one `schouw` route: this module
 * loads with the first of them, reads the rest of the path with the schouw's
 * own router (routes.ts) and shows the screen. The report and the
 * follow-up views load on their first use; while any schouw screen is open,
 * findings placed offline get their address looked up once there is a network.
 */
import { usePlaceLookup } from '../place/use-place-lookup.ts';
import { lazyScreen } from '../ui/lazy.tsx';
import { NotFound } from '../ui/NotFound.tsx';
import { FindingCapture } from './FindingCapture.tsx';
import { FindingDetail } from './FindingDetail.tsx';
import { RoundScreen } from './RoundScreen.tsx';
import { parseSchouwRoute } from './routes.ts';

const ReportScreen = lazyScreen(() => import('../report/ReportScreen.tsx').then((m) => m.ReportScreen));
const FeedbackScreen = lazyScreen(() => import('../report/FeedbackScreen.tsx').then((m) => m.FeedbackScreen));
const OpenFindings = lazyScreen(() => import('../report/OpenFindings.tsx').then((m) => m.OpenFindings));

export function SchouwArea({ path }: { path: string }) {
  usePlaceLookup();
  const route = parseSchouwRoute(path);
  if (route === null) return <NotFound />;
  switch (route.name) {
    case 'round':
      return <RoundScreen key={route.activityId} activityId={route.activityId} />;
    case 'new-finding':
      return <FindingCapture key={`new-${route.activityId}`} activityId={route.activityId} findingId={null} />;
    case 'edit-finding':
      return <FindingCapture key={`edit-${route.id}`} activityId={null} findingId={route.id} />;
    case 'finding':
      return <FindingDetail key={route.id} id={route.id} />;
    case 'round-open':
      return <OpenFindings key={`round-${route.activityId}`} activityId={route.activityId} buurtId={null} />;
    case 'buurt-open':
      return <OpenFindings key={`buurt-${route.buurtId ?? ''}`} activityId={null} buurtId={route.buurtId} />;
    case 'feedback':
      return <FeedbackScreen key={route.activityId} activityId={route.activityId} />;
    case 'report':
      return <ReportScreen key={route.activityId} activityId={route.activityId} />;
  }
}
