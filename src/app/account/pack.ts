/** The account pack (sign-in, invites, privacy, account and devices) in both languages: `useT(accountPack)`. */
import type { CoreKey } from '../i18n/core.ts';
import type { Pack, T } from '../i18n/translate.ts';
import { en } from './en.ts';
import { nl, type AccountKey } from './nl.ts';

export const accountPack: Pack<AccountKey> = { nl, en };

/** The `t` of the account screens, as helpers take it. */
export type AccountT = T<CoreKey | AccountKey>;
