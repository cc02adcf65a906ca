/** A business goal of step 2 (schema and restore(): see README.md). */
import { MAX_ID_CHARS, MAX_STRATEGY_TEXT_CHARS, MAX_TEXT_CHARS } from '../limits';
import type { Goal } from '../types';
import { date, text, type RepairLog } from './support/fields';
import { NO_REPAIRS, type Mutable, type Restored } from './support/repair';
import { extraOf, fieldsOf, own } from './support/source';
import type { FieldLimit } from './support/field-limits';

export const GOAL_LIMITS = {
  id: { chars: MAX_ID_CHARS },
  title: { chars: MAX_STRATEGY_TEXT_CHARS },
  preset: { chars: MAX_STRATEGY_TEXT_CHARS },
  target: { chars: MAX_STRATEGY_TEXT_CHARS },
  benefit: { chars: MAX_TEXT_CHARS },
} as const satisfies Record<string, FieldLimit>;

/** Fields a goal knows; `order` is the doc's place in the list (see company-score.ts). */
const KNOWN: ReadonlySet<string> = new Set([...Object.keys(GOAL_LIMITS), 'deadline', 'order']);
/** Its fields in the format: `extra` never holds them (`order` may be an extra there). */
const FORMAT_FIELDS: ReadonlySet<string> = new Set([...KNOWN].filter((k) => k !== 'order'));

/** Any value as a goal with id `id`. */
export function restoreGoal(raw: unknown, id: string): Restored<Goal> {
  const log: RepairLog = [];
  const o = fieldsOf(raw, log) ?? {};
  const L = GOAL_LIMITS;
  const value: Mutable<Goal> = { id, title: text(own(o, 'title'), 'title', L.title, '', log) };
  const preset = text(own(o, 'preset'), 'preset', L.preset, undefined, log);
  if (preset !== undefined) value.preset = preset;
  const target = text(own(o, 'target'), 'target', L.target, undefined, log);
  if (target !== undefined) value.target = target;
  const deadline = date(own(o, 'deadline'), 'deadline', log);
  if (deadline !== undefined) value.deadline = deadline;
  const benefit = text(own(o, 'benefit'), 'benefit', L.benefit, undefined, log);
  if (benefit !== undefined) value.benefit = benefit;
  const extra = extraOf(o, KNOWN, log, FORMAT_FIELDS);
  if (extra !== undefined) value.extra = extra;
  return { value, repaired: log.length === 0 ? NO_REPAIRS : log };
}
