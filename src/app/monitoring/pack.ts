/** The monitoring pack in both languages: `useT(monitoringPack)`. */
import type { CoreKey } from '../i18n/core.ts';
import type { Pack, T } from '../i18n/translate.ts';
import { en } from './en.ts';
import { nl, type MonitoringKey } from './nl.ts';

export const monitoringPack: Pack<MonitoringKey> = { nl, en };

export type MonitoringT = T<CoreKey | MonitoringKey>;
