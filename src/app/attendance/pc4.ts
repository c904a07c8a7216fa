/** Typing a PC4 at a door: forgiving input, strict value (domain Pc4Schema). */
import * as z from 'zod/mini';
import { Pc4Schema } from '../../domain/attendance.ts';

/**
 * Keep what can be part of a PC4: digits only, at most four. A pasted
 * "2951 AB" becomes "2951"; letters typed by mistake are dropped.
 */
export function normalizePc4Input(raw: string): string {
  return raw.replace(/\D/g, '').slice(0, 4);
}

/** The PC4 to count, or null when the input is not a valid four-digit postcode. */
export function pc4FromInput(raw: string): string | null {
  const value = normalizePc4Input(raw);
  return z.safeParse(Pc4Schema, value).success ? value : null;
}
