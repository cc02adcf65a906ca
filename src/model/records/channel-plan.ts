/** The step-3 plan of one channel node (schema and restore(): see README.md). */
import { MAX_AMOUNT, MAX_TEXT_CHARS } from '../limits';
import type { FieldLimit } from './field-limits';

export const CHANNEL_PLAN_LIMITS = {
  preferencePct: { min: 0, max: 100 },
  reason: { chars: MAX_TEXT_CHARS },
  monthlyVolume: { min: 0, max: MAX_AMOUNT },
  relativeCost: { min: 0, max: MAX_AMOUNT },
} as const satisfies Record<string, FieldLimit>;
