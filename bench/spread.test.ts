/** Several runs as one row: medians, min–max, and a pass only when the worst run passes. */
import { describe, expect, it } from 'vitest';
import { passes, row } from './rows';
import { median, mergeRuns, runsFrom } from './spread';
import { formatTable } from './table';

const run = (ratio: number, value = ratio * 10) => row('r', 'ms', value, 'ref', value / ratio);

describe('bench spread', () => {
  it('takes medians of value, reference and ratio, and keeps min–max', () => {
    const [r] = mergeRuns([[run(1.1, 11)], [run(0.9, 9)], [run(1.0, 10)]]);
    expect(r!.ratio).toBe(1);
    expect(r!.value).toBe(10);
    expect(r!.referenceValue).toBe(10);
    expect(r!.spread).toEqual({
      runs: 3,
      ratioMin: 0.9,
      ratioMax: 1.1,
      valueMin: 9,
      valueMax: 11,
      perRun: [
        { run: 1, ratio: 1.1, value: 11 },
        { run: 2, ratio: 0.9, value: 9 },
        { run: 3, ratio: 1, value: 10 },
      ],
    });
  });

  it('keeps the run number of each run’s figures when a run failed', () => {
    const [r] = mergeRuns([[run(1.1, 11)], [run(1.0, 10)]], [1, 3]);
    expect(r!.spread?.perRun).toEqual([
      { run: 1, ratio: 1.1, value: 11 },
      { run: 3, ratio: 1, value: 10 },
    ]);
  });

  it('fails a row whose median passes but whose worst run misses', () => {
    const [r] = mergeRuns([[run(1.0)], [run(1.1)], [run(1.3)]]);
    expect(r!.ratio).toBe(1.1);
    expect(passes(r!)).toBe(false);
    const [ok] = mergeRuns([[run(1.0)], [run(1.1)], [run(1.15)]]);
    expect(passes(ok!)).toBe(true);
  });

  it('judges an absolute ceiling on the worst value', () => {
    const ceiling = (v: number) => row('drag p95', 'ms', v, 'bare', 40, 16.7);
    const [r] = mergeRuns([[ceiling(15)], [ceiling(15.5)], [ceiling(19.6)]]);
    expect(r!.value).toBe(15.5);
    expect(passes(r!)).toBe(false);
  });

  it('uses a row’s own ratio target', () => {
    expect(passes(row('deck', 'ms', 11, 'png', 10, undefined, 1.0))).toBe(false);
    expect(passes(row('deck', 'ms', 11, 'png', 10))).toBe(true);
  });

  it('merges a row absent from one run from the runs that have it, in first-run order', () => {
    const a = (x: number) => row('a', 'ms', x, 'ref', 10);
    const b = (x: number) => row('b', 'ms', x, 'ref', 10);
    const merged = mergeRuns([[a(10), b(10)], [a(12)], [a(11), b(14)]]);
    expect(merged.map((r) => [r.name, r.spread?.runs])).toEqual([
      ['a', 3],
      ['b', 2],
    ]);
    expect(merged[1]!.value).toBe(12);
  });

  it('prints the spread beside the median ratio', () => {
    const table = formatTable(mergeRuns([[run(1.0)], [run(1.1)], [run(0.95)]]));
    expect(table).toContain('1 (0.95–1.1)');
  });

  it('reads BENCH_RUNS strictly', () => {
    expect(runsFrom(undefined)).toBe(3);
    expect(runsFrom('1')).toBe(1);
    expect(() => runsFrom('two')).toThrow(/BENCH_RUNS: expected a whole number/);
    expect(() => runsFrom('0')).toThrow(/BENCH_RUNS/);
    expect(median([3, 1, 2, 10])).toBe(2.5);
  });
});
