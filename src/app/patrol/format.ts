/** Times on the patrol screens. Pure. */
import { dateFormat } from '../format.ts';
import type { Lang } from '../i18n/translate.ts';

/** "1:05:09" (hours, minutes, seconds) for a running timer. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const two = (n: number) => String(n).padStart(2, '0');
  return `${Math.floor(total / 3600)}:${two(Math.floor(total / 60) % 60)}:${two(total % 60)}`;
}

/** "21:47" in the device's time zone. */
export function formatClock(lang: Lang, ms: number): string {
  return dateFormat(lang, { hour: '2-digit', minute: '2-digit' }).format(ms);
}
