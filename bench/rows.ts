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
  /** This row's ratio target when its issue sets another than MAX_RATIO (decks: 1.0). */
  maxRatio?: number;
  /**
   * Across the runs of a multi-run bench (spread.ts): value, referenceValue and ratio above
   * are the medians; a row passes when its worst run does.
   */
  spread?: RowSpread;
  /** The bench module that measured it (run.ts): its runs' machine is in `conditions`. */
  module?: string;
}

export interface RowSpread {
  readonly runs: number;
  readonly ratioMin: number;
  readonly ratioMax: number;
  readonly valueMin: number;
  readonly valueMax: number;
  /** Each run's ratio and value, by run number (a run whose module failed is absent). */
  readonly perRun?: readonly RunFigure[];
}

export interface RunFigure {
  readonly run: number;
  readonly ratio: number;
  readonly value: number;
}

/** The default target: ours at most 20 % slower than the reference (issue 3). */
export const MAX_RATIO = 1.2;

/**
 * The maxRatio of a row whose ratio is shown but is not a target (its target is an absolute
 * ceiling, or it shows a state the product keeps from happening): a bound no run reaches.
 */
export const NOT_A_TARGET = 1000;

/** The ratio a row must stay at or under. */
export const ratioTarget = (r: BenchRow): number => r.maxRatio ?? MAX_RATIO;
/** The worst run's ratio and value (lower is better for every row). */
export const worstRatio = (r: BenchRow): number => r.spread?.ratioMax ?? r.ratio;
export const worstValue = (r: BenchRow): number => r.spread?.valueMax ?? r.value;

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

export function row(
  name: string,
  unit: string,
  value: number,
  reference: string,
  referenceValue: number,
  maxValue?: number,
  maxRatio?: number,
): BenchRow {
  return {
    name,
    unit,
    value: round(value),
    reference,
    referenceValue: round(referenceValue),
    ratio: round(value / referenceValue, 3),
    ...(maxValue !== undefined ? { maxValue } : {}),
    ...(maxRatio !== undefined ? { maxRatio } : {}),
  };
}

const middle = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/**
 * A row from paired samples: `values[i]` and `referenceValues[i]` measured back to back. Value
 * and reference are the medians; the ratio is the median of the pairs' ratios, which a drift
 * of the machine over the run moves less than the ratio of the two medians.
 */
export function pairedRow(
  name: string,
  unit: string,
  values: readonly number[],
  reference: string,
  referenceValues: readonly number[],
  maxValue?: number,
  maxRatio?: number,
): BenchRow {
  if (values.length === 0 || values.length !== referenceValues.length)
    throw new Error(`${name}: ${values.length} samples against ${referenceValues.length}`);
  return {
    ...row(name, unit, middle(values), reference, middle(referenceValues), maxValue, maxRatio),
    ratio: round(middle(values.map((v, i) => v / referenceValues[i]!)), 3),
  };
}

/** The ratio target holds (in the worst run). */
export function ratioPasses(r: BenchRow): boolean {
  const ratio = worstRatio(r);
  return Number.isFinite(ratio) ? ratio <= ratioTarget(r) : r.value <= r.referenceValue;
}

/** Pass when the ratio and (if set) the absolute ceiling hold, in the worst run. */
export function passes(r: BenchRow): boolean {
  return ratioPasses(r) && (r.maxValue === undefined || worstValue(r) < r.maxValue);
}

export function targetText(r: BenchRow): string {
  return `ratio ≤ ${ratioTarget(r)}${r.maxValue !== undefined ? `, < ${r.maxValue} ${r.unit}` : ''}`;
}
