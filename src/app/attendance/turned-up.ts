import { TURNED_UP_KEYS, type CountKey } from '../../domain/attendance.ts';

/** People who turned up: residents + volunteers + professionals + children. */
export function turnedUp(counts: Readonly<Record<CountKey, number>>): number {
  return TURNED_UP_KEYS.reduce((sum, key) => sum + counts[key], 0);
}
