/** The admin pack (the coordinator's screens) in both languages. */
import type { Pack } from '../pack.ts';
import { en } from './en.ts';
import { nl, type AdminKey } from './nl.ts';

export const adminPack: Pack<AdminKey> = { nl, en };
