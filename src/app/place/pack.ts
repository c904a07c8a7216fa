/** The place pack (GPS, map, typed address) in both languages: `useT(placePack)`. */
import type { CoreKey } from '../i18n/core.ts';
import type { Pack, T } from '../i18n/translate.ts';
import { en } from './en.ts';
import { nl, type PlaceKey } from './nl.ts';

export const placePack: Pack<PlaceKey> = { nl, en };

/** The `t` of the place parts, as helpers take it. */
export type PlaceT = T<CoreKey | PlaceKey>;
