/**
 * A typed street and house number as the finding's address, checked with
 * the domain's AddressSchema; and how a place reads on the screen.
 */
import * as z from 'zod/mini';
import { AddressSchema, PostcodeSchema, type Address } from '../../domain/finding.ts';
import type { Location } from '../../domain/fields.ts';
import { formatLatLon } from '../format.ts';
import type { Lang, Params } from '../i18n/translate.ts';
import type { PlaceKey } from './nl.ts';

export type AddressDraft = { street: string; number: string; postcode: string; place: string };
export type AddressErrors = Partial<Record<keyof AddressDraft, PlaceKey>>;

export const EMPTY_ADDRESS_DRAFT: AddressDraft = { street: '', number: '', postcode: '', place: '' };

export function addressDraftOf(address: Address | null): AddressDraft {
  return address ? { street: address.street, number: address.number, postcode: address.postcode ?? '', place: address.place } : EMPTY_ADDRESS_DRAFT;
}

/** "2951eb", "2951 eb" → "2951 EB"; anything else is left for the check to refuse. */
export function normalizePostcode(input: string): string {
  const compact = input.replace(/\s+/g, '').toUpperCase();
  return /^\d{4}[A-Z]{2}$/.test(compact) ? `${compact.slice(0, 4)} ${compact.slice(4)}` : input.trim();
}

/** The typed address, or what to fix per field (message keys of the place pack). */
export function addressFromDraft(draft: AddressDraft): { ok: true; address: Address } | { ok: false; errors: AddressErrors } {
  const errors: AddressErrors = {};
  const street = draft.street.trim().replace(/\s+/g, ' ');
  const number = draft.number.trim().replace(/\s+/g, ' ');
  const postcode = draft.postcode.trim() === '' ? null : normalizePostcode(draft.postcode);
  const place = draft.place.trim().replace(/\s+/g, ' ');
  if (street === '') errors.street = 'address.error.street';
  else if (street.length > 120) errors.street = 'address.error.tooLong';
  if (number.length > 20) errors.number = 'address.error.tooLong';
  if (postcode !== null && !z.safeParse(PostcodeSchema, postcode).success) errors.postcode = 'address.error.postcode';
  if (place.length > 80) errors.place = 'address.error.tooLong';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const parsed = z.safeParse(AddressSchema, { street, number, postcode, place });
  return parsed.success ? { ok: true, address: parsed.data } : { ok: false, errors: { street: 'address.error.street' } };
}

/** "Cortgene 2, 2951 EB Alblasserdam"; a spot along a street is just the street (and place). */
export function formatAddress(address: Address): string {
  const line = [address.street, address.number].filter(Boolean).join(' ');
  const postcode = address.postcode ? normalizePostcode(address.postcode) : '';
  const town = [postcode, address.place].filter(Boolean).join(' ');
  return town ? `${line}, ${town}` : line;
}

/** "51,86551 NB, 4,66082 OL": five decimals is about a metre, more than any phone knows. */
export function formatCoordinates(t: (key: 'place.point', params: Params) => string, lang: Lang, location: Pick<Location, 'lat' | 'lon'>): string {
  return t('place.point', formatLatLon(lang, location));
}
