/** A journey node: stage, channel, device or note (schema and restore(): see README.md). */
import {
  MAX_COORDINATE_PX,
  MAX_ID_CHARS,
  MAX_LABEL_CHARS,
  MAX_NODE_SIZE_PX,
  MAX_NODES,
  MAX_TEXT_CHARS,
} from '../limits';
import type { FieldLimit } from './field-limits';

export const NODE_LIMITS = {
  id: { chars: MAX_ID_CHARS },
  label: { chars: MAX_LABEL_CHARS },
  description: { chars: MAX_TEXT_CHARS },
  x: { min: -MAX_COORDINATE_PX, max: MAX_COORDINATE_PX, integer: true },
  y: { min: -MAX_COORDINATE_PX, max: MAX_COORDINATE_PX, integer: true },
  w: { min: 1, max: MAX_NODE_SIZE_PX, integer: true },
  h: { min: 1, max: MAX_NODE_SIZE_PX, integer: true },
  order: { min: -MAX_NODES, max: MAX_NODES, integer: true },
} as const satisfies Record<string, FieldLimit>;
