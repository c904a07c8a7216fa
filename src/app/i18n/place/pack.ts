/** The place pack (GPS, map, typed address) in both languages, and the `t` those parts use. */
import { useApp } from '../../context.ts';
import { packT, type Pack, type PackT } from '../pack.ts';
import { en } from './en.ts';
import { nl, type PlaceKey } from './nl.ts';

export const placePack: Pack<PlaceKey> = { nl, en };
export type PlaceT = PackT<PlaceKey>;

export function usePlaceT(): PlaceT {
  const { t, lang } = useApp();
  return packT(t, lang, placePack);
}
