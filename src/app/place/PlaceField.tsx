/**
 * The place of a finding, three ways, each usable with one thumb:
 * 1. "Gebruik mijn locatie" — GPS, waiting briefly for a better fix (GpsPanel);
 * 2. "Aanwijzen op de kaart" — a point placed by hand, only with internet (MapView);
 * 3. "Adres typen" — street and house number (AddressForm).
 * The map is never the only way. The current place is always shown — address,
 * or coordinates with where they came from — and can be cleared.
 *
 * A new point clears the address: it belonged to the old point. The address
 * of a point is looked up later, when online (use-place-lookup.ts).
 */
import './place.css';
import { useId, useRef, useState } from 'preact/hooks';
import type { Location } from '../../domain/fields.ts';
import type { Address } from '../../domain/finding.ts';
import { useApp } from '../context.ts';
import { useOnline } from '../hooks.ts';
import { useT } from '../i18n/use-t.ts';
import { placePack, type PlaceT } from './pack.ts';
import { AddressForm } from './AddressForm.tsx';
import { formatAddress, formatCoordinates } from './address-input.ts';
import { GpsPanel, type OtherWay } from './GpsPanel.tsx';
import type { GpsFix } from './gps.ts';
import { MapView } from './MapView.tsx';
import { homeView, round6, type LatLon } from './tiles.ts';

export type PlaceValue = { location: Location | null; address: Address | null };
type Way = 'gps' | OtherWay;

export function PlaceField(props: {
  value: PlaceValue;
  onChange(next: PlaceValue): void;
  /** Defaults to the browser's; a test passes a fake. */
  geolocation?: Geolocation;
  /** Defaults to what the browser says (useOnline). */
  online?: boolean;
}) {
  const { announce, config, platform } = useApp();
  const t = useT(placePack);
  const browserOnline = useOnline();
  const online = props.online ?? browserOnline;
  const geolocation = props.geolocation ?? platform.document.defaultView?.navigator.geolocation;
  const id = useId();
  const [way, setWay] = useState<Way | null>(null);
  const firstWay = useRef<HTMLButtonElement>(null);
  const { value, onChange } = props;

  const takeFix = (fix: GpsFix) => {
    onChange({ location: { lat: round6(fix.lat), lon: round6(fix.lon), accuracyM: fix.accuracyM, source: 'gps' }, address: null });
    setWay(null);
    announce(t('gps.used', { accuracy: fix.accuracyM }));
  };
  const takePick = (point: LatLon) => {
    onChange({ location: { lat: point.lat, lon: point.lon, source: 'map' }, address: null });
    announce(t('map.pickedAnnounce'));
  };
  const takeAddress = (address: Address) => {
    onChange({ location: value.location, address });
    setWay(null);
    announce(t('address.used'));
  };
  const clear = () => {
    onChange({ location: null, address: null });
    setWay(null);
    announce(t('place.cleared'));
    firstWay.current?.focus();
  };
  const toggle = (next: Way) => setWay((current) => (current === next ? null : next));

  return (
    <fieldset class="place-field">
      <legend>{t('place.legend')}</legend>
      <CurrentPlace value={value} t={t} onClear={clear} />
      <div class="place-ways" role="group" aria-label={t('place.ways')}>
        <button
          type="button"
          class="button button-large"
          ref={firstWay}
          aria-expanded={way === 'gps'}
          aria-controls={`${id}-panel`}
          onClick={() => toggle('gps')}
        >
          {t('place.way.gps')}
        </button>
        {online ? (
          <button type="button" class="button button-large" aria-expanded={way === 'map'} aria-controls={`${id}-panel`} onClick={() => toggle('map')}>
            {t('place.way.map')}
          </button>
        ) : (
          <p class="field-hint">{t('place.way.mapOffline')}</p>
        )}
        <button type="button" class="button button-large" aria-expanded={way === 'address'} aria-controls={`${id}-panel`} onClick={() => toggle('address')}>
          {t('place.way.address')}
        </button>
      </div>
      <div id={`${id}-panel`}>
        {way === 'gps' && <GpsPanel geolocation={geolocation} isMapAvailable={online} onFix={takeFix} onClose={() => setWay(null)} onOtherWay={setWay} />}
        {way === 'map' && online && (
          <div class="place-panel">
            <MapView
              points={[]}
              picked={value.location ? { lat: value.location.lat, lon: value.location.lon } : null}
              onPick={takePick}
              online={online}
              home={homeView(config.cbsCode)}
            />
            <button type="button" class="button button-primary" onClick={() => setWay(null)}>
              {t('map.done')}
            </button>
          </div>
        )}
        {way === 'address' && <AddressForm idPrefix={id} initial={value.address} onUse={takeAddress} onCancel={() => setWay(null)} />}
      </div>
    </fieldset>
  );
}

function sourceText(location: Location, t: PlaceT): string {
  switch (location.source) {
    case 'gps':
      return location.accuracyM === undefined ? t('place.source.gpsUnknown') : t('place.source.gps', { accuracy: Math.round(location.accuracyM) });
    case 'map':
      return t('place.source.map');
    case 'address':
      return t('place.source.address');
  }
}

function CurrentPlace({ value, t, onClear }: { value: PlaceValue; t: PlaceT; onClear(): void }) {
  const { lang } = useApp();
  const { location, address } = value;
  if (!location && !address) {
    return (
      <div class="place-current">
        <p class="place-current-main">{t('place.none')}</p>
      </div>
    );
  }
  return (
    <div class="place-current">
      <p class="visually-hidden">{t('place.current')}</p>
      {address && <p class="place-current-main">{formatAddress(address)}</p>}
      {location && (
        <p class={address ? 'place-current-detail' : 'place-current-main'}>
          {t('place.coordinates', { coords: formatCoordinates(t, lang, location) })} ({sourceText(location, t)})
        </p>
      )}
      {location && !address && <p class="place-current-detail">{t('place.addressLater')}</p>}
      <div class="place-actions">
        <button type="button" class="button button-danger-outline" onClick={onClear}>
          {t('place.clear')}
        </button>
      </div>
    </div>
  );
}
