/** A company on the starting-point chart: our own (id "self") or a competitor (schema and restore(): see README.md). */
import { MAX_ID_CHARS, MAX_STRATEGY_TEXT_CHARS } from '../limits';
import type { FieldLimit } from './field-limits';

export const COMPANY_SCORE_LIMITS = {
  id: { chars: MAX_ID_CHARS },
  name: { chars: MAX_STRATEGY_TEXT_CHARS },
  digitalCompetence: { min: 1, max: 5, integer: true },
  serviceCulture: { min: 1, max: 5, integer: true },
} as const satisfies Record<string, FieldLimit>;
