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

/** Longest free text a strategy field keeps (titles, reasons, benefits). */
export const MAX_STRATEGY_TEXT_CHARS = 500;
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
    if (required && v.trim() === '') return this.fail(path, 'must not be empty');
    if (v.length > MAX_STRATEGY_TEXT_CHARS) this.fail(path, `must be at most ${MAX_STRATEGY_TEXT_CHARS} characters`);
  }

  score(path: string, v: unknown): void {
    if (v === undefined) return;
    if (!Number.isInteger(v) || (v as number) < 1 || (v as number) > 5) this.fail(path, 'must be an integer from 1 to 5');
  }

  /** ISO calendar date YYYY-MM-DD that exists (no 2027-02-30). */
  date(path: string, v: unknown): void {
    if (v === undefined) return;
    if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return this.fail(path, 'must be a date YYYY-MM-DD');
    const d = new Date(`${v}T00:00:00Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) this.fail(path, 'is not a real date');
  }

  number(path: string, v: unknown, min = 0, max = MAX_STRATEGY_NUMBER): void {
    if (v === undefined) return;
    if (typeof v !== 'number' || !Number.isFinite(v)) return this.fail(path, 'must be a finite number');
    if (v < min || v > max) this.fail(path, `must be between ${min} and ${max}`);
  }

  oneOf<T extends string>(path: string, v: unknown, allowed: readonly T[], { required = false } = {}): void {
    if (v === undefined && !required) return;
    if (!allowed.includes(v as T)) this.fail(path, `must be one of ${allowed.join(', ')}`);
  }

  ids(path: string, v: unknown): void {
    if (v === undefined) return;
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) this.fail(path, 'must be a list of ids');
  }

  done(): void {
    if (this.issues.length) throw new StrategyInputError(this.issues);
  }
}

export const isFamily = (v: unknown): v is KpiFamily => KPI_FAMILIES.includes(v as KpiFamily);
export const isTrainingKind = (v: unknown): v is TrainingKind => TRAINING_KINDS.includes(v as TrainingKind);
export const isChannelStatus = (v: unknown): v is ChannelStatus => CHANNEL_STATUSES.includes(v as ChannelStatus);
