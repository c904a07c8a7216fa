/** The admin pack (the coordinator's screens) in both languages: `useT(adminPack, accountPack, formsPack)`. */
import type { CoreKey } from '../i18n/core.ts';
import type { Pack, T } from '../i18n/translate.ts';
import { en } from './en.ts';
import type { AccountKey } from '../account/nl.ts';
import type { FormsKey } from '../ui/forms/nl.ts';
import { nl, type AdminKey } from './nl.ts';

export const adminPack: Pack<AdminKey> = { nl, en };

/** The `t` of the admin screens, as helpers take it: this pack, the account pack (roles, devices) and the forms' words. */
export type AdminT = T<CoreKey | AdminKey | AccountKey | FormsKey>;

export function isAdminKey(key: string): key is AdminKey {
  return Object.hasOwn(nl, key);
}
