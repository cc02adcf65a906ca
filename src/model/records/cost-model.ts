/** The channel-cost model (schema and restore(): see README.md). */
import { MAX_AMOUNT, MAX_RESPONSE_TARGET_MINUTES, MAX_STRATEGY_TEXT_CHARS } from '../limits';
import type { FieldLimit } from './field-limits';

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
