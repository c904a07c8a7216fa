/** The English of the first download's words (core.ts), loaded when English is chosen. */
import { en as activities } from '../activities/en.ts';
import { en as sync } from '../sync/en.ts';
import { en as ui } from '../ui/en.ts';
import { en as reasons } from './reasons/en.ts';
import type { CoreWords } from './translate.ts';

export const coreEn: CoreWords = { ...ui, ...sync, ...activities, ...reasons };
