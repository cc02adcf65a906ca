import { describe, expect, it } from 'vitest';
import { PERSONA_COLORS } from '../../model/records/persona';
import { curveStyleAt, LEGEND_MIN_ZOOM, legendScale } from './curveStyles';

describe('persona curve styles', () => {
  it('gives every palette place its own dash and marker pair (not colour alone)', () => {
    const pairs = PERSONA_COLORS.map((_, i) => {
      const s = curveStyleAt(i);
      return `${s.dash}|${s.marker}`;
    });
    expect(new Set(pairs).size).toBe(PERSONA_COLORS.length);
  });

  it('never dashes a persona line solid, as the overall line is', () => {
    for (let i = 0; i < 16; i++) expect(curveStyleAt(i).dash).toMatch(/\d+ \d+/);
  });
});

describe('the canvas legend scale', () => {
  it('keeps the legend at its size from LEGEND_MIN_ZOOM, enlarges it below', () => {
    expect(legendScale(1)).toBe(1);
    expect(legendScale(LEGEND_MIN_ZOOM)).toBe(1);
    // At 0.4 the text would be 40 % of its size: enlarged to at least 0.85 / 0.4 = 2.125.
    expect(legendScale(0.4)).toBe(2.2);
    expect(legendScale(0.4) * 0.4).toBeGreaterThanOrEqual(LEGEND_MIN_ZOOM);
    expect(legendScale(0)).toBe(1);
    expect(legendScale(Number.NaN)).toBe(1);
  });
});
