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
  return new Intl.DateTimeFormat(LOCALES[lang], { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(y, m - 1, d));
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
