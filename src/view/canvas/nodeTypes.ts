/** Module constants: React Flow re-mounts every node when these objects change identity. */
import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { ChannelNodeView, DeviceNodeView } from './nodes/ChannelNodeView';
import { NoteNodeView } from './nodes/NoteNodeView';
import { StageNodeView } from './nodes/StageNodeView';
import { TouchpointEdgeView } from './edges/TouchpointEdgeView';

export const NODE_TYPES: NodeTypes = {
  stage: StageNodeView,
  channel: ChannelNodeView,
  device: DeviceNodeView,
  note: NoteNodeView,
};

export const EDGE_TYPES: EdgeTypes = { touchpoint: TouchpointEdgeView };
