/** A KPI of step 4 (schema and restore(): see README.md). */
import { MAX_AMOUNT, MAX_ID_CHARS, MAX_LIST_ITEMS, MAX_STRATEGY_TEXT_CHARS } from '../limits';
import type { FieldLimit } from './field-limits';

export const KPI_LIMITS = {
  id: { chars: MAX_ID_CHARS },
  name: { chars: MAX_STRATEGY_TEXT_CHARS },
  target: { min: -MAX_AMOUNT, max: MAX_AMOUNT },
  unit: { chars: MAX_STRATEGY_TEXT_CHARS },
  frequency: { chars: MAX_STRATEGY_TEXT_CHARS },
  goalId: { chars: MAX_ID_CHARS },
  channelIds: { items: MAX_LIST_ITEMS, chars: MAX_ID_CHARS },
} as const satisfies Record<string, FieldLimit>;
