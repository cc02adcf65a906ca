/** A business goal of step 2 (schema and restore(): see README.md). */
import { MAX_ID_CHARS, MAX_STRATEGY_TEXT_CHARS, MAX_TEXT_CHARS } from '../limits';
import type { FieldLimit } from './field-limits';

export const GOAL_LIMITS = {
  id: { chars: MAX_ID_CHARS },
  title: { chars: MAX_STRATEGY_TEXT_CHARS },
  preset: { chars: MAX_STRATEGY_TEXT_CHARS },
  target: { chars: MAX_STRATEGY_TEXT_CHARS },
  benefit: { chars: MAX_TEXT_CHARS },
} as const satisfies Record<string, FieldLimit>;
