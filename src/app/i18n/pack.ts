/**
 * Message packs: the words of screens that are not on the first screen
 * (sign-in and privacy, settings of the account, the coordinator's admin)
 * live beside the code that uses them, in their own nl.ts and en.ts, so the
 * first download carries only the words the first screen needs
 * (tests/e2e/bundle-budget.test.ts). Each pack's en.ts has exactly the keys
 * of its nl.ts (by type, and tests/unit/i18n.test.ts).
 *
 * @example
 * const t = packT(useApp().t, lang, accountPack);
 * t('signIn.title') // 'Aanmelden'; a core key like t('form.save') still works
 */
import type { MessageKey } from './nl.ts';
import { fill, type Lang, type Params, type T } from './translate.ts';

export type Pack<K extends string> = { readonly nl: Readonly<Record<K, string>>; readonly en: Readonly<Record<K, string>> };
export type PackT<K extends string> = (key: K | MessageKey, params?: Params) => string;
type KeysOf<P> = P extends Pack<infer K> ? K : never;

/** A `t` that reads the packs first, then the core messages. */
export function packT<P extends ReadonlyArray<Pack<string>>>(t: T, lang: Lang, ...packs: P): PackT<KeysOf<P[number]>> {
  return (key, params) => {
    for (const pack of packs) {
      const messages = pack[lang] as Readonly<Record<string, string>>;
      if (Object.hasOwn(messages, key)) return fill(messages[key] || (pack.nl as Readonly<Record<string, string>>)[key] || key, params);
    }
    return t(key as MessageKey, params);
  };
}
