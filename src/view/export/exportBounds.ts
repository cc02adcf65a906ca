/**
 * What an image export covers, in flow coordinates: the map's extent (model/geometry.ts: the
 * nodes plus the emotion curve and the lane labels, exactly what Fit view fits) for the whole
 * map, or the selected nodes' box; at the sizes React Flow measured (a note grows with its
 * text), so the picture is never cut off.
 */
import type { ReactFlowInstance } from '@xyflow/react';
import type { Rect } from '../../export/geometry';
import { mapExtent, nodesBounds } from '../../model/geometry';
import type { MapSnapshot } from '../../model/types';
import { measuredSizeOf } from '../canvas/measuredSize';

export interface ExportScope {
  readonly bounds: Rect;
  /** Null for the whole map. */
  readonly only: { nodeIds: ReadonlySet<string>; edgeIds: ReadonlySet<string> } | null;
  readonly nodeCount: number;
}

export function exportScope(
  snapshot: MapSnapshot,
  selectedNodeIds: ReadonlySet<string> | readonly string[],
  flow: Pick<ReactFlowInstance, 'getNodes'>,
): ExportScope | null {
  const selected = new Set(selectedNodeIds);
  const measured = new Map<string, { width: number; height: number }>();
  for (const n of flow.getNodes()) {
    if (n.measured?.width && n.measured.height)
      measured.set(n.id, { width: n.measured.width, height: n.measured.height });
  }
  const sizeOf = measuredSizeOf(measured);
  const nodes =
    selected.size > 0 ? snapshot.nodes.filter((n) => selected.has(n.id)) : snapshot.nodes;
  if (nodes.length === 0) return null;
  if (selected.size === 0) {
    const bounds = mapExtent(snapshot, sizeOf)!;
    return { bounds, only: null, nodeCount: nodes.length };
  }
  const box = nodesBounds(nodes, sizeOf)!;
  const edgeIds = new Set(
    snapshot.touchpoints.filter((t) => selected.has(t.from) && selected.has(t.to)).map((t) => t.id),
  );
  return {
    bounds: { x: box.x, y: box.y, width: box.w, height: box.h },
    only: { nodeIds: selected, edgeIds },
    nodeCount: nodes.length,
  };
}
