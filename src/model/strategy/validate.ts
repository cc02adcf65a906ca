/**
 * Input checks for the strategy commands. A command refuses a bad value whole (nothing is
 * written) with a `path: message` error, so a view or the server can show exactly what is wrong.
 * Ranges, scores and text lengths are the record kinds' limits (`../records/<kind>.ts`), the
 * same ones the reader restores to and the format publishes.
 */
import {
  CHANNEL_STATUSES,
  KPI_FAMILIES,
  TRAINING_KINDS,
  type ChannelStatus,
  type KpiFamily,
  type TrainingKind,
} from '../types';
import { capList, capText } from '../limits';
import type {
  FieldLimit,
  ListLimit,
  NumberLimit,
  TextLimit,
} from '../records/support/field-limits';

const isListLimit = (l: FieldLimit): l is ListLimit => 'items' in l;
const isTextLimit = (l: FieldLimit): l is TextLimit => 'chars' in l && !isListLimit(l);

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

  /** A score: a whole number inside its limit (`COMPANY_SCORE_LIMITS`: 1 to 5). */
  score(path: string, v: unknown, { min, max }: NumberLimit): void {
    if (v === undefined) return;
    if (!Number.isInteger(v) || (v as number) < min || (v as number) > max)
      this.fail(path, `must be an integer from ${min} to ${max}`);
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

  /** A number inside its field's limit; refused (not clamped) so a typo never saves as the bound. */
  number(path: string, v: unknown, { min, max, integer = false }: NumberLimit): void {
    if (v === undefined) return;
    if (typeof v !== 'number' || !Number.isFinite(v))
      return this.fail(path, 'must be a finite number');
    if (v < min || v > max) return this.fail(path, `must be between ${min} and ${max}`);
    if (integer && !Number.isInteger(v)) this.fail(path, 'must be a whole number');
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

/**
 * A copy of `input` with every text field cut to its limit in `limits` (the record kind's
 * `<KIND>_LIMITS`) and every list to its item count and item length, so a command caps exactly
 * what the reader and the format allow. Fields without a text or list limit (dates, enums) are
 * left for the Checker; keys and `undefined` values are kept as they are ("clear this field").
 */
export function capStrategyTexts<T extends object>(
  input: T,
  limits: Readonly<Record<string, FieldLimit>>,
): T {
  const out: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  for (const [k, v] of Object.entries(out)) {
    const limit = Object.prototype.hasOwnProperty.call(limits, k) ? limits[k] : undefined;
    if (!limit) continue;
    if (typeof v === 'string' && isTextLimit(limit)) out[k] = capText(v, limit);
    else if (Array.isArray(v) && isListLimit(limit) && v.every((x) => typeof x === 'string'))
      out[k] = capList(v, limit);
  }
  return out as T;
}

export const isFamily = (v: unknown): v is KpiFamily => KPI_FAMILIES.includes(v as KpiFamily);
export const isTrainingKind = (v: unknown): v is TrainingKind =>
  TRAINING_KINDS.includes(v as TrainingKind);
export const isChannelStatus = (v: unknown): v is ChannelStatus =>
  CHANNEL_STATUSES.includes(v as ChannelStatus);
