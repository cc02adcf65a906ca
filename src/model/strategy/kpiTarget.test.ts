import { describe, expect, it } from 'vitest';
import { kpiTarget } from './kpiTarget';

describe('kpiTarget', () => {
  it('writes the number in the UI language, then its unit', () => {
    expect(kpiTarget(12500.5, 'min', 'en')).toBe('12,500.5 min');
    expect(kpiTarget(12500.5, 'min', 'it')).toBe('12.500,5 min');
    expect(kpiTarget(0.333, 'h', 'it')).toBe('0,33 h');
  });

  it('writes a percent sign against the number, as Intl does in both languages', () => {
    expect(kpiTarget(95, '%', 'en')).toBe('95%');
    expect(kpiTarget(17.5, ' % ', 'it')).toBe('17,5%');
  });

  it('writes the number alone without a unit, and a dash for one that is not finite', () => {
    expect(kpiTarget(5, undefined, 'en')).toBe('5');
    expect(kpiTarget(5, '  ', 'en')).toBe('5');
    expect(kpiTarget(Number.NaN, 'min', 'en')).toBe('– min');
  });
});
