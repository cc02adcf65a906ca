/** The result row every benchmark module returns, as written to bench/results/latest.json. */
export interface BenchRow {
  name: string;
  unit: string;
  value: number;
  /** What the value is compared with (a bare library page, a stock component…). */
  reference: string;
  referenceValue: number;
  /** value / referenceValue; ≤ MAX_RATIO passes. */
  ratio: number;
  /** Absolute ceiling on value in `unit`, when the issue sets one (e.g. p95 drag < 16.7 ms). */
  maxValue?: number;
}

/** Every row's target: ours at most 20 % slower than the reference (issue 3). */
export const MAX_RATIO = 1.2;

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

export function row(
  name: string,
  unit: string,
  value: number,
  reference: string,
  referenceValue: number,
  maxValue?: number,
): BenchRow {
  return {
    name,
    unit,
    value: round(value),
    reference,
    referenceValue: round(referenceValue),
    ratio: round(value / referenceValue, 3),
    ...(maxValue !== undefined ? { maxValue } : {}),
  };
}

/** Pass when the ratio and (if set) the absolute ceiling hold. */
export function passes(r: BenchRow): boolean {
  const ratioOk = Number.isFinite(r.ratio) ? r.ratio <= MAX_RATIO : r.value <= r.referenceValue;
  return ratioOk && (r.maxValue === undefined || r.value < r.maxValue);
}

export function targetText(r: BenchRow): string {
  return `ratio ≤ ${MAX_RATIO}${r.maxValue !== undefined ? `, < ${r.maxValue} ${r.unit}` : ''}`;
}
