/** The metadata of a map (schema and restore(): see README.md). */
import { MAX_ID_CHARS, MAX_LABEL_CHARS } from '../limits';
import type { FieldLimit } from './field-limits';

export const META_LIMITS = {
  title: { chars: MAX_LABEL_CHARS },
  template: { chars: MAX_ID_CHARS },
  createdAt: { chars: MAX_ID_CHARS },
} as const satisfies Record<string, FieldLimit>;
