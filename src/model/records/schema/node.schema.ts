/** The zod schema of a restored node (snapshot form): what `restoreNode` returns satisfies it. */
import { z } from 'zod';
import {
  CHANNEL_TYPES,
  DEVICE_TYPES,
  type ChannelNode,
  type DeviceNode,
  type NoteNode,
  type StageNode,
} from '../../types';
import { colour, extra, id, label, numberOf, text } from '../support/fields.schema';
import { NODE_LIMITS as L } from '../node';
import type { Assert, Out, Same, Typed } from '../support/type-checks';

const base = {
  id,
  label: label,
  x: numberOf(L.x),
  y: numberOf(L.y),
  w: numberOf(L.w).optional(),
  h: numberOf(L.h).optional(),
  description: text.optional(),
  color: colour.optional(),
  extra,
};
export const stageNodeRecordSchema = z.strictObject({
  ...base,
  kind: z.literal('stage'),
  order: numberOf(L.order),
});
export const channelNodeRecordSchema = z.strictObject({
  ...base,
  kind: z.literal('channel'),
  channelType: z.enum(CHANNEL_TYPES),
});
export const deviceNodeRecordSchema = z.strictObject({
  ...base,
  kind: z.literal('device'),
  deviceType: z.enum(DEVICE_TYPES),
});
export const noteNodeRecordSchema = z.strictObject({ ...base, kind: z.literal('note') });
export const nodeRecordSchema = z.discriminatedUnion('kind', [
  stageNodeRecordSchema,
  channelNodeRecordSchema,
  deviceNodeRecordSchema,
  noteNodeRecordSchema,
]);

export type NodeSchemaMatchesType = [
  Assert<Same<Out<typeof stageNodeRecordSchema>, Typed<StageNode>>>,
  Assert<Same<Out<typeof channelNodeRecordSchema>, Typed<ChannelNode>>>,
  Assert<Same<Out<typeof deviceNodeRecordSchema>, Typed<DeviceNode>>>,
  Assert<Same<Out<typeof noteNodeRecordSchema>, Typed<NoteNode>>>,
];
