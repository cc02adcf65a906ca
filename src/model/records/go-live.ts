/** Step 7: the go-live date and the hand-ticked checklist (schema and restore(): see README.md). */
import { MAX_LIST_ITEMS, MAX_STRATEGY_TEXT_CHARS } from '../limits';
import type { FieldLimit } from './field-limits';

export const GO_LIVE_LIMITS = {
  done: { items: MAX_LIST_ITEMS, chars: MAX_STRATEGY_TEXT_CHARS },
} as const satisfies Record<string, FieldLimit>;
