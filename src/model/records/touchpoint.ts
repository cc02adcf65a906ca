/** A touchpoint: one contact between customer and company, a link between two nodes (schema and restore(): see README.md). */
import {
  MAX_AMOUNT,
  MAX_ID_CHARS,
  MAX_LABEL_CHARS,
  MAX_LIST_ITEMS,
  MAX_TEXT_CHARS,
} from '../limits';
import type { FieldLimit } from './field-limits';

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
