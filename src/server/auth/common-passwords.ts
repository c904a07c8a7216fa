/**
 * The list of common and breached passwords a new password must not be on:
 * the ~49,000 most common passwords of public breach lists, ranked, as
 * `@zxcvbn-ts/language-common` ships them (MIT licence, installs from the
 * npm registry, no download at run time). Server only: too large for the app.
 * Compared case-insensitively, and also without digits and signs at the
 * end: 'Monkey2025!' is the first thing a guesser tries after 'monkey'. The
 * list is English-heavy, so the Dutch words people reach for first are added.
 */
import { dictionary } from '@zxcvbn-ts/language-common';
import { isPredictablePassword } from '../../domain/password-rules.ts';

const DUTCH = [
  'wachtwoord',
  'welkom',
  'geheim',
  'voetbal',
  'ajax',
  'feyenoord',
  'psv',
  'zomer',
  'winter',
  'lente',
  'herfst',
  'schatje',
  'liefde',
  'hallo',
  'hoi',
  'nederland',
  'holland',
  'buurtlog',
  'gemeente',
  'politie',
  'coordinator',
  'coördinator',
];
const COMMON: ReadonlySet<string> = new Set([...(dictionary['passwords-common'] as readonly string[]), ...DUTCH].map((password) => password.toLowerCase()));

/** Whether a guesser would try this password early: on the list, or a repeated or straight pattern. */
export function isCommonPassword(password: string): boolean {
  const folded = password.normalize('NFC').toLowerCase();
  const base = folded.replace(/[\d\W_]+$/u, '');
  return isPredictablePassword(password) || COMMON.has(folded) || (base.length >= 3 && COMMON.has(base));
}

/** The refusal for a person (the app shows the reason's own words). */
export const COMMON_PASSWORD_MESSAGE =
  'This password is on the list of common or breached passwords (or is a pattern like "aaaaaaaaaa" or "1234567890") that attackers try first. Choose another: a few unrelated words work well.';
