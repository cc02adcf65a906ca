/**
 * Several runs of the bench as one set of rows (issue 20): each row's value, reference value
 * and ratio are the medians of its runs, with the min–max of ratio and value in `spread`; a
 * row passes when its worst run does (rows.ts). Rows keep the order of their first run; a row
 * absent from some runs (its module failed once) is merged from the runs that have it.
 */
import type { BenchRow } from './rows';

/** Runs of every module when BENCH_RUNS is not set. */
export const DEFAULT_RUNS = 3;

/** BENCH_RUNS as a whole number ≥ 1; throws a clear error for anything else. */
export function runsFrom(env: string | undefined): number {
  if (env === undefined || env === '') return DEFAULT_RUNS;
  const n = Number(env);
  if (!Number.isInteger(n) || n < 1 || n > 20)
    throw new Error(`BENCH_RUNS: expected a whole number from 1 to 20, got "${env}"`);
  return n;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * `runNumbers[i]` is the run that gave `runs[i]` (1, 2, 3 unless a run failed and is absent):
 * each row's `spread.perRun` keeps it, so a run's figures can be read beside its machine.
 */
export function mergeRuns(
  runs: readonly (readonly BenchRow[])[],
  runNumbers: readonly number[] = runs.map((_, i) => i + 1),
): BenchRow[] {
  const byName = new Map<string, { row: BenchRow; run: number }[]>();
  runs.forEach((rows, i) => {
    for (const row of rows) {
      const entry = { row, run: runNumbers[i] ?? i + 1 };
      const list = byName.get(row.name);
      if (list) list.push(entry);
      else byName.set(row.name, [entry]);
    }
  });
  return [...byName.values()].map((entries) => {
    const list = entries.map((e) => e.row);
    const first = list[0]!;
    if (list.length === 1 && runs.length === 1) return first;
    const ratios = list.map((r) => r.ratio);
    const values = list.map((r) => r.value);
    return {
      ...first,
      value: round(median(values), 2),
      referenceValue: round(median(list.map((r) => r.referenceValue)), 2),
      ratio: round(median(ratios), 3),
      spread: {
        runs: list.length,
        ratioMin: Math.min(...ratios),
        ratioMax: Math.max(...ratios),
        valueMin: Math.min(...values),
        valueMax: Math.max(...values),
        perRun: entries.map((e) => ({ run: e.run, ratio: e.row.ratio, value: e.row.value })),
      },
    };
  });
}
