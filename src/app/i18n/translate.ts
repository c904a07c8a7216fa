/**
 * The one translation module: `createT(messages)` gives a `t(key, params)`
 * that reads the language's messages and fills `{name}` parameters. Pure; the
 * current language lives in the app's context, not in a module variable.
 * Dutch ships in the first download; English loads when chosen.
 *
 * @example
 * const t = createT(await loadMessages('nl'));
 * t('sync.pending.other', { count: 3 }) // '3 wijzigingen alleen op dit toestel'
 */
import { nl, type MessageKey, type Messages } from './nl.ts';

export const LANGS = ['nl', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export type Params = Readonly<Record<string, string | number>>;
export type T = (key: MessageKey, params?: Params) => string;

/** BCP 47 tags for Intl formatting (dates, numbers) per UI language. */
export const LOCALES: Readonly<Record<Lang, string>> = { nl: 'nl-NL', en: 'en-GB' };

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(nl, key);
}

export async function loadMessages(lang: Lang): Promise<Messages> {
  return lang === 'en' ? (await import('./en.ts')).en : nl;
}

export function translate(messages: Messages, key: MessageKey, params?: Params): string {
  return fill(messages[key] || nl[key], params);
}

/** Fill `{name}` parameters; an unknown one stays visible. */
export function fill(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function createT(messages: Messages): T {
  return (key, params) => translate(messages, key, params);
}

/** Pick the `.one` or `.other` form of a counted message and fill `{count}`. */
export function plural(t: T, base: 'sync.pending' | 'sync.rejected' | 'list.count', count: number): string {
  return count === 1 ? t(`${base}.one`) : t(`${base}.other`, { count });
}
