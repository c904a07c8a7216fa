/**
 * The one translation module. Each feature keeps its words beside its
 * screens: `nl.ts` (Dutch, the first language, defines the keys) and `en.ts`
 * (`Words<typeof nl>`, so a missing or extra English key fails the
 * typecheck). The words of the first screen (core.ts) ship in the first
 * download, their English loads when chosen; a feature that loads later
 * brings its own pack (`{ nl, en }`) with its code. Components get a `t`
 * from `useT(pack)` (use-t.ts); a helper takes that `t` as a parameter.
 * Pure: the current language lives in a context, not in a module variable.
 *
 * @example
 * const t = createT('nl', core, attendancePack);
 * t('attendance.title') // 'Aanwezigheid'; a first-screen key like t('sync.now') works too
 */
import { core, type CoreKey } from './core.ts';

export const LANGS = ['nl', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export type Params = Readonly<Record<string, string | number>>;
/** A translation function for the keys `K` (by default the first screen's). */
export type T<K extends string = CoreKey> = (key: K, params?: Params) => string;
/** The words of one language for every key of the Dutch `N`: no key missing, none extra. */
export type Words<N> = { readonly [K in keyof N]: string };
/** A feature's words in both languages, loaded with the feature's code. */
export type Pack<K extends string> = { readonly nl: Readonly<Record<K, string>>; readonly en: Readonly<Record<K, string>> };
export type KeysOf<P> = P extends Pack<infer K> ? K : never;
export type CoreWords = Words<typeof core>;

/** BCP 47 tags for Intl formatting (dates, numbers) per UI language. */
export const LOCALES: Readonly<Record<Lang, string>> = { nl: 'nl-NL', en: 'en-GB' };

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

export function isCoreKey(key: string): key is CoreKey {
  return Object.hasOwn(core, key);
}

/** The first screen's words: Dutch at once, English on demand. */
export async function loadCore(lang: Lang): Promise<CoreWords> {
  return lang === 'en' ? (await import('./core-en.ts')).coreEn : core;
}

/** Fill `{name}` parameters; an unknown one stays visible. */
export function fill(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * A `t` that reads the packs first, then the first screen's words, in
 * `lang`; an empty word falls back to its Dutch.
 */
export function createT<P extends ReadonlyArray<Pack<string>>>(lang: Lang, words: CoreWords, ...packs: P): T<CoreKey | KeysOf<P[number]>> {
  return (key, params) => {
    const pack = packs.find((p) => Object.hasOwn(p.nl, key)) as Pack<typeof key> | undefined;
    return fill(pack ? pack[lang][key] || pack.nl[key] : words[key as CoreKey] || core[key as CoreKey], params);
  };
}

/** Pick the `.one` or `.other` form of a counted message and fill `{count}`. */
export function plural(t: T, base: 'sync.pending' | 'sync.rejected' | 'list.count', count: number): string {
  return count === 1 ? t(`${base}.one`) : t(`${base}.other`, { count });
}
