/** The forms pack (field errors, error summary) in both languages: `useT(featurePack, formsPack)` in a form. */
import type { Pack } from '../../i18n/translate.ts';
import { en } from './en.ts';
import { nl, type FormsKey } from './nl.ts';

export const formsPack: Pack<FormsKey> = { nl, en };
