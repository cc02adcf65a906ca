/**
 * Stands in for src/view/canvas/nodeTypes.ts in the bench build (bench/vite.config.ts
 * redirects JourneyCanvas's import here). With ?count=1 every node type is wrapped in a
 * memoized counter, so the runner can see how many node components a drag re-renders;
 * without it the app's own constants pass through untouched, so timings see the real app.
 */
import type { NodeProps, NodeTypes } from '@xyflow/react';
import { createElement, memo, type ComponentType } from 'react';
import { EDGE_TYPES, NODE_TYPES as APP_NODE_TYPES } from '../../../src/view/canvas/nodeTypes';

function counted(Inner: ComponentType<NodeProps>): ComponentType<NodeProps> {
  return memo(function Counted(props: NodeProps) {
    window.__benchRenders = (window.__benchRenders ?? 0) + 1;
    return createElement(Inner, props);
  });
}

const counting = new URLSearchParams(location.search).get('count') === '1';

export const NODE_TYPES: NodeTypes = counting
  ? Object.fromEntries(
      Object.entries(APP_NODE_TYPES).map(([k, v]) => [k, counted(v as ComponentType<NodeProps>)]),
    )
  : APP_NODE_TYPES;

export { EDGE_TYPES };
