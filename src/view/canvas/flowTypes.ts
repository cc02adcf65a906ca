/** React Flow types of the app: one node type per journey kind, one edge type. */
import type { Edge, Node } from '@xyflow/react';
import type { ChannelNode, DeviceNode, NoteNode, StageNode, Touchpoint } from '../../model/types';

export type StageFlowNode = Node<{ node: StageNode }, 'stage'>;
export type ChannelFlowNode = Node<{ node: ChannelNode }, 'channel'>;
export type DeviceFlowNode = Node<{ node: DeviceNode }, 'device'>;
export type NoteFlowNode = Node<{ node: NoteNode }, 'note'>;
export type AppNode = StageFlowNode | ChannelFlowNode | DeviceFlowNode | NoteFlowNode;

export type TouchpointEdge = Edge<
  {
    touchpoint: Touchpoint;
    /** Where the face moved from the midpoint so it sits on no other face (touchpointTexts.ts). */
    shift?: { dx: number; dy: number };
  },
  'touchpoint'
>;
