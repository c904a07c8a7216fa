/** Passwords a guesser tries first: on the common/breached list, or a repeated or straight pattern. */
import { describe, expect, it } from 'vitest';
import { isPredictablePassword } from '../../src/domain/password-rules.ts';
import { isCommonPassword } from '../../src/server/auth/common-passwords.ts';

describe('password rules', () => {
  it.each(['aaaaaaaaaa', 'AAAAAAAAAAAA', '1212121212', 'abcabcabcabc', '0123456789', '9876543210', 'abcdefghijkl', 'qwertyuiop', 'poiuytrewq'])(
    'calls %s predictable',
    (password) => {
      expect(isPredictablePassword(password)).toBe(true);
      expect(isCommonPassword(password)).toBe(true);
    },
  );

  it.each(['password123', 'Password123', 'iloveyou12', 'Wachtwoord2025!', 'welkom12345', 'Monkey2025!', 'football12'])(
    'finds %s on the list (or its word before the digits)',
    (password) => {
      expect(isCommonPassword(password)).toBe(true);
    },
  );

  it.each(['kraanvogel-oranjebuurt-2025', 'lang-genoeg-hoor', 'blauw-op-straat-2025', 'paard batterij nietje'])('lets %s through', (password) => {
    expect(isCommonPassword(password)).toBe(false);
  });
});
