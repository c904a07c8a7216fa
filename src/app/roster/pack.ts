/** The roster pack (roster, wijkagent, effort, patrol reports) in both languages: `useT(rosterPack)`; a screen that names the patrol's codes adds `patrolPack` (patrol/labels.ts). */
import type { CoreKey } from '../i18n/core.ts';
import type { Pack, T } from '../i18n/translate.ts';
import { en } from './en.ts';
import { nl, type RosterKey } from './nl.ts';

export const rosterPack: Pack<RosterKey> = { nl, en };

/** The `t` of the roster's screens, as helpers take it. */
export type RosterT = T<CoreKey | RosterKey>;
