/** A journey node: stage, channel, device or note (schema and restore(): see README.md). */
import {
  MAX_COORDINATE_PX,
  MAX_ID_CHARS,
  MAX_LABEL_CHARS,
  MAX_NODE_SIZE_PX,
  MAX_NODES,
  MAX_TEXT_CHARS,
} from '../limits';
import {
  CHANNEL_TYPES,
  DEVICE_TYPES,
  NODE_KINDS,
  type JourneyNode,
  type NodeBase,
  type NodeKind,
  type StageNode,
  type ChannelNode,
  type DeviceNode,
} from '../types';
import type { FieldLimit } from './support/field-limits';
import { color, num, oneOf, text, type RepairLog } from './support/fields';
import { NO_REPAIRS, type Mutable, type Restored } from './support/repair';
import { extraOf, fieldsOf, own } from './support/source';

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

const NODE_KEYS = ['id', 'kind', 'label', 'x', 'y', 'w', 'h', 'description', 'color'] as const;
/** The fields a node of each kind knows; any other field goes to `extra`. */
const KNOWN: Record<NodeKind, ReadonlySet<string>> = {
  stage: new Set([...NODE_KEYS, 'order']),
  channel: new Set([...NODE_KEYS, 'channelType']),
  device: new Set([...NODE_KEYS, 'deviceType']),
  note: new Set(NODE_KEYS),
};

/**
 * The fields of each kind in the strategy-map format (position and size are objects there):
 * `extra` never holds them, while `x`, `y`, `w`, `h` may be extras of a file.
 */
const FORMAT_NODE_KEYS = ['id', 'kind', 'label', 'position', 'size', 'description', 'color'];
const FORMAT_FIELDS: Record<NodeKind, ReadonlySet<string>> = {
  stage: new Set([...FORMAT_NODE_KEYS, 'order']),
  channel: new Set([...FORMAT_NODE_KEYS, 'channelType']),
  device: new Set([...FORMAT_NODE_KEYS, 'deviceType']),
  note: new Set(FORMAT_NODE_KEYS),
};

/** The fields only one kind has. */
type KindFields = Pick<StageNode, 'order'> &
  Pick<ChannelNode, 'channelType'> &
  Pick<DeviceNode, 'deviceType'>;

/**
 * Any value as a node with id `id` (a usable id: the caller checks it with `isId`). An unknown
 * kind is a note; a missing position is 0,0; a stage without an order is 1.
 */
export function restoreNode(raw: unknown, id: string): Restored<JourneyNode> {
  const log: RepairLog = [];
  const o = fieldsOf(raw, log) ?? {};
  const L = NODE_LIMITS;
  const kind = oneOf(own(o, 'kind'), 'kind', NODE_KINDS, 'note', log);
  const w = num(own(o, 'w'), 'w', L.w, undefined, log);
  const h = num(own(o, 'h'), 'h', L.h, undefined, log);
  const description = text(own(o, 'description'), 'description', L.description, undefined, log);
  const colour = color(own(o, 'color'), 'color', log);
  const extra = extraOf(o, KNOWN[kind], log, FORMAT_FIELDS[kind]);
  const base: Mutable<NodeBase> = {
    id,
    kind,
    label: text(own(o, 'label'), 'label', L.label, '', log),
    x: num(own(o, 'x'), 'x', L.x, 0, log),
    y: num(own(o, 'y'), 'y', L.y, 0, log),
  };
  // Absent stays absent (not `undefined`): snapshots compare and export field by field.
  if (w !== undefined) base.w = w;
  if (h !== undefined) base.h = h;
  if (description !== undefined) base.description = description;
  if (colour !== undefined) base.color = colour;
  if (extra !== undefined) base.extra = extra;
  // The kind's own field goes on the same object (no copy per record: the fast path).
  const value: Mutable<NodeBase & Partial<KindFields>> = base;
  if (kind === 'stage') value.order = num(own(o, 'order'), 'order', L.order, 1, log);
  else if (kind === 'channel')
    value.channelType = oneOf(own(o, 'channelType'), 'channelType', CHANNEL_TYPES, 'other', log);
  else if (kind === 'device')
    value.deviceType = oneOf(own(o, 'deviceType'), 'deviceType', DEVICE_TYPES, 'other', log);
  return { value: value as JourneyNode, repaired: log.length === 0 ? NO_REPAIRS : log };
}
