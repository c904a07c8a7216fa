/** Where a finding is, in words: its address, or its coordinates with their accuracy ("± 8 m"). */
import type { Address } from '../../domain/finding.ts';
import type { Location } from '../../domain/fields.ts';
import { formatLatLon } from '../format.ts';
import type { Lang } from '../i18n/translate.ts';
import type { FindingsT } from './pack.ts';

export function addressText(address: Address): string {
  const street = [address.street, address.number].filter((part) => part.trim() !== '').join(' ');
  const place = [address.postcode, address.place].filter((part): part is string => !!part && part.trim() !== '').join(' ');
  return [street, place].filter((part) => part !== '').join(', ');
}

export function placeText(t: FindingsT, lang: Lang, where: { location: Location | null; address: Address | null }): string {
  if (where.address) return addressText(where.address);
  if (where.location) {
    const { lat, lon, accuracyM } = where.location;
    const coords = t('findingDetail.point', formatLatLon(lang, { lat, lon }));
    return accuracyM === undefined ? coords : `${coords} (${t('findingDetail.accuracy', { m: Math.round(accuracyM) })})`;
  }
  return t('findingDetail.noPlace');
}
