/** The channel-cost model (schema and restore(): see README.md). */
import { MAX_AMOUNT, MAX_RESPONSE_TARGET_MINUTES, MAX_STRATEGY_TEXT_CHARS } from '../limits';
import type { CostModel } from '../types';
import { num, text, type RepairLog } from './support/fields';
import { NO_REPAIRS, type Mutable, type Restored } from './support/repair';
import { extraOf, fieldsOf, own } from './support/source';
import type { FieldLimit } from './support/field-limits';

export const COST_MODEL_LIMITS = {
  phoneContactCost: { min: 0, max: MAX_AMOUNT },
  currency: { chars: MAX_STRATEGY_TEXT_CHARS },
  shiftPct: { min: 0, max: 100 },
  responseTargetMinutes: { min: 0, max: MAX_RESPONSE_TARGET_MINUTES },
} as const satisfies Record<string, FieldLimit>;

/**
 * Characters the cost model's currency input takes: an ISO 4217 code (EUR, USD), what
 * `Intl.NumberFormat` formats. Deliberately tighter than `COST_MODEL_LIMITS.currency`: the record
 * keeps any longer text a peer or an import stored (shown as typed, see view/strategy/inputs.ts).
 */
export const CURRENCY_CODE_CHARS = 3;

const KNOWN: ReadonlySet<string> = new Set(Object.keys(COST_MODEL_LIMITS));

/** Any value as the map's cost model (a singleton: `strategy.costModel`). */
export function restoreCostModel(raw: unknown): Restored<CostModel> {
  const log: RepairLog = [];
  const o = fieldsOf(raw, log) ?? {};
  const L = COST_MODEL_LIMITS;
  const value: Mutable<CostModel> = {};
  const cost = num(
    own(o, 'phoneContactCost'),
    'phoneContactCost',
    L.phoneContactCost,
    undefined,
    log,
  );
  if (cost !== undefined) value.phoneContactCost = cost;
  const currency = text(own(o, 'currency'), 'currency', L.currency, undefined, log);
  if (currency !== undefined) value.currency = currency;
  const shift = num(own(o, 'shiftPct'), 'shiftPct', L.shiftPct, undefined, log);
  if (shift !== undefined) value.shiftPct = shift;
  const minutes = num(
    own(o, 'responseTargetMinutes'),
    'responseTargetMinutes',
    L.responseTargetMinutes,
    undefined,
    log,
  );
  if (minutes !== undefined) value.responseTargetMinutes = minutes;
  const extra = extraOf(o, KNOWN, log);
  if (extra !== undefined) value.extra = extra;
  return { value, repaired: log.length === 0 ? NO_REPAIRS : log };
}
