import { describe, expect, it } from 'vitest';
import { formatDate } from './format';

const long = (y: number, m: number, d: number, locale = 'en') => {
  const at = new Date(0);
  at.setUTCFullYear(y, m - 1, d);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(at);
};

describe('formatDate', () => {
  it('keeps the years 0-99 (a two-digit year typed in a date input), never 19xx', () => {
    expect(formatDate('0026-12-31', 'en')).toBe(long(26, 12, 31));
    expect(formatDate('0026-12-31', 'en')).not.toContain('1926');
    expect(formatDate('0000-01-01', 'en')).toBe(long(0, 1, 1));
    expect(formatDate('0099-06-15', 'it')).toBe(long(99, 6, 15, 'it'));
    expect(formatDate('2026-12-31', 'en')).toBe('December 31, 2026');
    expect(formatDate('1926-12-31', 'en')).toBe('December 31, 1926');
  });

  it('a date that is no calendar day, or any other text, prints as it is', () => {
    for (const s of ['2026-02-30', '0026-02-29', '12', '', '2026-1-01'])
      expect(formatDate(s, 'en')).toBe(s);
    expect(formatDate('0024-02-29', 'en')).toBe(long(24, 2, 29)); // year 24 is a leap year
  });
});
