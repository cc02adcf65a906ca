/**
 * React Flow's private contract: everything the canvas relies on that is not React Flow's
 * public API (its components, hooks, props and the documented `ReactFlowInstance`), in one
 * place. Nothing else in the app may use React Flow's class names, data attributes or store
 * fields directly; this adapter is the list to go through on an upgrade.
 *
 * Checked against @xyflow/react 12.12.1 with @xyflow/system 0.0.84 (package.json pins the
 * exact version). On an upgrade, read their dist/esm/index.mjs again and re-check:
 *
 * 1. Handle DOM (`plainHandleProps`): React Flow's `<Handle>` renders a div with
 *    `data-handleid`, `data-nodeid`, `data-handlepos`, `data-id` =
 *    `${rfId}-${nodeId}-${handleId}-${type}` and the classes `react-flow__handle`,
 *    `react-flow__handle-${position}`, `nodrag`, the store's `noPanClassName`, `source` or
 *    `target`, and `connectable connectablestart connectableend` when connectable. The system's
 *    `getHandleBounds` measures the elements matching `.source`/`.target` inside a node and
 *    reads `data-handleid` and `data-handlepos`; `isValidHandle` looks a handle up by
 *    `.react-flow__handle[data-id=…]` and reads `data-nodeid`, `data-handleid` and the
 *    `connectable`/`connectableend` classes.
 * 2. Layer class names (`FLOW_LAYER_CLASS`): the targets of `ViewportPortal` and
 *    `EdgeLabelRenderer`, which FlowLayer.tsx portals into without their per-store-change
 *    `querySelector`.
 * 3. Canvas DOM (`FLOW_CLASS`, `EXPORT_DOM`): `.react-flow` root, `.react-flow__viewport`
 *    (the transformed layer an image export copies), `.react-flow__node` with `data-id`,
 *    `.react-flow__edge` (an SVG `g` with `data-id`), and the chrome classes an export removes.
 * 4. Visibility probe (`isNodeShown`): the node wrapper's inline `visibility` is `hidden` until
 *    the node has dimensions (measured, or the estimate toFlow.ts gives), `visible` after.
 * 5. Store fields read (`selectDomNode`, `selectCanvasSize`, `selectZoom`, `rfId`,
 *    `noPanClassName`) and written (`replaceStoreNodes`, `replaceStoreEdges`: the store's own
 *    `setNodes`/`setEdges` actions, which the controlled `<ReactFlow nodes edges>` props call;
 *    the next render's props overwrite what they wrote).
 * 6. styles.css selects React Flow's markup too: `.react-flow__node-<type>` (the node type's
 *    class on the node wrapper), `.react-flow__node.selected`, `.react-flow__handle` and its
 *    `connectingfrom`/`connectingto` state classes. A stylesheet cannot import this file; the
 *    contract test measures the result (node and handle sizes).
 *
 * e2e/flow-contract.spec.ts checks 1, 3 and 4 in a real browser (plain handles against real
 * `<Handle>`s, as React Flow measures them); a failure there after an upgrade means this file
 * needs the new contract.
 */
import { useStoreApi, type ReactFlowState } from '@xyflow/react';
import type { AppNode, TouchpointEdge } from './flowTypes';

/** The React Flow version this contract was checked against (package.json pins it). */
export const FLOW_CHECKED_VERSION = '12.12.1';

/** Class names of React Flow's DOM that the app looks things up by. */
export const FLOW_CLASS = {
  root: 'react-flow',
  viewport: 'react-flow__viewport',
  node: 'react-flow__node',
  edge: 'react-flow__edge',
  handle: 'react-flow__handle',
} as const;

/** React Flow's layers that the app portals into (FlowLayer.tsx). */
export const FLOW_LAYER_CLASS = {
  /** Flow coordinates, above the nodes (React Flow's ViewportPortal target). */
  viewport: 'react-flow__viewport-portal',
  /** Flow coordinates, between edges and nodes (React Flow's EdgeLabelRenderer target). */
  edgeLabels: 'react-flow__edgelabel-renderer',
} as const;
export type FlowLayerName = keyof typeof FLOW_LAYER_CLASS;

/** What an image export needs to know of the canvas DOM (export/compose.ts takes it). */
export const EXPORT_DOM = {
  viewport: `.${FLOW_CLASS.viewport}`,
  node: `.${FLOW_CLASS.node}`,
  edge: `.${FLOW_CLASS.edge}`,
  /** React Flow's editing chrome: handles, resize controls, selection boxes, connection line. */
  chrome: [
    `.${FLOW_CLASS.handle}`,
    '.react-flow__resize-control',
    '.react-flow__nodesselection',
    '.react-flow__selection',
    '.react-flow__connectionline',
    '.react-flow__edgeupdater',
    '.react-flow__node-toolbar',
  ].join(','),
} as const;

type State = ReactFlowState<AppNode, TouchpointEdge>;
export type FlowStore = ReturnType<typeof useStoreApi<AppNode, TouchpointEdge>>;

/** The canvas's store, typed with the app's nodes and edges. */
export const useFlowStore = (): FlowStore => useStoreApi<AppNode, TouchpointEdge>();

/** Selectors for `useStore`: plain values, cheap to compare. */
export const selectDomNode = (s: Pick<State, 'domNode'>) => s.domNode;
export const selectCanvasWidth = (s: Pick<State, 'width'>) => s.width;
export const selectZoom = (s: Pick<State, 'transform'>) => s.transform[2];

/** The canvas's size on screen, px (0 before React Flow has measured it). */
export function canvasSize(store: FlowStore): { width: number; height: number } {
  const { width, height } = store.getState();
  return { width, height };
}

/** The screen rectangle in flow coordinates, from the store's transform and size. */
export function viewRectOf(s: Pick<State, 'transform' | 'width' | 'height'>) {
  const [tx, ty, z] = s.transform;
  return { x: -tx / z, y: -ty / z, width: s.width / z, height: s.height / z };
}

/** The `.react-flow` root element of the canvas, once React Flow has rendered it. */
export function flowRootOf(store: FlowStore): HTMLElement | null {
  const dom = store.getState().domNode;
  return dom?.closest<HTMLElement>(`.${FLOW_CLASS.root}`) ?? dom ?? null;
}

/** A React Flow layer inside the canvas element (see FLOW_LAYER_CLASS). */
export function flowLayer(domNode: HTMLElement | null, layer: FlowLayerName): Element | null {
  return domNode?.querySelector(`.${FLOW_LAYER_CLASS[layer]}`) ?? null;
}

/** The id of the node under a screen point, if any. */
export function nodeIdAtPoint(clientX: number, clientY: number): string | null {
  const el = document.elementFromPoint(clientX, clientY)?.closest(`.${FLOW_CLASS.node}`);
  return el?.getAttribute('data-id') ?? null;
}

/** Visibility probe: React Flow keeps a node hidden until it has dimensions. */
export function isNodeShown(el: HTMLElement): boolean {
  return el.style.visibility !== 'hidden';
}

/** How many nodes in `flowRoot` are in the DOM and shown. */
export function countShownNodes(flowRoot: HTMLElement): number {
  let shown = 0;
  flowRoot.querySelectorAll<HTMLElement>(`.${FLOW_CLASS.node}`).forEach((n) => {
    if (isNodeShown(n)) shown++;
  });
  return shown;
}

/** The sides of a node handle, as React Flow's `Position` spells them. */
export type HandleSide = 'top' | 'right' | 'bottom' | 'left';

/**
 * The attributes of a plain element that React Flow measures and looks up as if it were its
 * `<Handle type="source">` (see 1 in the header): what nodes/Handles.tsx renders for a node
 * nobody points at. State classes (`connectionindicator`, `connectingfrom`…) are left out:
 * they only matter while a pointer is on the node, and then it has the real handles.
 */
export function plainHandleProps(
  store: FlowStore,
  nodeId: string,
  handleId: string,
  side: HandleSide,
  connectable: boolean,
): Record<string, string> {
  const { rfId, noPanClassName } = store.getState();
  const classes = [FLOW_CLASS.handle, `${FLOW_CLASS.handle}-${side}`, 'nodrag', noPanClassName];
  classes.push('source');
  if (connectable) classes.push('connectable', 'connectablestart', 'connectableend');
  return {
    'data-handleid': handleId,
    'data-nodeid': nodeId,
    'data-handlepos': side,
    'data-id': `${rfId}-${nodeId}-${handleId}-source`,
    className: classes.join(' '),
  };
}

/**
 * Writes nodes into React Flow's store without a render (a drag step, useLiveDrag.ts):
 * `update` returns the node itself when it is unchanged; nothing is written when none changed.
 */
export function replaceStoreNodes(store: FlowStore, update: (n: AppNode) => AppNode): void {
  const state = store.getState();
  let changed = false;
  const nodes = state.nodes.map((n) => {
    const next = update(n);
    if (next !== n) changed = true;
    return next;
  });
  if (changed) state.setNodes(nodes);
}

/** Like `replaceStoreNodes` for edges. Returns whether anything was written. */
export function replaceStoreEdges(
  store: FlowStore,
  update: (e: TouchpointEdge) => TouchpointEdge,
): boolean {
  const state = store.getState();
  let changed = false;
  const edges = state.edges.map((e) => {
    const next = update(e);
    if (next !== e) changed = true;
    return next;
  });
  if (changed) state.setEdges(edges);
  return changed;
}

/** The element React Flow renders node `id` in (focusable: `nodesFocusable` is on). */
export function nodeElement(id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`.${FLOW_CLASS.node}[data-id="${CSS.escape(id)}"]`);
}
