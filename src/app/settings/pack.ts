/** The settings pack in both languages: `useT(settingsPack)`. */
import type { Pack } from '../i18n/translate.ts';
import { en } from './en.ts';
import { nl, type SettingsKey } from './nl.ts';

export const settingsPack: Pack<SettingsKey> = { nl, en };
