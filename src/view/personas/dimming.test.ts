import { describe, expect, it } from 'vitest';
import type { Touchpoint } from '../../model/types';
import { dimmedTouchpoints } from './dimming';

const tp = (id: string, extra: Partial<Touchpoint> = {}) =>
  ({
    id,
    from: 'a',
    to: 'b',
    action: id,
    painPoints: [],
    opportunities: [],
    kpiIds: [],
    ...extra,
  }) as unknown as Touchpoint;

const tps = [
  tp('all'),
  tp('marco', { personas: ['marco'] }),
  tp('assumed', { evidence: { level: 'assumed' } }),
  tp('family-assumed', { personas: ['family'], evidence: { level: 'assumed' } }),
];

describe('dimmedTouchpoints (the canvas texts follow their edges)', () => {
  it('dims nothing with no focus and no filter', () => {
    expect(dimmedTouchpoints(tps, null, false).size).toBe(0);
  });
  it('dims what does not concern the focused persona', () => {
    expect([...dimmedTouchpoints(tps, 'family', false)]).toEqual(['marco']);
  });
  it('dims what is not an assumption under the filter, and adds the focus', () => {
    expect([...dimmedTouchpoints(tps, null, true)]).toEqual(['all', 'marco']);
    expect([...dimmedTouchpoints(tps, 'marco', true)].sort()).toEqual([
      'all',
      'family-assumed',
      'marco',
    ]);
  });
});
