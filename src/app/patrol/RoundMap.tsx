/**
 * The round's map: its route (when recorded) as a line from start to end,
 * and its observations that have a place, numbered as in the list. Drawn
 * only when there is something to draw. Used on the round screen, in the
 * printable round report, and on the wijkagent's screen for a route the
 * team shared (`heading`: one map per round there, each with its own title).
 */
import { decodeTrack } from '../../domain/patrol-track.ts';
import { useOnline } from '../hooks.ts';
import { useT } from '../i18n/use-t.ts';
import { MapView, type MapPoint } from '../place/MapView.tsx';
import { patrolPack } from './pack.ts';

type Placed = { id: string; location: { lat: number; lon: number } | null };

export function RoundMap({ track, observations, heading }: { track: string | null; observations: readonly Placed[]; heading?: { id: string; text: string } }) {
  const t = useT(patrolPack);
  const online = useOnline();
  const route = track === null || track === '' ? [] : decodeTrack(track);
  const points: MapPoint[] = observations.flatMap((observation, index) =>
    observation.location ? [{ id: observation.id, lat: observation.location.lat, lon: observation.location.lon, label: String(index + 1) }] : [],
  );
  if (route.length === 0 && points.length === 0) return null;
  return (
    <section class="patrol-section patrol-round-map" aria-labelledby={heading?.id ?? 'round-map-title'}>
      {heading ? <h3 id={heading.id}>{heading.text}</h3> : <h2 id="round-map-title">{t('patrolTrack.map')}</h2>}
      <MapView
        points={points}
        track={route}
        online={online}
        label={route.length > 0 ? t('patrolTrack.mapLabel', { count: points.length }) : t('patrolTrack.mapLabelNoRoute', { count: points.length })}
      />
    </section>
  );
}
