/** The patrol pack (round, observations and the labels of their codes) in both languages: `useT(patrolPack)`. */
import type { CoreKey } from '../i18n/core.ts';
import type { Pack, T } from '../i18n/translate.ts';
import { en } from './en.ts';
import { nl, type PatrolKey } from './nl.ts';

export const patrolPack: Pack<PatrolKey> = { nl, en };

export type PatrolT = T<CoreKey | PatrolKey>;
