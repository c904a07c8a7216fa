/** The admin screens' words: the admin pack, then the account pack (roles, devices), then the core. */
import { useApp } from '../context.ts';
import { accountPack } from '../i18n/account/pack.ts';
import { adminPack } from '../i18n/admin/pack.ts';
import { nl as adminNl } from '../i18n/admin/nl.ts';
import { packT, type PackT } from '../i18n/pack.ts';
import type { AccountKey } from '../i18n/account/nl.ts';
import type { AdminKey } from '../i18n/admin/nl.ts';

export type AdminT = PackT<AdminKey | AccountKey>;

export function useAdminT(): AdminT {
  const { t, lang } = useApp();
  return packT(t, lang, adminPack, accountPack);
}

export function isAdminKey(key: string): key is AdminKey {
  return Object.hasOwn(adminNl, key);
}
