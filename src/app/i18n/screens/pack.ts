/** The screens pack (form, detail, attendance, settings) in both languages, and the `t` those screens use. */
import { useApp } from '../../context.ts';
import { packT, type Pack, type PackT } from '../pack.ts';
import { en } from './en.ts';
import { nl, type ScreensKey } from './nl.ts';

export const screensPack: Pack<ScreensKey> = { nl, en };
export type ScreensT = PackT<ScreensKey>;

export function useScreenT(): ScreensT {
  const { t, lang } = useApp();
  return packT(t, lang, screensPack);
}
