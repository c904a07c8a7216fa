import { describe, expect, it } from 'vitest';
import { dateFormat, formatDate, formatDateLong, formatLatLon } from '../../src/app/format.ts';
import { formatClock } from '../../src/app/patrol/format.ts';

describe('dates in sentences', () => {
  it('writes the weekday and month out, the year only when it is not this year', () => {
    expect(formatDateLong('nl', '2026-12-07', '2026-12-03')).toBe('maandag 7 december');
    expect(formatDateLong('nl', '2025-12-07', '2026-01-02')).toBe('zondag 7 december 2025');
    expect(formatDateLong('en', '2026-12-07', '2026-12-03')).toBe('Monday 7 December');
  });

  it('leaves a date it cannot read as it is, and keeps the short form for lists', () => {
    expect(formatDateLong('nl', 'morgen', '2026-12-03')).toBe('morgen');
    expect(formatDate('nl', '2026-12-07')).toMatch(/^ma 7 dec/);
  });
});

describe('coordinates', () => {
  it('use a decimal comma in Dutch and a point in English, five decimals, no grouping', () => {
    expect(formatLatLon('nl', { lat: 51.865634, lon: 4.659189 })).toEqual({ lat: '51,86563', lon: '4,65919' });
    expect(formatLatLon('en', { lat: 51.865634, lon: 4.659189 })).toEqual({ lat: '51.86563', lon: '4.65919' });
    expect(formatLatLon('nl', { lat: -1234.5, lon: 0 })).toEqual({ lat: '-1234,50000', lon: '0,00000' });
  });
});

describe('formatters made once per language and options', () => {
  it('hands out the same Intl.DateTimeFormat for the same options, and a list row formats with it', () => {
    const clock = { hour: '2-digit', minute: '2-digit' } as const;
    expect(dateFormat('nl', clock)).toBe(dateFormat('nl', { hour: '2-digit', minute: '2-digit' }));
    expect(dateFormat('nl', clock)).not.toBe(dateFormat('en', clock));
    expect(dateFormat('nl', clock)).not.toBe(dateFormat('nl', { hour: '2-digit' }));
    const at = new Date(2026, 0, 15, 21, 47).getTime();
    expect(formatClock('nl', at)).toBe('21:47');
  });
});
