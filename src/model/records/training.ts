/** A training session of step 6 (schema and restore(): see README.md). */
import { MAX_ID_CHARS, MAX_STRATEGY_TEXT_CHARS } from '../limits';
import { TRAINING_KINDS, type TrainingSession } from '../types';
import { date, oneOf, text, type RepairLog } from './support/fields';
import { NO_REPAIRS, type Mutable, type Restored } from './support/repair';
import { extraOf, fieldsOf, own } from './support/source';
import type { FieldLimit } from './support/field-limits';

export const TRAINING_LIMITS = {
  id: { chars: MAX_ID_CHARS },
  topic: { chars: MAX_STRATEGY_TEXT_CHARS },
  audience: { chars: MAX_STRATEGY_TEXT_CHARS },
} as const satisfies Record<string, FieldLimit>;

/** Fields a session knows; `order` is the doc's place in the list (see company-score.ts). */
const KNOWN: ReadonlySet<string> = new Set([
  ...Object.keys(TRAINING_LIMITS),
  'kind',
  'due',
  'order',
]);
/** Its fields in the format: `extra` never holds them (`order` may be an extra there). */
const FORMAT_FIELDS: ReadonlySet<string> = new Set([...KNOWN].filter((k) => k !== 'order'));

/** Any value as a training session with id `id`; an unknown kind is the first ('technical'). */
export function restoreTraining(raw: unknown, id: string): Restored<TrainingSession> {
  const log: RepairLog = [];
  const o = fieldsOf(raw, log) ?? {};
  const L = TRAINING_LIMITS;
  const value: Mutable<TrainingSession> = {
    id,
    topic: text(own(o, 'topic'), 'topic', L.topic, '', log),
    kind: oneOf(own(o, 'kind'), 'kind', TRAINING_KINDS, TRAINING_KINDS[0], log),
  };
  const audience = text(own(o, 'audience'), 'audience', L.audience, undefined, log);
  if (audience !== undefined) value.audience = audience;
  const due = date(own(o, 'due'), 'due', log);
  if (due !== undefined) value.due = due;
  const extra = extraOf(o, KNOWN, log, FORMAT_FIELDS);
  if (extra !== undefined) value.extra = extra;
  return { value, repaired: log.length === 0 ? NO_REPAIRS : log };
}
