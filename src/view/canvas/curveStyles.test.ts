import { describe, expect, it } from 'vitest';
import { PERSONA_COLORS } from '../../model/records/persona';
import { curveStyleAt, LEGEND_MIN_ZOOM, legendScale, legendShift } from './curveStyles';

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

describe('the canvas legend shift', () => {
  it('moves the legend left only as far as the visible canvas needs', () => {
    // Canvas 600 px wide, at zoom 1, not panned: visible flow x up to 600 − 12 = 588.
    expect(legendShift({ x: 0, zoom: 1, width: 600 }, 500, 1000)).toBe(0);
    expect(legendShift({ x: 0, zoom: 1, width: 600 }, 900, 1000)).toBe(312);
    // Zoom 0.5, panned 100 px right: visible up to (600 − 100 − 12) / 0.5 = 976.
    expect(legendShift({ x: 100, zoom: 0.5, width: 600 }, 1200, 1000)).toBe(224);
    // Never past maxShift (it stays over the curve), never for a canvas not measured yet.
    expect(legendShift({ x: 0, zoom: 1, width: 600 }, 5000, 800)).toBe(800);
    expect(legendShift({ x: 0, zoom: 1, width: 0 }, 5000, 800)).toBe(0);
  });
});
