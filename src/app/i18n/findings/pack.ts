/** The findings pack (schouw round, findings, follow-up) in both languages, and the `t` those screens use. */
import { useApp } from '../../context.ts';
import { packT, type Pack, type PackT } from '../pack.ts';
import { en } from './en.ts';
import { nl, type FindingsKey } from './nl.ts';

export const findingsPack: Pack<FindingsKey> = { nl, en };
export type FindingsT = PackT<FindingsKey>;

export function useFindingsT(): FindingsT {
  const { t, lang } = useApp();
  return packT(t, lang, findingsPack);
}
