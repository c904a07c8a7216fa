/**
 * What makes a password too easy to guess, beyond its length (PasswordSchema):
 * being on a list of common and breached passwords (the server holds the
 * list: src/server/auth/common-passwords.ts), or a pattern any guesser tries
 * first — one character or a short piece repeated ('aaaaaaaaaa',
 * '1212121212'), or a straight run ('0123456789', 'abcdefghij', 'qwertyuiop').
 * Pure, so the app can say so before sending.
 */

/** Keyboard rows and the alphabet: runs along them, either way, are guessed first. */
const RUNS = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1234567890'];

/**
 * @example
 * isPredictablePassword('aaaaaaaaaa') // true
 * isPredictablePassword('kraanvogel-oranjebuurt') // false
 */
export function isPredictablePassword(password: string): boolean {
  const folded = password.normalize('NFC').toLowerCase();
  return isRepetition(folded) || isRun(folded);
}

/** A piece of at most 4 characters, repeated over the whole password. */
function isRepetition(password: string): boolean {
  for (let size = 1; size <= 4; size++) {
    const piece = password.slice(0, size);
    if (piece.repeat(Math.ceil(password.length / size)).slice(0, password.length) === password) return true;
  }
  return false;
}

/** Every next character the next (or previous) one on a row, wrapping around. */
function isRun(password: string): boolean {
  return RUNS.some((row) => {
    const doubled = row + row;
    const reversed = [...doubled].reverse().join('');
    return [doubled, reversed].some((line) => {
      const start = line.indexOf(password.slice(0, 2));
      if (start < 0) return false;
      for (let i = 0; i < password.length; i++) if (line[(start + i) % line.length] !== password[i]) return false;
      return true;
    });
  });
}
