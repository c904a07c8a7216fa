/** Times on the patrol screens. Pure. */
export { formatClock } from '../format.ts';

/** "1:05:09" (hours, minutes, seconds) for a running timer. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const two = (n: number) => String(n).padStart(2, '0');
  return `${Math.floor(total / 3600)}:${two(Math.floor(total / 60) % 60)}:${two(total % 60)}`;
}
