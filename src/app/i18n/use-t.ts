/**
 * How a component gets its `t`: `useT(pack)` reads the language and the
 * first screen's words from `Language` (set by the app, the start gate and
 * the loading screen; Dutch where nothing set it), then the given packs.
 *
 * @example
 * const t = useT(attendancePack);
 * t('attendance.title') // 'Aanwezigheid'
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { core, type CoreKey } from './core.ts';
import { createT, type CoreWords, type KeysOf, type Lang, type Pack, type T } from './translate.ts';

export type LanguageValue = { readonly lang: Lang; readonly words: CoreWords };

export const Language = createContext<LanguageValue>({ lang: 'nl', words: core });

export function useT<P extends ReadonlyArray<Pack<string>>>(...packs: P): T<CoreKey | KeysOf<P[number]>> {
  const { lang, words } = useContext(Language);
  return createT(lang, words, ...packs);
}
