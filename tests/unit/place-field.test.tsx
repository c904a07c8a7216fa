import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { addressFromDraft, formatAddress, formatCoordinates, normalizePostcode } from '../../src/app/place/address-input.ts';
import { PlaceField, type PlaceValue } from '../../src/app/place/PlaceField.tsx';
import { renderInApp, type Rendered } from '../fixtures/place-app.tsx';

let view: Rendered | null = null;
afterEach(() => {
  view?.cleanup();
  view = null;
});

const EMPTY: PlaceValue = { location: null, address: null };

function field(value: PlaceValue, opts: { online?: boolean; geolocation?: Geolocation } = {}) {
  const changes: PlaceValue[] = [];
  view = renderInApp(<PlaceField value={value} onChange={(next) => changes.push(next)} online={opts.online ?? true} {...(opts.geolocation ? { geolocation: opts.geolocation } : {})} />);
  return { view, changes };
}

function type(view: Rendered, label: string, text: string) {
  const input = view.byLabel(label);
  input.value = text;
  act(() => {
    input.dispatch('input');
  });
}
const click = (view: Rendered, text: string | RegExp) =>
  act(() => {
    view.byText('button', text).dispatch('click');
  });

describe('typing an address', () => {
  it('tidies what was typed and checks it with the domain', () => {
    expect(addressFromDraft({ street: '  Cortgene ', number: ' 2 ', postcode: '2951eb', place: 'Alblasserdam' })).toEqual({
      ok: true,
      address: { street: 'Cortgene', number: '2', postcode: '2951 EB', place: 'Alblasserdam' },
    });
    expect(addressFromDraft({ street: 'Dam', number: '', postcode: '', place: '' })).toEqual({ ok: true, address: { street: 'Dam', number: '', postcode: null, place: '' } });
    expect(addressFromDraft({ street: ' ', number: '2', postcode: '29511', place: '' })).toEqual({ ok: false, errors: { street: 'address.error.street', postcode: 'address.error.postcode' } });
    expect(addressFromDraft({ street: 'Dam', number: '1'.repeat(21), postcode: '', place: '' })).toEqual({ ok: false, errors: { number: 'address.error.tooLong' } });
    expect(normalizePostcode('2981 ea')).toBe('2981 EA');
  });

  it('shows a place as people read it', () => {
    expect(formatAddress({ street: 'Koningsplein', number: '1a-2', postcode: '2981EA', place: 'Ridderkerk' })).toBe('Koningsplein 1a-2, 2981 EA Ridderkerk');
    expect(formatAddress({ street: 'Dam', number: '', postcode: null, place: '' })).toBe('Dam');
    expect(formatCoordinates({ lat: 51.865634, lon: 4.659189 })).toBe('51.86563, 4.65919');
  });

  it('uses a typed street and house number, keeping the point', () => {
    const location = { lat: 51.86563, lon: 4.65919, accuracyM: 23, source: 'gps' as const };
    const { view, changes } = field({ location, address: null });
    click(view, 'Adres typen');
    type(view, 'Straat', 'Cortgene');
    type(view, 'Huisnummer', '2');
    type(view, 'Postcode (niet verplicht)', '2951eb');
    click(view, 'Adres gebruiken');
    expect(changes).toEqual([{ location, address: { street: 'Cortgene', number: '2', postcode: '2951 EB', place: '' } }]);
    expect(view.announced).toEqual(['Adres vastgelegd']);
  });

  it('says what to fix, by the field, and changes nothing', () => {
    const { view, changes } = field(EMPTY);
    click(view, 'Adres typen');
    type(view, 'Postcode (niet verplicht)', '12');
    click(view, 'Adres gebruiken');
    expect(changes).toEqual([]);
    const street = view.byLabel('Straat');
    expect(street.getAttribute('aria-invalid')).toBe('true');
    expect(view.byText('p', /Vul de straat in/).getAttribute('id')).toBe(`${street.getAttribute('id')}-error`);
    expect(view.byText('p', /postcode in zoals 2951 EB/)).toBeTruthy();
  });
});

describe('the place field', () => {
  it('shows the current place with its source and can clear it', () => {
    const { view, changes } = field({ location: { lat: 51.865634, lon: 4.659189, accuracyM: 23, source: 'gps' }, address: null });
    expect(view.byText('p', /Coördinaten 51\.86563, 4\.65919 \(GPS, ± 23 m\)/)).toBeTruthy();
    expect(view.byText('p', /zodra er internet is/)).toBeTruthy();
    click(view, 'Plek wissen');
    expect(changes).toEqual([EMPTY]);
  });

  it('offers the map only when online, and the other two ways always', () => {
    const offline = field(EMPTY, { online: false }).view;
    expect(offline.all('button').map((b) => b.textContent)).toEqual(['Gebruik mijn locatie', 'Adres typen']);
    expect(offline.byText('p', /kan alleen met internet/)).toBeTruthy();
    offline.cleanup();
    view = field(EMPTY, { online: true }).view;
    expect(view.all('button').map((b) => b.textContent)).toEqual(['Gebruik mijn locatie', 'Aanwijzen op de kaart', 'Adres typen']);
  });

  it('places a point by hand on the map, marked as placed by hand', () => {
    const { view, changes } = field(EMPTY);
    click(view, 'Aanwijzen op de kaart');
    click(view, 'Midden van de kaart kiezen');
    expect(changes[0]?.location).toMatchObject({ source: 'map' });
    expect(changes[0]?.location).not.toHaveProperty('accuracyM');
    expect(changes[0]?.address).toBeNull();
  });

  it('takes a good GPS fix and says how accurate it is', () => {
    let success: PositionCallback | null = null;
    const geolocation = {
      watchPosition: (s: PositionCallback) => ((success = s), 1),
      clearWatch() {},
      getCurrentPosition() {},
    } as unknown as Geolocation;
    const { view, changes } = field(EMPTY, { geolocation });
    click(view, 'Gebruik mijn locatie');
    expect(view.byText('p', 'Locatie zoeken…').getAttribute('aria-live')).toBe('polite');
    act(() => success?.({ coords: { latitude: 51.8656, longitude: 4.6592, accuracy: 23 } } as GeolocationPosition));
    expect(view.byText('p', 'Nauwkeurigheid ± 23 m')).toBeTruthy();
    click(view, 'Deze locatie gebruiken (± 23 m)');
    expect(changes).toEqual([{ location: { lat: 51.8656, lon: 4.6592, accuracyM: 23, source: 'gps' }, address: null }]);
    expect(view.announced).toEqual(['Locatie vastgelegd, ± 23 m']);
  });

  it('explains a refused location and points to the other ways', () => {
    const geolocation = {
      watchPosition: (_s: PositionCallback, e: PositionErrorCallback) => (e({ code: 1 } as GeolocationPositionError), 1),
      clearWatch() {},
      getCurrentPosition() {},
    } as unknown as Geolocation;
    const { view } = field(EMPTY, { geolocation, online: false });
    click(view, 'Gebruik mijn locatie');
    expect(view.byText('p', /mag je locatie niet gebruiken/).getAttribute('role')).toBe('alert');
    expect(view.all('button').map((b) => b.textContent)).toContain('Opnieuw proberen');
    expect(view.all('button').filter((b) => b.textContent === 'Adres typen')).toHaveLength(2);
  });
});
