import { useApp } from '../context.ts';
import { useLive, useOnline } from '../hooks.ts';
import { useT } from '../i18n/use-t.ts';
import { MapView } from '../place/MapView.tsx';
import { homeView } from '../place/tiles.ts';
import { formatValue } from './logic.ts';
import { monitoringPack } from './pack.ts';
import { reachMap } from './reach-logic.ts';

/** An area, not a street: the map opens no closer than this. */
const MAX_ZOOM = 14;

/**
 * Reach per PC4 on the buurt map: a circle per postcode area at the middle
 * of the places this device knows with that postcode, sized by its
 * participants; the areas without a known place listed beside it. Only the
 * answer's aggregates and the person's own records go in. The map is an
 * image with a text alternative; the numbers stay in the table "Per
 * postcodegebied" above it, for screen readers and print.
 */
export function ReachMap({ entries }: { entries: ReadonlyArray<{ key: string; value: number }> }) {
  const { lang, config } = useApp();
  const t = useT(monitoringPack);
  const online = useOnline();
  const centres = useLive((s) => s.monitoring.pc4Places(), []);
  if (centres === undefined) return null;
  if (entries.length === 0) return <p class="muted">{t('reach.none')}</p>;
  const { circles, offMap } = reachMap(entries, centres, (pc4, count) => t('reach.circle', { pc4, count: formatValue(t, lang, 'count', count) }));
  return (
    <div class="reach-map" data-testid="reach-map">
      <h4>{t('reach.mapTitle')}</h4>
      {circles.length > 0 && (
        <>
          <MapView
            points={[]}
            circles={circles}
            online={online}
            maxZoom={MAX_ZOOM}
            home={homeView(config.cbsCode)}
            label={t('reach.mapLabel', { count: circles.length })}
          />
          <p class="field-hint">{t('reach.mapHint')}</p>
        </>
      )}
      {offMap.length > 0 && (
        <>
          <p class="reach-off-map-title">{t('reach.notOnMap')}</p>
          <ul class="reach-off-map">
            {offMap.map(({ pc4, count }) => (
              <li key={pc4}>{t('reach.circle', { pc4, count: formatValue(t, lang, 'count', count) })}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
