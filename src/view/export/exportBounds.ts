/**
 * What an image export covers, in flow coordinates: React Flow's getNodesBounds of the nodes
 * shown (all, or the selected ones), plus the emotion curve drawn above the stages and the lane
 * labels left of the lanes for the whole map, so the picture is never cut off.
 */
import { getNodesBounds, type Node, type ReactFlowInstance } from '@xyflow/react';
import { unionRects, type Rect } from '../../export/geometry';
import type { MapSnapshot } from '../../model/types';

export interface ExportScope {
  readonly bounds: Rect;
  /** Null for the whole map. */
  readonly only: { nodeIds: ReadonlySet<string>; edgeIds: ReadonlySet<string> } | null;
  readonly nodeCount: number;
}

/** An element's on-screen box in flow coordinates. */
function flowRectOf(el: Element, flow: Pick<ReactFlowInstance, 'screenToFlowPosition'>): Rect {
  const r = el.getBoundingClientRect();
  const a = flow.screenToFlowPosition({ x: r.left, y: r.top }, { snapToGrid: false });
  const b = flow.screenToFlowPosition({ x: r.right, y: r.bottom }, { snapToGrid: false });
  return { x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y };
}

/** The emotion curve's box in flow coordinates (its axis labels overflow to the left). */
function curveRect(
  flowRoot: HTMLElement,
  flow: Pick<ReactFlowInstance, 'screenToFlowPosition'>,
): Rect | null {
  const curve = flowRoot.querySelector<HTMLElement>('.emotion-curve');
  if (!curve) return null;
  const box = flowRectOf(curve, flow);
  const svg = curve.querySelector('svg');
  const overflowLeft = svg ? Math.max(0, -svg.getBBox().x) : 0;
  // The title sits 22 px above the box (styles.css .curve-title).
  const titleAbove = 24;
  return {
    x: box.x - overflowLeft,
    y: box.y - titleAbove,
    width: box.width + overflowLeft,
    height: box.height + titleAbove,
  };
}

/** The lane labels' box in flow coordinates (LaneLabels.tsx), when the map has lanes. */
function laneLabelsRect(
  flowRoot: HTMLElement,
  flow: Pick<ReactFlowInstance, 'screenToFlowPosition'>,
): Rect | null {
  const labels = flowRoot.querySelector<HTMLElement>('.lane-labels');
  return labels ? flowRectOf(labels, flow) : null;
}

export function exportScope(
  snapshot: MapSnapshot,
  selectedNodeIds: ReadonlySet<string> | readonly string[],
  flow: Pick<ReactFlowInstance, 'getNodes' | 'screenToFlowPosition'>,
  flowRoot: HTMLElement,
): ExportScope | null {
  const selected = new Set(selectedNodeIds);
  const all = flow.getNodes() as Node[];
  const nodes = selected.size > 0 ? all.filter((n) => selected.has(n.id)) : all;
  if (nodes.length === 0) return null;
  const nodeBounds: Rect = getNodesBounds(nodes);
  if (selected.size === 0) {
    const extras = [curveRect(flowRoot, flow), laneLabelsRect(flowRoot, flow)].filter(
      (r): r is Rect => r !== null,
    );
    return {
      bounds: unionRects([nodeBounds, ...extras]) ?? nodeBounds,
      only: null,
      nodeCount: nodes.length,
    };
  }
  const edgeIds = new Set(
    snapshot.touchpoints.filter((t) => selected.has(t.from) && selected.has(t.to)).map((t) => t.id),
  );
  return { bounds: nodeBounds, only: { nodeIds: selected, edgeIds }, nodeCount: nodes.length };
}
