/** One item in a content lane's cell (schema and restore(): see README.md). */
import { MAX_ID_CHARS, MAX_ORDER, MAX_STRATEGY_TEXT_CHARS } from '../limits';
import type { LaneItem } from '../types';
import { restoreEvidence } from './evidence';
import type { FieldLimit } from './support/field-limits';
import { isId, note, num, text, type RepairLog } from './support/fields';
import { NO_REPAIRS, type Mutable, type Restored } from './support/repair';
import { extraOf, fieldsOf, own } from './support/source';

export const LANE_ITEM_LIMITS = {
  id: { chars: MAX_ID_CHARS },
  laneId: { chars: MAX_ID_CHARS },
  stageId: { chars: MAX_ID_CHARS },
  text: { chars: MAX_STRATEGY_TEXT_CHARS },
  order: { min: -MAX_ORDER, max: MAX_ORDER },
} as const satisfies Record<string, FieldLimit>;

const KNOWN: ReadonlySet<string> = new Set([...Object.keys(LANE_ITEM_LIMITS), 'evidence']);

/** A lane or stage reference: '' (belongs nowhere, so the grid does not show it) when unusable. */
function cellRef(v: unknown, field: string, log: RepairLog): string {
  if (isId(v, MAX_ID_CHARS)) return v;
  note(log, field, v === undefined ? 'missing' : 'wrongType', 'not a usable id');
  return '';
}

/**
 * Any value as a lane item with id `id`. An item whose lane or stage is not a usable id keeps
 * its text but is in no cell (`''`); the reader leaves out items whose lane or stage is gone.
 */
export function restoreLaneItem(raw: unknown, id: string): Restored<LaneItem> {
  const log: RepairLog = [];
  const o = fieldsOf(raw, log) ?? {};
  const L = LANE_ITEM_LIMITS;
  const value: Mutable<LaneItem> = {
    id,
    laneId: cellRef(own(o, 'laneId'), 'laneId', log),
    stageId: cellRef(own(o, 'stageId'), 'stageId', log),
    text: text(own(o, 'text'), 'text', L.text, '', log),
    order: num(own(o, 'order'), 'order', L.order, 0, log),
  };
  const evidence = restoreEvidence(own(o, 'evidence'), 'evidence', log);
  if (evidence !== undefined) value.evidence = evidence;
  const extra = extraOf(o, KNOWN, log);
  if (extra !== undefined) value.extra = extra;
  return { value, repaired: log.length === 0 ? NO_REPAIRS : log };
}
