import { describe, expect, it } from 'vitest';
import { pairedRow } from './rows';

describe('pairedRow', () => {
  it('takes the medians as figures and the median of the pairs’ ratios as the ratio', () => {
    // A drift: both halves of each pair slow down together over the run.
    const ours = [10, 20, 30, 40, 50];
    const ref = [10, 21, 33, 44, 100];
    const r = pairedRow('x', 'ms', ours, 'ref', ref, undefined, 1);
    expect(r.value).toBe(30);
    expect(r.referenceValue).toBe(33);
    // Pair ratios 1, 0.952, 0.909, 0.909, 0.5: median 0.909 (the medians' ratio is 0.909 too
    // here; below, they differ).
    expect(r.ratio).toBe(0.909);
    const even = pairedRow('y', 'ms', [1, 4], 'ref', [2, 2]);
    expect(even.value).toBe(2.5);
    expect(even.ratio).toBe(1.25); // median of 0.5 and 2
    expect(pairedRow('z', 'ms', [5, 5, 9], 'ref', [5, 9, 9]).ratio).toBe(1); // medians: 5/9
    expect(r.maxRatio).toBe(1);
  });

  it('refuses samples that do not pair up', () => {
    expect(() => pairedRow('x', 'ms', [1, 2], 'ref', [1])).toThrow(/2 samples against 1/);
    expect(() => pairedRow('x', 'ms', [], 'ref', [])).toThrow();
  });
});
