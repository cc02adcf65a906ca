/**
 * Arrange: lays a journey map out as a readable grid, as a pure and deterministic function.
 *
 * - Stages are the columns, left to right by `order` (ties by id), in a header row on top.
 * - Below them one lane per kind: channels, then devices, then notes at the bottom.
 * - Within a lane each node goes to the column nearest the barycentre (mean column) of what it
 *   is linked to, repeated over a few down/up sweeps as in Sugiyama's crossing reduction, so
 *   touchpoints run mostly straight down instead of across the map.
 * - A column holds at most `ceil(laneSize / columns)` nodes of a lane, stacked in sub-rows, so
 *   lanes stay shallow; the columns are chosen by a small dynamic programme that keeps the
 *   barycentre order, stays near each barycentre and avoids stacking where it can.
 * - Nothing overlaps: every column is as wide as its widest node, every sub-row as tall as its
 *   node, and every coordinate and gap is a multiple of GRID_PX.
 *
 * - In the journey grid's order when given (`gridLaneOrder`, as Arrange passes it): channels
 *   keep the order of the grid's channel rows once the person has ordered them (barycentres
 *   still choose the columns, never the order), and the channel and device bands are stacked
 *   in the order the grid has its channel rows and its Devices lane. So the canvas reads like
 *   the grid, and switching views keeps a person's mental map.
 *
 * What must stay true: the result depends only on the *set* of nodes and touchpoints (and the
 * lane order given), never on their order in the input (two peers arranging the same map get
 * the same picture).
 */
import {
  COLUMN_GAP_PX,
  GRID_PX,
  LANE_GAP_PX,
  LANE_ORDER,
  NODE_SIZE,
  nodeSize,
  ROW_GAP_PX,
  TOUCHPOINT_BAND_PX,
} from './geometry';
import { gridRows } from './grid';
import { channelLaneKey } from './records/lane-setting';
import type { JourneyNode, MapSnapshot, NodeKind, Touchpoint, XY } from './types';

// The grid's sizes and gaps live in geometry.ts; re-exported for the modules that took them
// from here (one definition, two ways in; new code imports geometry.ts).
export {
  COLUMN_GAP_PX,
  GRID_PX,
  LANE_GAP_PX,
  LANE_ORDER,
  NODE_SIZE,
  nodesBounds,
  nodeSize,
  ROW_GAP_PX,
} from './geometry';

/** Crossing-reduction sweeps when the caller does not say; more rarely changes the result. */
export const DEFAULT_SWEEPS = 4;
const MAX_SWEEPS = 32;

export interface ArrangeOptions {
  /** Crossing-reduction sweeps; 0 places lane nodes in id order (the naive baseline). */
  readonly sweeps?: number;
  /** Top-left corner of the grid, px; snapped to the grid. */
  readonly origin?: XY;
  /**
   * Channel ids in the order to keep (left to right, then top to bottom within a column):
   * the grid's channel rows. Channels not listed follow, by barycentre. Absent: every channel
   * by barycentre (crossing reduction).
   */
  readonly channelOrder?: readonly string[];
  /** Device ids in the order to keep, as `channelOrder` for channels. */
  readonly deviceOrder?: readonly string[];
  /**
   * The bands under the stage row, top to bottom; kinds left out follow in LANE_ORDER.
   * Absent: channels, devices, notes.
   */
  readonly bands?: readonly LaneBand[];
}

/** A band of the canvas under the stages. */
export type LaneBand = Exclude<NodeKind, 'stage'>;

/**
 * The journey grid's lane order as Arrange options (model/grid.ts): the channel rows' order
 * once the person has ordered any of them (a stored order; until then the grid follows the
 * canvas, so Arrange is free to untangle), and the channel band above or below the device band
 * as the grid has its first channel row and its Devices lane. Notes stay at the bottom.
 */
export function gridLaneOrder(
  snapshot: Pick<MapSnapshot, 'nodes' | 'grid'>,
): Pick<ArrangeOptions, 'channelOrder' | 'bands'> {
  const rows = gridRows(snapshot);
  const channels = rows.filter((r) => r.type === 'channel' && r.channel);
  const ordered = channels.some(
    (r) => snapshot.grid.settings.get(channelLaneKey(r.channel!.id))?.order !== undefined,
  );
  const firstChannel = rows.findIndex((r) => r.type === 'channel');
  const devices = rows.findIndex((r) => r.type === 'devices');
  return {
    ...(ordered ? { channelOrder: channels.map((r) => r.channel!.id) } : {}),
    bands:
      firstChannel >= 0 && devices < firstChannel
        ? ['device', 'channel', 'note']
        : ['channel', 'device', 'note'],
  };
}

/** One horizontal band of the grid, for the canvas to draw a lane label. */
export interface GridLane {
  readonly kind: NodeKind;
  /** Top of the band, px. */
  readonly y: number;
  /** Height of the band, px; 0 when the lane is empty (it then takes no space). */
  readonly height: number;
  /** Nodes in the lane. */
  readonly count: number;
}

/** One column of the grid: a stage, or a filler column when the map has no stages. */
export interface GridColumn {
  readonly stageId: string | null;
  /** Left edge, px. */
  readonly x: number;
  readonly width: number;
}

export interface JourneyGrid {
  /** Top-left corner of every node, by id. */
  readonly positions: Map<string, XY>;
  readonly lanes: readonly GridLane[];
  readonly columns: readonly GridColumn[];
}

const snapUp = (v: number) => Math.ceil(v / GRID_PX) * GRID_PX;
const snap = (v: number) => Math.round(v / GRID_PX) * GRID_PX;
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const stageOrder = (n: JourneyNode) =>
  n.kind === 'stage' && Number.isFinite(n.order) ? n.order : Number.MAX_SAFE_INTEGER;

/** Neighbour ids of every node, sorted so sums come out bit-identical whatever the input order. */
function neighbours(
  ids: ReadonlySet<string>,
  touchpoints: readonly Touchpoint[],
): Map<string, string[]> {
  const adj = new Map<string, string[]>();
  for (const id of ids) adj.set(id, []);
  for (const tp of touchpoints) {
    if (tp.from === tp.to || !ids.has(tp.from) || !ids.has(tp.to)) continue;
    adj.get(tp.from)!.push(tp.to);
    adj.get(tp.to)!.push(tp.from);
  }
  for (const list of adj.values()) list.sort();
  return adj;
}

/** Cost, in columns of distance, of stacking a node under another: a shallow, spread lane reads
 * better than one that hugs each barycentre (3 looked best on the templates). */
const STACK_PENALTY = 3;
/** Above this many DP states (nodes × columns × depth) a lane falls back to the greedy pass. */
const MAX_DP_STATES = 4_000_000;

/**
 * Greedy column assignment: each node (in the given order) to the column nearest its
 * barycentre that keeps the order, respects `cap` and leaves room for the nodes after it.
 * With no barycentres it fills the columns left to right: the naive baseline.
 */
function greedyColumns(bary: readonly number[], columns: number, cap: number): number[] {
  const out: number[] = [];
  let col = 0;
  let inCol = 0;
  bary.forEach((b, i) => {
    const after = bary.length - 1 - i;
    const lo = inCol >= cap ? col + 1 : col;
    // Room left once this node sits in column x: what remains of x plus every column right of it.
    const fits = (x: number) =>
      cap - (x === col ? inCol + 1 : 1) + (columns - 1 - x) * cap >= after;
    let x = Math.min(columns - 1, Math.max(lo, Number.isFinite(b) ? Math.round(b) : lo));
    while (x > lo && !fits(x)) x -= 1;
    inCol = x === col ? inCol + 1 : 1;
    col = x;
    out.push(x);
  });
  return out;
}

/**
 * Optimal order-preserving column assignment by dynamic programming: minimises the total
 * distance of nodes from their barycentres plus STACK_PENALTY per stacked node, with at most
 * `cap` nodes a column. State (node i, column c, depth k); ties go to the leftmost column.
 * Returns null when the lane is too large for the table (the caller then goes greedy).
 */
function optimalColumns(bary: readonly number[], columns: number, cap: number): number[] | null {
  const n = bary.length;
  const width = columns * cap;
  if (n === 0) return [];
  if (n * width > MAX_DP_STATES) return null;
  const cost = (i: number, c: number) => (Number.isFinite(bary[i]) ? Math.abs(c - bary[i]!) : 0);
  const back = new Int32Array(n * width).fill(-1);
  let prev = new Float64Array(width).fill(Infinity);
  for (let c = 0; c < columns; c += 1) prev[c * cap] = cost(0, c);
  for (let i = 1; i < n; i += 1) {
    const cur = new Float64Array(width).fill(Infinity);
    let runBest = Infinity;
    let runIdx = -1;
    for (let c = 0; c < columns; c += 1) {
      const here = cost(i, c);
      if (runIdx >= 0) {
        cur[c * cap] = runBest + here;
        back[i * width + c * cap] = runIdx;
      }
      for (let k = 1; k < cap; k += 1) {
        const before = prev[c * cap + k - 1]!;
        if (before === Infinity) continue;
        cur[c * cap + k] = before + here + STACK_PENALTY;
        back[i * width + c * cap + k] = c * cap + k - 1;
      }
      for (let k = 0; k < cap; k += 1) {
        if (prev[c * cap + k]! < runBest) {
          runBest = prev[c * cap + k]!;
          runIdx = c * cap + k;
        }
      }
    }
    prev = cur;
  }
  let state = 0;
  for (let s = 1; s < width; s += 1) if (prev[s]! < prev[state]!) state = s;
  const out = new Array<number>(n);
  for (let i = n - 1; i >= 0; i -= 1) {
    out[i] = Math.floor(state / cap);
    state = back[i * width + state]!;
  }
  return out;
}

/**
 * Puts a lane's nodes into columns: sorted by the barycentre of their linked nodes' columns
 * (unlinked nodes last, ties by id), then assigned to columns keeping that order, at most
 * `ceil(lane / columns)` deep. Returns the stack of nodes in each column, top to bottom.
 */
function assignLane(
  lane: readonly JourneyNode[],
  columnOf: Map<string, number>,
  adj: Map<string, string[]>,
  columns: number,
  naive: boolean,
  rank?: ReadonlyMap<string, number>,
): JourneyNode[][] {
  const keyed = lane.map((node) => {
    let sum = 0;
    let count = 0;
    if (!naive) {
      for (const other of adj.get(node.id) ?? []) {
        const c = columnOf.get(other);
        if (c !== undefined) {
          sum += c;
          count += 1;
        }
      }
    }
    return { node, b: count > 0 ? sum / count : Number.POSITIVE_INFINITY };
  });
  const fixed = (id: string) => rank?.get(id) ?? Number.POSITIVE_INFINITY;
  keyed.sort(
    (p, q) =>
      // A given order first (the grid's), then barycentres, then ids.
      fixed(p.node.id) - fixed(q.node.id) ||
      (p.b === q.b ? byId(p.node, q.node) : p.b < q.b ? -1 : 1),
  );
  const cap = Math.max(1, Math.ceil(lane.length / columns));
  const bary = keyed.map((k) => k.b);
  const cols =
    (naive ? null : optimalColumns(bary, columns, cap)) ?? greedyColumns(bary, columns, cap);
  const stacks: JourneyNode[][] = Array.from({ length: columns }, () => []);
  keyed.forEach(({ node }, i) => {
    stacks[cols[i]!]!.push(node);
    columnOf.set(node.id, cols[i]!);
  });
  return stacks;
}

/** The whole grid: positions plus the lane and column geometry the canvas draws labels from. */
export function journeyGrid(
  nodes: readonly JourneyNode[],
  touchpoints: readonly Touchpoint[],
  opts: ArrangeOptions = {},
): JourneyGrid {
  const sweeps = Math.min(MAX_SWEEPS, Math.max(0, Math.floor(opts.sweeps ?? DEFAULT_SWEEPS)));
  const origin = { x: snap(opts.origin?.x ?? 0), y: snap(opts.origin?.y ?? 0) };
  const sorted = [...nodes].sort(byId);
  const stages = sorted
    .filter((n) => n.kind === 'stage')
    .sort((a, b) => stageOrder(a) - stageOrder(b) || byId(a, b));
  const given = (opts.bands ?? []).filter(
    (k, i, all) => k !== ('stage' as NodeKind) && LANE_ORDER.includes(k) && all.indexOf(k) === i,
  );
  const laneKinds = [...given, ...LANE_ORDER.filter((k) => k !== 'stage' && !given.includes(k))];
  const rankOf = (order: readonly string[] | undefined) =>
    order ? new Map(order.map((id, i) => [id, i] as const).reverse()) : undefined;
  const ranks = new Map<NodeKind, ReadonlyMap<string, number> | undefined>([
    ['channel', rankOf(opts.channelOrder)],
    ['device', rankOf(opts.deviceOrder)],
  ]);
  const laneNodes = new Map(laneKinds.map((k) => [k, sorted.filter((n) => n.kind === k)]));
  const widest = Math.max(0, ...[...laneNodes.values()].map((l) => l.length));
  // Filler columns (no stage header) when a lane is much wider than the stages, so a map with
  // one stage and fifty channels is a block, not a tower fifty nodes deep.
  const columns = Math.max(stages.length, Math.ceil(Math.sqrt(widest)), 1);
  const adj = neighbours(new Set(sorted.map((n) => n.id)), touchpoints);

  const columnOf = new Map<string, number>(stages.map((s, i) => [s.id, i]));
  const stacks = new Map<NodeKind, JourneyNode[][]>();
  for (let sweep = 0; sweep < Math.max(1, sweeps); sweep += 1) {
    // Down then up, so each lane is pulled by both the lane above and the lane below.
    const order = sweep % 2 === 0 ? laneKinds : [...laneKinds].reverse();
    for (const kind of order) {
      const rank = ranks.get(kind);
      stacks.set(
        kind,
        assignLane(laneNodes.get(kind)!, columnOf, adj, columns, sweeps === 0, rank),
      );
    }
  }

  const widths = Array.from({ length: columns }, (_, c) => {
    const inColumn = [stages[c], ...laneKinds.flatMap((k) => stacks.get(k)![c]!)];
    const ws = inColumn.filter((n) => n !== undefined).map((n) => nodeSize(n).w);
    return snapUp(Math.max(NODE_SIZE.stage.w, ...ws));
  });
  const gridColumns: GridColumn[] = [];
  let x = origin.x;
  widths.forEach((width, c) => {
    gridColumns.push({ stageId: stages[c]?.id ?? null, x, width });
    x += width + COLUMN_GAP_PX;
  });

  const positions = new Map<string, XY>();
  const place = (node: JourneyNode, c: number, y: number) => {
    const col = gridColumns[c]!;
    const offset = Math.floor((col.width - nodeSize(node).w) / 2 / GRID_PX) * GRID_PX;
    positions.set(node.id, { x: col.x + offset, y });
  };
  const lanes: GridLane[] = [];
  let y = origin.y;
  const stageHeight = stages.length ? snapUp(Math.max(...stages.map((s) => nodeSize(s).h))) : 0;
  stages.forEach((s, c) => place(s, c, y));
  lanes.push({ kind: 'stage', y, height: stageHeight, count: stages.length });
  let bottom = y + stageHeight;
  for (const kind of laneKinds) {
    const count = laneNodes.get(kind)!.length;
    if (count === 0) {
      lanes.push({ kind, y: bottom, height: 0, count });
      continue;
    }
    // The first band under the stages leaves room for the touchpoints' faces and texts.
    const gap =
      stages.length > 0 && bottom === origin.y + stageHeight && touchpoints.length > 0
        ? TOUCHPOINT_BAND_PX
        : LANE_GAP_PX;
    y = bottom > origin.y ? bottom + gap : origin.y;
    let height = 0;
    stacks.get(kind)!.forEach((stack, c) => {
      let yy = y;
      for (const node of stack) {
        place(node, c, yy);
        yy += snapUp(nodeSize(node).h) + ROW_GAP_PX;
      }
      if (stack.length) height = Math.max(height, yy - ROW_GAP_PX - y);
    });
    lanes.push({ kind, y, height, count });
    bottom = y + height;
  }
  return { positions, lanes, columns: gridColumns };
}

/** Arrange: the top-left position of every node in the journey grid (see the file header). */
export function arrange(
  nodes: readonly JourneyNode[],
  touchpoints: readonly Touchpoint[],
  opts?: ArrangeOptions,
): Map<string, XY> {
  return journeyGrid(nodes, touchpoints, opts).positions;
}
