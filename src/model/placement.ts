/**
 * Where a node added from the toolbar goes: in its lane of the journey grid (stages on the top
 * row, channels, devices and notes in lanes below), to the right of what is there, never on
 * top of another node. Pure, so it is tested without a canvas.
 */
import { GRID_PX, laneTop, nodeSize } from './geometry';
import type { JourneyNode, NodeKind, XY } from './types';

/** Space kept free around a new node, px. */
const GAP_PX = 2 * GRID_PX;

const snap = (v: number) => Math.round(v / GRID_PX) * GRID_PX;

function overlaps(
  a: { x: number; y: number; w: number; h: number },
  nodes: readonly JourneyNode[],
): boolean {
  return nodes.some((n) => {
    const s = nodeSize(n);
    return (
      a.x < n.x + s.w + GAP_PX / 2 &&
      n.x < a.x + a.w + GAP_PX / 2 &&
      a.y < n.y + s.h + GAP_PX / 2 &&
      n.y < a.y + a.h + GAP_PX / 2
    );
  });
}

/** A free position for a new node of `kind`; `center` (flow coordinates) is used on an empty map. */
export function placeNewNode(nodes: readonly JourneyNode[], kind: NodeKind, center: XY): XY {
  const size = nodeSize({ kind });
  const stages = nodes.filter((n) => n.kind === 'stage');
  let start: XY;
  if (stages.length === 0) {
    start = { x: center.x - size.w / 2, y: center.y - size.h / 2 };
  } else {
    const left = Math.min(...stages.map((s) => s.x));
    const top = Math.min(...stages.map((s) => s.y));
    const laneY = laneTop(kind, top);
    const inLane = nodes.filter((n) => n.kind === kind);
    const right = inLane.length
      ? Math.max(...inLane.map((n) => n.x + nodeSize(n).w)) + GAP_PX
      : left;
    start = { x: right, y: laneY };
  }
  const at = { x: snap(start.x), y: snap(start.y), w: size.w, h: size.h };
  for (let i = 0; i < 500 && overlaps(at, nodes); i++) at.x += GRID_PX * 2;
  return { x: at.x, y: at.y };
}
