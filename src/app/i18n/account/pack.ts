/** The account pack (sign-in, invites, privacy, account and devices) in both languages. */
import type { Pack } from '../pack.ts';
import { en } from './en.ts';
import { nl, type AccountKey } from './nl.ts';

export const accountPack: Pack<AccountKey> = { nl, en };
