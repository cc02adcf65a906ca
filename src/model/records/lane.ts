/** A content lane of the journey grid (schema and restore(): see README.md). */
import { MAX_ID_CHARS, MAX_LABEL_CHARS, MAX_ORDER } from '../limits';
import { CONTENT_LANE_TYPES, type Lane } from '../types';
import type { FieldLimit } from './support/field-limits';
import { flag, num, oneOf, text, type RepairLog } from './support/fields';
import { NO_REPAIRS, type Mutable, type Restored } from './support/repair';
import { extraOf, fieldsOf, own } from './support/source';

export const LANE_LIMITS = {
  id: { chars: MAX_ID_CHARS },
  title: { chars: MAX_LABEL_CHARS },
  order: { min: -MAX_ORDER, max: MAX_ORDER },
} as const satisfies Record<string, FieldLimit>;

const KNOWN: ReadonlySet<string> = new Set([...Object.keys(LANE_LIMITS), 'type', 'hidden']);

/**
 * Any value as a content lane with id `id`. An unknown type is a text lane (its items stay
 * readable); a missing order sorts it first among lanes without one (0).
 */
export function restoreLane(raw: unknown, id: string): Restored<Lane> {
  const log: RepairLog = [];
  const o = fieldsOf(raw, log) ?? {};
  const L = LANE_LIMITS;
  const value: Mutable<Lane> = {
    id,
    type: oneOf(own(o, 'type'), 'type', CONTENT_LANE_TYPES, 'text', log),
    title: text(own(o, 'title'), 'title', L.title, '', log),
    order: num(own(o, 'order'), 'order', L.order, 0, log),
    hidden: flag(own(o, 'hidden'), 'hidden', log) ?? false,
  };
  const extra = extraOf(o, KNOWN, log);
  if (extra !== undefined) value.extra = extra;
  return { value, repaired: log.length === 0 ? NO_REPAIRS : log };
}
