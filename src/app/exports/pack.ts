/** The export pack in both languages: `useT(exportsPack)`. */
import type { CoreKey } from '../i18n/core.ts';
import type { Pack, T } from '../i18n/translate.ts';
import type { AttendanceKey } from '../attendance/nl.ts';
import type { FindingsKey } from '../schouw/nl.ts';
import type { PatrolKey } from '../patrol/nl.ts';
import { en } from './en.ts';
import { nl, type ExportsKey } from './nl.ts';

export const exportsPack: Pack<ExportsKey> = { nl, en };

/** The `t` of the exports: their own words and the labels of the schouw's, the patrol's and the attendance's codes. */
export type ExportsT = T<CoreKey | ExportsKey | FindingsKey | PatrolKey | AttendanceKey>;
