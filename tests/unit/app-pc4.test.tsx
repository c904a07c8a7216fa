import { describe, expect, it } from 'vitest';
import { normalizePc4Input, pc4FromInput } from '../../src/app/attendance/pc4.ts';

describe('typing a PC4 at the door', () => {
  it('keeps only digits, at most four', () => {
    expect(normalizePc4Input('2951')).toBe('2951');
    expect(normalizePc4Input('2951 AB')).toBe('2951');
    expect(normalizePc4Input('29a5')).toBe('295');
    expect(normalizePc4Input('295123')).toBe('2951');
    expect(normalizePc4Input(' 2 9 5 1 ')).toBe('2951');
    expect(normalizePc4Input('')).toBe('');
  });

  it('accepts a four-digit postcode', () => {
    expect(pc4FromInput('2951')).toBe('2951');
    expect(pc4FromInput('2951AB')).toBe('2951');
    expect(pc4FromInput('9999')).toBe('9999');
  });

  it('refuses too short input and postcodes starting with 0', () => {
    expect(pc4FromInput('295')).toBeNull();
    expect(pc4FromInput('')).toBeNull();
    expect(pc4FromInput('0951')).toBeNull();
    expect(pc4FromInput('abcd')).toBeNull();
  });
});
