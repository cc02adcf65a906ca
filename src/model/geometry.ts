/**
 * The one geometry of a journey map, in flow (canvas) px: node sizes, the grid, the lanes, the
 * emotion curve and the lane labels drawn around the nodes, and the map's extent. Arrange
 * (layout.ts), placement (placement.ts), the canvas (node CSS, lane labels, emotion curve, Fit
 * view), thumbnails (sync/thumbnail.ts) and image export bounds all read it from here, so a
 * picture, a thumbnail and the canvas can never disagree about where something is.
 *
 * Pure (no DOM, no React): the server and the tests use it too. What must stay true: every
 * number here is defined once; the view's CSS gets the node sizes from `NODE_SIZE` (see
 * view/canvas/canvasCssVars.ts), never a copy.
 */
import { emotionCurve, worstMoment, type EmotionSource } from './emotion';
import type { JourneyNode, NodeKind } from './types';

/** Canvas snap grid, px. */
export const GRID_PX = 20;

/**
 * Natural size of each kind of node, px, used when a node has no `w`/`h` of its own: the width
 * the canvas gives it and the height it has at least (it may grow with its text).
 */
export const NODE_SIZE: Readonly<Record<NodeKind, { readonly w: number; readonly h: number }>> = {
  stage: { w: 200, h: 72 },
  channel: { w: 180, h: 64 },
  device: { w: 180, h: 64 },
  note: { w: 200, h: 100 },
};

/** The smallest size a person can resize a node of a resizable kind to, px. */
export const MIN_NODE_SIZE = {
  stage: { w: 140, h: NODE_SIZE.stage.h },
  note: { w: 120, h: NODE_SIZE.note.h },
} as const;

/** Horizontal space between columns of the journey grid, px. */
export const COLUMN_GAP_PX = 60;
/** Vertical space between nodes stacked in one column of a lane, px. */
export const ROW_GAP_PX = 20;
/** Vertical space between lanes, px. */
export const LANE_GAP_PX = 80;
/**
 * Vertical space Arrange leaves under the stage row when the map has touchpoints, px: room for
 * their faces and the texts of their actions (view/canvas/touchpointTexts.ts), which otherwise
 * had to squeeze into LANE_GAP_PX and mostly found no place.
 */
export const TOUCHPOINT_BAND_PX = 140;
/** Lanes from top to bottom. */
export const LANE_ORDER: readonly NodeKind[] = ['stage', 'channel', 'device', 'note'];

/** Width of the lane-label column left of a map laid out in lanes, px. */
export const LABEL_COLUMN_PX = 150;

/** Height of the emotion curve's plot (+2 at its top, -2 at its bottom), px. */
export const CURVE_HEIGHT_PX = 120;
/** Space between the curve's plot and the top of the stages, px. */
export const CURVE_GAP_PX = 28;
/** How far above the plot the curve's title starts, px. */
export const CURVE_TITLE_TOP_PX = 22;
/** Room the curve's title takes above the plot, px (its top plus 2 px of air). */
export const CURVE_TITLE_PX = CURVE_TITLE_TOP_PX + 2;
/** Where the axis labels ("+2", "−2") end, left of the plot, px (text-anchor end). */
export const CURVE_AXIS_GAP_PX = 8;
/** Room the axis labels take left of the plot, px (the gap plus two 11 px glyphs, with air). */
export const CURVE_AXIS_PX = 24;
/** Radius of the face drawn at each stage's point of the curve, px. */
export const CURVE_FACE_R_PX = 12;
/** Emotions run from -2 to +2: four steps over the plot's height. */
const CURVE_STEP_PX = CURVE_HEIGHT_PX / 4;

export type Size = { w: number; h: number };
/** A rectangle in flow coordinates, px. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}
/** How big a node is drawn: the model's size unless the caller knows better (measured). */
export type SizeOf = (node: JourneyNode) => Size;

const positive = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

/** The size a node is drawn at: its own `w`/`h` when set, else the default of its kind. */
export function nodeSize(node: Pick<JourneyNode, 'kind' | 'w' | 'h'>): Size {
  const fallback = NODE_SIZE[node.kind] ?? NODE_SIZE.note;
  return { w: positive(node.w) ? node.w : fallback.w, h: positive(node.h) ? node.h : fallback.h };
}

/** The box around `nodes` at their model sizes (or `sizeOf`); null for none. */
export function nodesBounds(
  nodes: readonly JourneyNode[],
  sizeOf: SizeOf = nodeSize,
): { x: number; y: number; w: number; h: number } | null {
  if (nodes.length === 0) return null;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const n of nodes) {
    const { w, h } = sizeOf(n);
    x0 = Math.min(x0, n.x);
    y0 = Math.min(y0, n.y);
    x1 = Math.max(x1, n.x + w);
    y1 = Math.max(y1, n.y + h);
  }
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** Top of the lane of `kind` below stages at `stagesTop`, when each lane is one node tall. */
export function laneTop(kind: NodeKind, stagesTop: number): number {
  let y = stagesTop;
  for (const k of LANE_ORDER) {
    if (k === kind) return y;
    y += NODE_SIZE[k].h + LANE_GAP_PX;
  }
  return y;
}

/** One point of the emotion curve, relative to the plot's top-left corner. */
export interface CurvePoint {
  readonly stageId: string;
  readonly x: number;
  /** Null when no touchpoint at the stage is rated (a gap in the line). */
  readonly y: number | null;
  readonly average: number | null;
  readonly label: string;
  /** The stage's lowest and highest rating and where they are drawn; null when unrated. */
  readonly min: number | null;
  readonly max: number | null;
  readonly yMin: number | null;
  readonly yMax: number | null;
}

/** Where the emotion curve is drawn: its plot's box (flow px) and its points inside it. */
export interface CurveLayout {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  /** One per stage, in stage order. */
  readonly points: readonly CurvePoint[];
  /** Index of the point of the journey's worst moment (`worstMoment`), null when unrated. */
  readonly worst: number | null;
}

/**
 * The emotion curve's plot above the stages: as wide as the stages, `CURVE_GAP_PX` above the
 * highest one, one point at each stage's centre. Null when there is no stage or none is rated
 * (nothing is drawn then).
 */
export function curveLayout(
  src: EmotionSource & { readonly nodeById: ReadonlyMap<string, JourneyNode> },
  sizeOf: SizeOf = nodeSize,
): CurveLayout | null {
  const stages = emotionCurve(src).flatMap((p) => {
    const node = src.nodeById.get(p.stageId);
    return node ? [{ p, node, w: sizeOf(node).w }] : [];
  });
  if (stages.length === 0 || stages.every((s) => s.p.average === null)) return null;
  const left = Math.min(...stages.map((s) => s.node.x));
  const right = Math.max(...stages.map((s) => s.node.x + s.w));
  const top = Math.min(...stages.map((s) => s.node.y)) - CURVE_HEIGHT_PX - CURVE_GAP_PX;
  return {
    left,
    top,
    width: Math.max(right - left, 1),
    height: CURVE_HEIGHT_PX,
    points: stages.map((s) => ({
      stageId: s.p.stageId,
      x: s.node.x + s.w / 2 - left,
      y: s.p.average === null ? null : (2 - s.p.average) * CURVE_STEP_PX,
      average: s.p.average,
      label: s.p.label,
      min: s.p.min,
      max: s.p.max,
      yMin: s.p.min === null ? null : (2 - s.p.min) * CURVE_STEP_PX,
      yMax: s.p.max === null ? null : (2 - s.p.max) * CURVE_STEP_PX,
    })),
    worst: worstMoment(stages.map((s) => s.p)),
  };
}

/** One persona's line on the curve's plot: a point per stage of the layout. */
export interface PersonaCurveLine {
  readonly personaId: string;
  readonly points: readonly {
    readonly x: number;
    /** Null when nothing that concerns the persona is rated at the stage (a gap). */
    readonly y: number | null;
    readonly average: number | null;
    readonly label: string;
  }[];
}

/**
 * Each persona's line on `curve`'s plot (model/emotion.ts `emotionCurve` with the persona: their
 * own emotions, else the touchpoint's, only touchpoints that concern them), same x as the
 * overall line's points.
 */
export function personaCurveLines(
  src: EmotionSource,
  personaIds: readonly string[],
  curve: CurveLayout,
): PersonaCurveLine[] {
  return personaIds.map((personaId) => {
    const byStage = new Map(emotionCurve(src, personaId).map((p) => [p.stageId, p]));
    return {
      personaId,
      points: curve.points.map((cp) => {
        const average = byStage.get(cp.stageId)?.average ?? null;
        return {
          x: cp.x,
          y: average === null ? null : (2 - average) * CURVE_STEP_PX,
          average,
          label: cp.label,
        };
      }),
    };
  });
}

/** Everything the curve draws, title and axis labels included, in flow px. */
export function curveBox(curve: CurveLayout): Box {
  return {
    x: curve.left - CURVE_AXIS_PX,
    y: curve.top - CURVE_TITLE_PX,
    width: curve.width + CURVE_AXIS_PX,
    height: curve.height + CURVE_TITLE_PX,
  };
}

export interface LaneBand {
  readonly kind: NodeKind;
  /** Top of the band, px. */
  readonly y: number;
  readonly height: number;
  readonly count: number;
}

export interface LaneBands {
  readonly bands: readonly LaneBand[];
  /** Left and right edges of the map, px (where labels and band lines go). */
  readonly left: number;
  readonly right: number;
}

/**
 * Lane bands for the lane labels, derived from where the nodes are now (not from the last
 * Arrange): one horizontal band per node kind, from its topmost to its bottommost node, top to
 * bottom. Null when the map has fewer than two kinds or two kinds' bands overlap (a free-form
 * map gets no labels rather than labels that lie).
 */
export function laneBands(
  nodes: readonly JourneyNode[],
  sizeOf: SizeOf = nodeSize,
): LaneBands | null {
  const byKind = new Map<NodeKind, { top: number; bottom: number; count: number }>();
  let left = Infinity;
  let right = -Infinity;
  for (const n of nodes) {
    const { w, h } = sizeOf(n);
    const band = byKind.get(n.kind) ?? { top: Infinity, bottom: -Infinity, count: 0 };
    band.top = Math.min(band.top, n.y);
    band.bottom = Math.max(band.bottom, n.y + h);
    band.count += 1;
    byKind.set(n.kind, band);
    left = Math.min(left, n.x);
    right = Math.max(right, n.x + w);
  }
  if (byKind.size < 2) return null;
  const bands = [...byKind]
    .map(([kind, b]) => ({ kind, y: b.top, height: b.bottom - b.top, count: b.count }))
    .sort((a, b) => a.y - b.y);
  for (let i = 1; i < bands.length; i++) {
    const above = bands[i - 1]!;
    if (bands[i]!.y < above.y + above.height) return null;
  }
  return { bands, left, right };
}

/** The lane labels' column left of the bands, in flow px. */
export function laneLabelsBox(lanes: LaneBands): Box {
  const top = lanes.bands[0]!.y;
  const last = lanes.bands[lanes.bands.length - 1]!;
  return {
    x: lanes.left - LABEL_COLUMN_PX,
    y: top,
    width: LABEL_COLUMN_PX,
    height: last.y + last.height - top,
  };
}

/** The smallest box holding all of `boxes`; null for none. */
export function unionBoxes(boxes: readonly Box[]): Box | null {
  if (boxes.length === 0) return null;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const r of boxes) {
    x0 = Math.min(x0, r.x);
    y0 = Math.min(y0, r.y);
    x1 = Math.max(x1, r.x + r.width);
    y1 = Math.max(y1, r.y + r.height);
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/**
 * The map's extent: its nodes plus what is drawn around them (the emotion curve with its title
 * and axis labels, the lane labels), null for an empty map. Fit view and image export both
 * use it, so what one shows the other draws. `sizeOf` as for `laneBands`.
 */
export function mapExtent(
  snapshot: EmotionSource & { readonly nodeById?: ReadonlyMap<string, JourneyNode> },
  sizeOf: SizeOf = nodeSize,
): Box | null {
  const box = nodesBounds(snapshot.nodes, sizeOf);
  if (!box) return null;
  const parts: Box[] = [{ x: box.x, y: box.y, width: box.w, height: box.h }];
  const lanes = laneBands(snapshot.nodes, sizeOf);
  if (lanes) parts.push(laneLabelsBox(lanes));
  const nodeById = snapshot.nodeById ?? new Map(snapshot.nodes.map((n) => [n.id, n]));
  const curve = curveLayout({ ...snapshot, nodeById }, sizeOf);
  if (curve) parts.push(curveBox(curve));
  return unionBoxes(parts);
}
