// @vitest-environment happy-dom
import { act, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { addressFromDraft, formatAddress, formatCoordinates, normalizePostcode } from '../../src/app/place/address-input.ts';
import { PlaceField, type PlaceValue } from '../../src/app/place/PlaceField.tsx';
import { placePack } from '../../src/app/place/pack.ts';
import { core } from '../../src/app/i18n/core.ts';
import { createT } from '../../src/app/i18n/translate.ts';
import { cleanupApps, openApp } from '../fixtures/render-app.tsx';

afterEach(cleanupApps);

const EMPTY: PlaceValue = { location: null, address: null };

async function field(value: PlaceValue, opts: { online?: boolean; geolocation?: Geolocation } = {}) {
  const changes: PlaceValue[] = [];
  const app = await openApp();
  const view = app.render(
    <PlaceField
      value={value}
      onChange={(next) => changes.push(next)}
      online={opts.online ?? true}
      {...(opts.geolocation ? { geolocation: opts.geolocation } : {})}
    />,
  );
  return { app, view, changes };
}

const type = (label: string, text: string) => fireEvent.input(screen.getByRole('textbox', { name: label }), { target: { value: text } });
const click = (name: string) => fireEvent.click(screen.getByRole('button', { name }));
/** The ways to give a place, by their names, in order. */
const ways = () =>
  within(screen.getByRole('group', { name: 'Kies hoe je de plek vastlegt' }))
    .getAllByRole('button')
    .map((b) => b.textContent);

describe('typing an address', () => {
  it('tidies what was typed and checks it with the domain', () => {
    expect(addressFromDraft({ street: '  Cortgene ', number: ' 2 ', postcode: '2951eb', place: 'Alblasserdam' })).toEqual({
      ok: true,
      address: { street: 'Cortgene', number: '2', postcode: '2951 EB', place: 'Alblasserdam' },
    });
    expect(addressFromDraft({ street: 'Dam', number: '', postcode: '', place: '' })).toEqual({
      ok: true,
      address: { street: 'Dam', number: '', postcode: null, place: '' },
    });
    expect(addressFromDraft({ street: ' ', number: '2', postcode: '29511', place: '' })).toEqual({
      ok: false,
      errors: { street: 'address.error.street', postcode: 'address.error.postcode' },
    });
    expect(addressFromDraft({ street: 'Dam', number: '1'.repeat(21), postcode: '', place: '' })).toEqual({
      ok: false,
      errors: { number: 'address.error.tooLong' },
    });
    expect(normalizePostcode('2981 ea')).toBe('2981 EA');
  });

  it('shows a place as people read it', () => {
    expect(formatAddress({ street: 'Koningsplein', number: '1a-2', postcode: '2981EA', place: 'Ridderkerk' })).toBe('Koningsplein 1a-2, 2981 EA Ridderkerk');
    expect(formatAddress({ street: 'Dam', number: '', postcode: null, place: '' })).toBe('Dam');
    const t = createT('nl', core, placePack);
    expect(formatCoordinates(t, 'nl', { lat: 51.865634, lon: 4.659189 })).toBe('51,86563 NB, 4,65919 OL');
    expect(formatCoordinates(createT('en', core, placePack), 'en', { lat: 51.865634, lon: 4.659189 })).toBe('51.86563 N, 4.65919 E');
  });

  it('uses a typed street and house number, keeping the point', async () => {
    const location = { lat: 51.86563, lon: 4.65919, accuracyM: 23, source: 'gps' as const };
    const { app, changes } = await field({ location, address: null });
    click('Adres typen');
    expect(screen.getByRole('button', { name: 'Adres typen' }).getAttribute('aria-expanded')).toBe('true');
    type('Straat', 'Cortgene');
    type('Huisnummer', '2');
    type('Postcode (niet verplicht)', '2951eb');
    click('Adres gebruiken');
    expect(changes).toEqual([{ location, address: { street: 'Cortgene', number: '2', postcode: '2951 EB', place: '' } }]);
    expect(app.announce.mock.calls).toEqual([['Adres vastgelegd']]);
  });

  it('says what to fix, by the field, and changes nothing', async () => {
    const { changes } = await field(EMPTY);
    click('Adres typen');
    type('Postcode (niet verplicht)', '12');
    click('Adres gebruiken');
    expect(changes).toEqual([]);
    const street = screen.getByRole('textbox', { name: 'Straat' });
    expect(street.getAttribute('aria-invalid')).toBe('true');
    expect(street.getAttribute('aria-required')).toBe('true');
    const streetError = screen.getByText(/Vul de straat in/);
    expect(streetError.getAttribute('id')).toBe(`${street.getAttribute('id')}-error`);
    // The error is what a screen reader hears with the field.
    expect(street.getAttribute('aria-describedby')?.split(' ')).toContain(streetError.getAttribute('id'));
    const postcode = screen.getByRole('textbox', { name: 'Postcode (niet verplicht)' });
    expect(postcode.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/postcode in zoals 2951 EB/).getAttribute('id')).toBe(`${postcode.getAttribute('id')}-error`);
  });
});

describe('the place field', () => {
  it('shows the current place with its source and can clear it', async () => {
    const { changes } = await field({ location: { lat: 51.865634, lon: 4.659189, accuracyM: 23, source: 'gps' }, address: null });
    expect(screen.getByRole('group', { name: 'Plek' })).toBeTruthy();
    expect(screen.getByText(/Coördinaten 51,86563 NB, 4,65919 OL \(GPS, ± 23 m\)/).localName).toBe('p');
    expect(screen.getByText(/zodra er internet is/).localName).toBe('p');
    click('Plek wissen');
    expect(changes).toEqual([EMPTY]);
    // Focus goes to the first way to give a new place.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Gebruik mijn locatie' }));
  });

  it('offers the map only when online, and the other two ways always', async () => {
    const offline = await field(EMPTY, { online: false });
    expect(ways()).toEqual(['Gebruik mijn locatie', 'Adres typen']);
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Gebruik mijn locatie', 'Adres typen']);
    expect(screen.getByText(/kan alleen met internet/).localName).toBe('p');
    offline.view.unmount();
    await field(EMPTY, { online: true });
    expect(ways()).toEqual(['Gebruik mijn locatie', 'Aanwijzen op de kaart', 'Adres typen']);
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Gebruik mijn locatie', 'Aanwijzen op de kaart', 'Adres typen']);
  });

  it('places a point by hand on the map, marked as placed by hand', async () => {
    const { app, changes } = await field(EMPTY);
    click('Aanwijzen op de kaart');
    expect(screen.getByRole('application', { name: /Kaart om de plek aan te wijzen/ })).toBeTruthy();
    click('Midden van de kaart kiezen');
    expect(changes[0]?.location).toMatchObject({ source: 'map' });
    expect(changes[0]?.location).not.toHaveProperty('accuracyM');
    expect(changes[0]?.address).toBeNull();
    expect(app.announce).toHaveBeenCalledWith('Plek aangewezen op de kaart');
  });

  it('takes a good GPS fix and says how accurate it is', async () => {
    let success: PositionCallback | null = null;
    const geolocation = {
      watchPosition: (s: PositionCallback) => ((success = s), 1),
      clearWatch() {},
      getCurrentPosition() {},
    } as unknown as Geolocation;
    const { app, changes } = await field(EMPTY, { geolocation });
    click('Gebruik mijn locatie');
    expect(screen.getByText('Locatie zoeken…').getAttribute('aria-live')).toBe('polite');
    expect(screen.getByRole('button', { name: 'Deze locatie gebruiken' })).toHaveProperty('disabled', true);
    act(() => success?.({ coords: { latitude: 51.8656, longitude: 4.6592, accuracy: 23 } } as GeolocationPosition));
    expect(screen.getByText('Nauwkeurigheid ± 23 m').localName).toBe('p');
    click('Deze locatie gebruiken (± 23 m)');
    expect(changes).toEqual([{ location: { lat: 51.8656, lon: 4.6592, accuracyM: 23, source: 'gps' }, address: null }]);
    expect(app.announce.mock.calls).toEqual([['Locatie vastgelegd, ± 23 m']]);
  });

  it('explains a refused location and points to the other ways', async () => {
    const geolocation = {
      watchPosition: (_s: PositionCallback, e: PositionErrorCallback) => (e({ code: 1 } as GeolocationPositionError), 1),
      clearWatch() {},
      getCurrentPosition() {},
    } as unknown as Geolocation;
    await field(EMPTY, { geolocation, online: false });
    click('Gebruik mijn locatie');
    expect(screen.getByRole('alert').textContent).toMatch(/mag je locatie niet gebruiken/);
    expect(screen.getByRole('button', { name: 'Opnieuw proberen' })).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Adres typen' })).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Aanwijzen op de kaart' })).toBeNull();
  });
});
