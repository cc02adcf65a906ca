import { describe, expect, it } from 'vitest';
import type { MapSnapshot } from '../../model/types';
import { countAssumptions, dimClass, EVIDENCE_LETTER, isDimmed } from './evidence';

const snap = (s: unknown) => s as MapSnapshot;

describe('evidence marks', () => {
  it('one distinct letter per level', () => {
    expect(new Set(Object.values(EVIDENCE_LETTER)).size).toBe(3);
  });
  it('dims only what is not assumed, and only when the filter is on', () => {
    expect(isDimmed({ level: 'observed' }, false)).toBe(false);
    expect(isDimmed(undefined, true)).toBe(true);
    expect(isDimmed({ level: 'reported' }, true)).toBe(true);
    expect(isDimmed({ level: 'assumed' }, true)).toBe(false);
    expect(dimClass(null, true)).toBe(' is-evidence-dimmed');
    expect(dimClass({ level: 'assumed' }, true)).toBe('');
  });
  it('counts assumed touchpoints, non-blank pain points and opportunities, and lane items', () => {
    const n = countAssumptions(
      snap({
        touchpoints: [
          {
            evidence: { level: 'assumed' },
            painPoints: ['a', ' ', 'c'],
            painPointEvidence: [{ level: 'assumed' }, { level: 'assumed' }, null],
            opportunities: ['x'],
            opportunityEvidence: [{ level: 'assumed' }],
          },
          { evidence: { level: 'observed' }, painPoints: [], opportunities: [] },
        ],
        grid: { items: [{ evidence: { level: 'assumed' } }, {}] },
      }),
    );
    expect(n).toBe(4);
  });
});
