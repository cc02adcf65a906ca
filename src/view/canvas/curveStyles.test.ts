import { describe, expect, it } from 'vitest';
import { PERSONA_COLORS } from '../../model/records/persona';
import { curveStyleAt } from './curveStyles';

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
