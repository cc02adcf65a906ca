/** A touchpoint: one contact between customer and company, a link between two nodes (schema and restore(): see README.md). */
import {
  MAX_AMOUNT,
  MAX_ID_CHARS,
  MAX_LABEL_CHARS,
  MAX_LIST_ITEMS,
  MAX_TEXT_CHARS,
} from '../limits';
import type { Emotion, Touchpoint } from '../types';
import type { FieldLimit } from './support/field-limits';
import { list, note, num, ref, text, type RepairLog } from './support/fields';
import { NO_REPAIRS, type Mutable, type Restored } from './support/repair';
import { extraOf, fieldsOf, own } from './support/source';

export const TOUCHPOINT_LIMITS = {
  id: { chars: MAX_ID_CHARS },
  from: { chars: MAX_ID_CHARS },
  to: { chars: MAX_ID_CHARS },
  action: { chars: MAX_TEXT_CHARS },
  painPoints: { items: MAX_LIST_ITEMS, chars: MAX_TEXT_CHARS },
  opportunities: { items: MAX_LIST_ITEMS, chars: MAX_TEXT_CHARS },
  kpiIds: { items: MAX_LIST_ITEMS, chars: MAX_ID_CHARS },
  owner: { chars: MAX_LABEL_CHARS },
  volume: { min: 0, max: MAX_AMOUNT },
  emotion: { min: -2, max: 2, integer: true },
} as const satisfies Record<string, FieldLimit>;

const KNOWN: ReadonlySet<string> = new Set([
  'id',
  ...(Object.keys(TOUCHPOINT_LIMITS) as (keyof typeof TOUCHPOINT_LIMITS)[]),
]);
const NO_ITEMS: readonly string[] = Object.freeze([]);

/**
 * Any value as a touchpoint with id `id`. An end that is not a usable id becomes '' (the
 * reader hides a touchpoint whose ends are not both nodes, as for a dangling one).
 */
export function restoreTouchpoint(raw: unknown, id: string): Restored<Touchpoint> {
  const log: RepairLog = [];
  const o = fieldsOf(raw, log) ?? {};
  const L = TOUCHPOINT_LIMITS;
  const value: Mutable<Touchpoint> = {
    id,
    from: end(own(o, 'from'), 'from', log),
    to: end(own(o, 'to'), 'to', log),
    action: text(own(o, 'action'), 'action', L.action, '', log),
    painPoints: list(own(o, 'painPoints'), 'painPoints', L.painPoints, NO_ITEMS, log),
    opportunities: list(own(o, 'opportunities'), 'opportunities', L.opportunities, NO_ITEMS, log),
    kpiIds: list(own(o, 'kpiIds'), 'kpiIds', L.kpiIds, NO_ITEMS, log, true),
  };
  const emotion = num(own(o, 'emotion'), 'emotion', L.emotion, undefined, log);
  if (emotion !== undefined) value.emotion = emotion as Emotion; // whole and in -2..2: an Emotion
  const owner = text(own(o, 'owner'), 'owner', L.owner, undefined, log);
  if (owner !== undefined) value.owner = owner;
  const volume = num(own(o, 'volume'), 'volume', L.volume, undefined, log);
  if (volume !== undefined) value.volume = volume;
  const extra = extraOf(o, KNOWN, log);
  if (extra !== undefined) value.extra = extra;
  return { value, repaired: log.length === 0 ? NO_REPAIRS : log };
}

function end(v: unknown, field: string, log: RepairLog): string {
  const id = ref(v, field, TOUCHPOINT_LIMITS[field as 'from'], log);
  if (id === undefined && v === undefined) note(log, field, 'missing', 'missing');
  return id ?? '';
}
