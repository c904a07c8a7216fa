/** The schouw pack (round, findings, follow-up and the labels of their codes) in both languages: `useT(findingsPack)`. */
import type { CoreKey } from '../i18n/core.ts';
import type { Pack, T } from '../i18n/translate.ts';
import { en } from './en.ts';
import { nl, type FindingsKey } from './nl.ts';

export const findingsPack: Pack<FindingsKey> = { nl, en };

/** The `t` of the schouw's screens, as helpers take it. */
export type FindingsT = T<CoreKey | FindingsKey>;
