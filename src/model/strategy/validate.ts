/**
 * Input checks for the strategy commands. A command refuses a bad value whole (nothing is
 * written) with a `path: message` error, so a view or the server can show exactly what is wrong.
 */
import {
  CHANNEL_STATUSES,
  KPI_FAMILIES,
  TRAINING_KINDS,
  type ChannelStatus,
  type KpiFamily,
  type TrainingKind,
} from '../types';
import { capText, MAX_LIST_ITEMS, MAX_STRATEGY_TEXT_CHARS, MAX_TEXT_CHARS } from '../limits';

/** Longest short text a strategy field keeps (names, titles, targets); commands cap to it. */
export { MAX_STRATEGY_TEXT_CHARS };
/** Largest volume or cost a field accepts: keeps sums finite and the chart readable. */
export const MAX_STRATEGY_NUMBER = 1e12;

export interface InputIssue {
  readonly path: string;
  readonly message: string;
}

export class StrategyInputError extends Error {
  constructor(readonly issues: readonly InputIssue[]) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join('; '));
    this.name = 'StrategyInputError';
  }
}

/** Collects issues for one command's input; `done()` throws when there is any. */
export class Checker {
  private readonly issues: InputIssue[] = [];

  private fail(path: string, message: string): void {
    this.issues.push({ path, message });
  }

  text(path: string, v: unknown, { required = false } = {}): void {
    if (v === undefined && !required) return;
    if (typeof v !== 'string') return this.fail(path, 'must be a string');
    // Length is not checked: the commands cap texts first (capStrategyTexts), like the editor's.
    if (required && v.trim() === '') this.fail(path, 'must not be empty');
  }

  score(path: string, v: unknown): void {
    if (v === undefined) return;
    if (!Number.isInteger(v) || (v as number) < 1 || (v as number) > 5)
      this.fail(path, 'must be an integer from 1 to 5');
  }

  /** ISO calendar date YYYY-MM-DD that exists (no 2027-02-30). */
  date(path: string, v: unknown): void {
    if (v === undefined) return;
    if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v))
      return this.fail(path, 'must be a date YYYY-MM-DD');
    const d = new Date(`${v}T00:00:00Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v)
      this.fail(path, 'is not a real date');
  }

  number(path: string, v: unknown, min = 0, max = MAX_STRATEGY_NUMBER): void {
    if (v === undefined) return;
    if (typeof v !== 'number' || !Number.isFinite(v))
      return this.fail(path, 'must be a finite number');
    if (v < min || v > max) this.fail(path, `must be between ${min} and ${max}`);
  }

  oneOf<T extends string>(
    path: string,
    v: unknown,
    allowed: readonly T[],
    { required = false } = {},
  ): void {
    if (v === undefined && !required) return;
    if (!allowed.includes(v as T)) this.fail(path, `must be one of ${allowed.join(', ')}`);
  }

  ids(path: string, v: unknown): void {
    if (v === undefined) return;
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))
      this.fail(path, 'must be a list of ids');
  }

  done(): void {
    if (this.issues.length) throw new StrategyInputError(this.issues);
  }
}

/** Strategy fields that hold a long free text; every other string field is a short text. */
const LONG_TEXT_FIELDS: ReadonlySet<string> = new Set(['benefit', 'reason']);

/**
 * A copy of `input` with every string field cut to what the strategy-map format carries
 * (limits.ts): long texts to MAX_TEXT_CHARS, the rest to MAX_STRATEGY_TEXT_CHARS. Keys and
 * `undefined` values are kept as they are ("clear this field").
 */
export function capStrategyTexts<T extends object>(input: T): T {
  const out: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  for (const [k, v] of Object.entries(out)) {
    if (typeof v === 'string')
      out[k] = capText(v, LONG_TEXT_FIELDS.has(k) ? MAX_TEXT_CHARS : MAX_STRATEGY_TEXT_CHARS);
    else if (k === 'channelIds' && Array.isArray(v)) out[k] = v.slice(0, MAX_LIST_ITEMS);
  }
  return out as T;
}

export const isFamily = (v: unknown): v is KpiFamily => KPI_FAMILIES.includes(v as KpiFamily);
export const isTrainingKind = (v: unknown): v is TrainingKind =>
  TRAINING_KINDS.includes(v as TrainingKind);
export const isChannelStatus = (v: unknown): v is ChannelStatus =>
  CHANNEL_STATUSES.includes(v as ChannelStatus);
