/** The activity pack (form, detail, delete) in both languages: `useT(activityPack)`. */
import type { Pack } from '../../i18n/translate.ts';
import { en } from './en.ts';
import { nl, type ActivityFormKey } from './nl.ts';

export const activityPack: Pack<ActivityFormKey> = { nl, en };
