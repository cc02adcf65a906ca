/**
 * Arrange as a command: lays the whole map out as a journey grid in one undoable step, in the
 * grid's order (stages, then the channel and device lanes as the Grid view orders them; see
 * gridLaneOrder in layout.ts).
 *
 * It keeps the order a person chose: channels stay in the order of the grid's channel rows
 * (their stored order, or where they are on the canvas, left to right), devices in their
 * canvas order; barycentres only choose their columns. `sort` lets crossing reduction order
 * both lanes instead (the grid's stored row order is then not followed on the canvas). The
 * result says how many nodes moved: none means the map was already arranged, and nothing is
 * written (no empty undo step).
 */
import type * as Y from 'yjs';
import { moveNodes } from './commands';
import { gridRows } from './grid';
import { arrange, gridLaneOrder, type ArrangeOptions } from './layout';
import { LOCAL, type Origin } from './origins';
import { readSnapshot } from './read';
import type { MapSnapshot } from './types';

export interface ArrangeRequest {
  /** Order channels and devices by crossing reduction instead of keeping their order. */
  readonly sort?: boolean;
}

export interface ArrangeResult {
  /** Nodes that moved (0: the map was already arranged). */
  readonly moved: number;
}

/** The Arrange options for a map: the grid's bands, and the orders to keep unless sorting. */
export function arrangeOptions(snap: MapSnapshot, request: ArrangeRequest = {}): ArrangeOptions {
  const order = gridLaneOrder(snap);
  if (request.sort) return { bands: order.bands };
  const channelOrder = gridRows(snap)
    .filter((r) => r.type === 'channel' && r.channel)
    .map((r) => r.channel!.id);
  const deviceOrder = snap.nodes
    .filter((n) => n.kind === 'device')
    .sort((a, b) => a.x - b.x || a.y - b.y || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((n) => n.id);
  return { ...order, channelOrder, deviceOrder };
}

export function arrangeMap(
  doc: Y.Doc,
  request: ArrangeRequest = {},
  origin: Origin = LOCAL,
): ArrangeResult {
  const snap = readSnapshot(doc);
  const positions = arrange(snap.nodes, snap.touchpoints, arrangeOptions(snap, request));
  const moves = [...positions]
    .filter(([id, p]) => {
      const n = snap.nodeById.get(id);
      return !n || n.x !== p.x || n.y !== p.y;
    })
    .map(([id, p]) => ({ id, ...p }));
  if (moves.length > 0) moveNodes(doc, moves, origin);
  return { moved: moves.length };
}
