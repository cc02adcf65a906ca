/** A KPI of step 4 (schema and restore(): see README.md). */
import { MAX_AMOUNT, MAX_ID_CHARS, MAX_LIST_ITEMS, MAX_STRATEGY_TEXT_CHARS } from '../limits';
import { KPI_FAMILIES, type Kpi } from '../types';
import { list, num, oneOf, ref, text, type RepairLog } from './support/fields';
import { NO_REPAIRS, type Mutable, type Restored } from './support/repair';
import { extraOf, fieldsOf, own } from './support/source';
import type { FieldLimit } from './support/field-limits';

export const KPI_LIMITS = {
  id: { chars: MAX_ID_CHARS },
  name: { chars: MAX_STRATEGY_TEXT_CHARS },
  target: { min: -MAX_AMOUNT, max: MAX_AMOUNT },
  unit: { chars: MAX_STRATEGY_TEXT_CHARS },
  frequency: { chars: MAX_STRATEGY_TEXT_CHARS },
  goalId: { chars: MAX_ID_CHARS },
  channelIds: { items: MAX_LIST_ITEMS, chars: MAX_ID_CHARS },
} as const satisfies Record<string, FieldLimit>;

/** Fields a KPI knows; `order` is the doc's place in the list (see company-score.ts). */
const KNOWN: ReadonlySet<string> = new Set([...Object.keys(KPI_LIMITS), 'family', 'order']);
/** Its fields in the format: `extra` never holds them (`order` may be an extra there). */
const FORMAT_FIELDS: ReadonlySet<string> = new Set([...KNOWN].filter((k) => k !== 'order'));

/** Any value as a KPI with id `id`; an unknown family is the first one ('service'). */
export function restoreKpi(raw: unknown, id: string): Restored<Kpi> {
  const log: RepairLog = [];
  const o = fieldsOf(raw, log) ?? {};
  const L = KPI_LIMITS;
  const value: Mutable<Kpi> = {
    id,
    name: text(own(o, 'name'), 'name', L.name, '', log),
    family: oneOf(own(o, 'family'), 'family', KPI_FAMILIES, KPI_FAMILIES[0], log),
  };
  const target = num(own(o, 'target'), 'target', L.target, undefined, log);
  if (target !== undefined) value.target = target;
  const unit = text(own(o, 'unit'), 'unit', L.unit, undefined, log);
  if (unit !== undefined) value.unit = unit;
  const frequency = text(own(o, 'frequency'), 'frequency', L.frequency, undefined, log);
  if (frequency !== undefined) value.frequency = frequency;
  const goalId = ref(own(o, 'goalId'), 'goalId', L.goalId, log);
  if (goalId !== undefined) value.goalId = goalId;
  const channelIds = list(own(o, 'channelIds'), 'channelIds', L.channelIds, undefined, log, true);
  if (channelIds !== undefined) value.channelIds = channelIds;
  const extra = extraOf(o, KNOWN, log, FORMAT_FIELDS);
  if (extra !== undefined) value.extra = extra;
  return { value, repaired: log.length === 0 ? NO_REPAIRS : log };
}
