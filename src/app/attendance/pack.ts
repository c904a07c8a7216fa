/** The attendance pack in both languages: `useT(attendancePack)`. */
import type { Pack } from '../i18n/translate.ts';
import { en } from './en.ts';
import { nl, type AttendanceKey } from './nl.ts';

export const attendancePack: Pack<AttendanceKey> = { nl, en };
