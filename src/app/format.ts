/**
 * Dates, times and sizes as people read them. Activity dates are local
 * calendar dates (`YYYY-MM-DD`), never instants, so they are built from their
 * parts and never passed through UTC.
 */
import { LOCALES, type Lang, type T } from './i18n/translate.ts';

/** Today's local calendar date as `YYYY-MM-DD`. */
export function localDate(now: number): string {
  const d = new Date(now);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function formatDate(lang: Lang, date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  return dateFormat(lang, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(y, m - 1, d));
}

/**
 * A date as it reads in a sentence: "maandag 7 december" (with the year
 * when it is not this year's: "maandag 7 december 2025"). `today` is the
 * caller's `localDate(now())`, so the clock is injected.
 */
export function formatDateLong(lang: Lang, date: string, today: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  const withYear = today.slice(0, 4) !== date.slice(0, 4);
  return dateFormat(lang, { weekday: 'long', day: 'numeric', month: 'long', ...(withYear ? { year: 'numeric' } : {}) }).format(new Date(y, m - 1, d));
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * One formatter per language and options, made once: making an
 * Intl.DateTimeFormat costs far more than formatting with it, and a list
 * formats a date on every row (a round's 100 observations each drew their
 * time with a new one: 50 ms of every re-render, bench "observation tap").
 */
export function dateFormat(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang} ${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[lang], options);
    dateFormats.set(key, format);
  }
  return format;
}

/**
 * Latitude and longitude as people of the language write them, five
 * decimals (about a metre): in Dutch with a decimal comma, `{ lat: '51,86563', lon: '4,65919' }`.
 * The words around them ("NB", "OL") are the caller's translations.
 */
export function formatLatLon(lang: Lang, point: { readonly lat: number; readonly lon: number }): { lat: string; lon: string } {
  const number = new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: 5, maximumFractionDigits: 5, useGrouping: false });
  return { lat: number.format(point.lat), lon: number.format(point.lon) };
}

export function formatTimeRange(start: string, end: string | null): string {
  return end ? `${start}–${end}` : start;
}

/** "5 minuten geleden", "gisteren" …; under a minute reads "zojuist". */
export function formatRelative(lang: Lang, t: T, then: number, now: number): string {
  const seconds = Math.round((then - now) / 1000);
  if (Math.abs(seconds) < 60) return t('time.justNow');
  const rtf = new Intl.RelativeTimeFormat(LOCALES[lang], { numeric: 'auto' });
  const minutes = Math.round(seconds / 60);
  if (Math.abs(minutes) < 60) return rtf.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 24) return rtf.format(hours, 'hour');
  return rtf.format(Math.round(hours / 24), 'day');
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** "21:47" in the device's time zone (a round's times, an observation's). */
export function formatClock(lang: Lang, ms: number): string {
  return dateFormat(lang, { hour: '2-digit', minute: '2-digit' }).format(ms);
}
