import { describe, expect, it } from 'vitest';
import { pseudonymFor, replaceName } from '../../src/domain/person-data.ts';

describe('an erased person’s pseudonym', () => {
  it('is the role they had and their number', () => {
    expect(pseudonymFor('volunteer', 7)).toBe('vrijwilliger 7');
    expect(pseudonymFor('coordinator', 1)).toBe('coördinator 1');
    expect(pseudonymFor('police', 2)).toBe('politie 2');
  });
});

describe('replacing an erased person’s name in a note', () => {
  it('replaces the whole name in any case and with any spacing', () => {
    expect(replaceName('Gebeld met anna de  Vries. Anna de Vries!', 'Anna de Vries', 'vrijwilliger 7')).toBe('Gebeld met vrijwilliger 7. vrijwilliger 7!');
  });

  it('leaves a longer word that only starts with the name alone', () => {
    expect(replaceName('Annabel kwam ook, Anna (ook) niet', 'Anna', 'vrijwilliger 7')).toBe('Annabel kwam ook, vrijwilliger 7 (ook) niet');
    expect(replaceName('Ëlsbeth en ëlsbethje', 'Ëlsbeth', 'vrijwilliger 7')).toBe('vrijwilliger 7 en ëlsbethje');
  });

  it('takes an e-mail address literally, dots and all', () => {
    expect(replaceName('Mail A.Zwanenburg@voorbeeld.nl, niet aXzwanenburg@voorbeeld.nl', 'a.zwanenburg@voorbeeld.nl', 'vrijwilliger 7')).toBe(
      'Mail vrijwilliger 7, niet aXzwanenburg@voorbeeld.nl',
    );
  });

  it('changes nothing for an empty name or one that does not occur', () => {
    expect(replaceName('Niets aan de hand', '  ', 'vrijwilliger 7')).toBe('Niets aan de hand');
    expect(replaceName('Niets aan de hand', 'Bram', 'vrijwilliger 7')).toBe('Niets aan de hand');
  });
});
