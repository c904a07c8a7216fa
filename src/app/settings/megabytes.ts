import { LOCALES, type Lang, type T } from '../i18n/translate.ts';
import type { SettingsKey } from './nl.ts';

/** Bytes as megabytes with one decimal, in the language's number format. */
export function formatMegabytes(lang: Lang, t: T<SettingsKey>, bytes: number): string {
  const value = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(bytes / 1_000_000);
  return t('settings.megabytes', { value });
}
