/** A training session of step 6 (schema and restore(): see README.md). */
import { MAX_ID_CHARS, MAX_STRATEGY_TEXT_CHARS } from '../limits';
import type { FieldLimit } from './field-limits';

export const TRAINING_LIMITS = {
  id: { chars: MAX_ID_CHARS },
  topic: { chars: MAX_STRATEGY_TEXT_CHARS },
  audience: { chars: MAX_STRATEGY_TEXT_CHARS },
} as const satisfies Record<string, FieldLimit>;
