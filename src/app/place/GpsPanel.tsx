/**
 * "Gebruik mijn locatie": watch the GPS, show (and politely announce) the
 * accuracy as it improves, take a good fix by itself, and let the person
 * take the current one at any moment. A failure says what happened and
 * points to the other two ways.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../i18n/use-t.ts';
import { placePack } from './pack.ts';
import { GPS_POOR_ACCURACY_M, watchBestFix, type GpsFix, type GpsState, type GpsWatch } from './gps.ts';

export type OtherWay = 'map' | 'address';

export function GpsPanel(props: {
  geolocation: Geolocation | undefined;
  isMapAvailable: boolean;
  onFix(fix: GpsFix): void;
  onClose(): void;
  onOtherWay(way: OtherWay): void;
}) {
  const t = useT(placePack);
  const [state, setState] = useState<GpsState>({ phase: 'waiting', best: null });
  const [attempt, setAttempt] = useState(0);
  const watch = useRef<GpsWatch | null>(null);
  const onFix = useRef(props.onFix);
  onFix.current = props.onFix;

  useEffect(() => {
    const current = watchBestFix({
      geolocation: props.geolocation,
      onChange(next) {
        setState(next);
        if (next.phase === 'done' && (next.reason === 'accepted' || next.best.accuracyM <= GPS_POOR_ACCURACY_M)) onFix.current(next.best);
      },
    });
    watch.current = current;
    return () => current.cancel();
  }, [props.geolocation, attempt]);

  const retry = () => setAttempt((n) => n + 1);
  const otherWays = (
    <div class="place-actions">
      <button type="button" class="button" onClick={retry}>
        {t('gps.retry')}
      </button>
      {props.isMapAvailable && (
        <button type="button" class="button" onClick={() => props.onOtherWay('map')}>
          {t('place.way.map')}
        </button>
      )}
      <button type="button" class="button" onClick={() => props.onOtherWay('address')}>
        {t('place.way.address')}
      </button>
    </div>
  );

  if (state.phase === 'failed') {
    return (
      <div class="place-panel">
        <p class="place-problem" role="alert">
          {t(`gps.error.${state.reason}`)}
        </p>
        {otherWays}
      </div>
    );
  }

  if (state.phase === 'done' && state.best.accuracyM > GPS_POOR_ACCURACY_M && state.reason !== 'accepted') {
    const best = state.best;
    return (
      <div class="place-panel">
        <p class="place-problem" role="alert">
          {t('gps.poor', { accuracy: best.accuracyM })}
        </p>
        <button type="button" class="button button-primary" onClick={() => props.onFix(best)}>
          {t('gps.usePoor', { accuracy: best.accuracyM })}
        </button>
        {otherWays}
      </div>
    );
  }

  const best = state.best;
  return (
    <div class="place-panel">
      <p class="place-status" aria-live="polite" aria-atomic="true">
        {best ? t('gps.accuracy', { accuracy: best.accuracyM }) : t('gps.searching')}
      </p>
      {state.phase === 'waiting' && best && <p class="field-hint">{t('gps.waitingBetter')}</p>}
      <div class="place-actions">
        <button type="button" class="button button-primary" disabled={!best} onClick={() => watch.current?.accept()}>
          {best ? t('gps.use', { accuracy: best.accuracyM }) : t('gps.useWaiting')}
        </button>
        <button type="button" class="button" onClick={props.onClose}>
          {t('gps.stop')}
        </button>
      </div>
    </div>
  );
}
