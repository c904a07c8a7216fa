/**
 * One voice in Dutch (src/app/i18n/GLOSSARY.md): no word the glossary
 * rejects appears in any feature's Dutch words.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const REJECTED: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bdoelni(veau|vo)/i, 'streefniveau'],
  [/\bjullie\b/i, 'je'],
  [/\b(uw|u)\b/, 'je (not the formal u)'],
  [/\buit(loggen|gelogd|log)\b|\blog uit\b/i, 'afmelden'],
  [/\bin(loggen|gelogd|log)\b|\blog in\b/i, 'aanmelden'],
];

function dutchWordFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return dutchWordFiles(path);
    return entry.name === 'nl.ts' ? [path] : [];
  });
}

/** The quoted words of a words file, without its comments and keys. */
function wordsOf(source: string): string[] {
  const words: string[] = [];
  for (const match of source.matchAll(/:\s*(?:\n\s*)?(['"`])((?:\\.|(?!\1).)*)\1/g)) words.push(match[2] ?? '');
  return words;
}

describe('the Dutch words keep to the glossary', () => {
  const files = dutchWordFiles('src/app');

  it('finds the words files', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
    expect(wordsOf(readFileSync('src/app/account/nl.ts', 'utf8'))).toContain('Afmelden');
  });

  it('uses no rejected synonym', () => {
    const found: string[] = [];
    for (const file of files) {
      for (const word of wordsOf(readFileSync(file, 'utf8'))) {
        for (const [pattern, use] of REJECTED) if (pattern.test(word)) found.push(`${file}: "${word}" — use ${use}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('catches a rejected word when there is one', () => {
    const words = wordsOf(`export const nl = { 'a.b': 'Wat is er gedaan met jullie bevindingen?', 'c': "Haalt het doelniveau" };`);
    expect(words.filter((word) => REJECTED.some(([pattern]) => pattern.test(word)))).toHaveLength(2);
  });

  it('asks before signing out in the agreed words', () => {
    expect(readFileSync('src/app/account/nl.ts', 'utf8')).toContain('Weet je zeker dat je je wilt afmelden?');
  });
});
