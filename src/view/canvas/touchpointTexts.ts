/**
 * Where the canvas draws each touchpoint's face and the text of its action (issue 18: readable
 * touchpoints), computed once for the whole map in flow coordinates:
 *
 * 1. **Faces never sit on top of each other.** Each touchpoint's anchor is the midpoint of its
 *    bezier (as React Flow draws it between the sides `handlesFor` picks). Two touchpoints
 *    between the same pair of nodes share that midpoint, and different pairs can too: anchors are
 *    placed in id order and an anchor closer than a face to one already placed moves sideways
 *    (right, left, two steps right…) until it is free.
 * 2. **Texts never overlap another label.** Each action, cut to MAX_TEXT_CHARS and wrapped in a
 *    box at most TEXT_MAX_W wide and TEXT_MAX_LINES high (sizes estimated from the character
 *    count, so the box the layout reserves is the box drawn: CSS clips to it), goes right of its
 *    face (centred, lower, upper), else left, below or above (then under or over a crowded row
 *    of faces, starting or ending at its face), the first place inside the nodes' box (an export
 *    is cut there) that overlaps no node, no face and no text placed before it; failing that,
 *    one line; failing that, the same outside the box; failing that, no text (the action stays
 *    its accessible name and the selected touchpoint's label shows it).
 *
 * Deterministic: the same map gives the same picture on every peer and in the export.
 */
import { getBezierPath, Position } from '@xyflow/react';

export const TEXT_MAX_W = 136;
export const TEXT_MAX_LINES = 3;
export const MAX_TEXT_CHARS = 64;
export const TEXT_LINE_PX = 13;
/** Padding left and right, and on top (none under the last line: CSS clips there). */
export const TEXT_PAD_PX = 3;
export const TEXT_PAD_TOP_PX = 2;
/** Average advance of the text's characters (11 px Inter), a little generous. */
const CHAR_PX = 6.1;
/** A face's box: radius 9 plus its ring, and the gap kept between two faces. */
export const FACE_BOX_PX = 24;
const GAP_PX = 4;

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface GlyphInput {
  readonly id: string;
  readonly action: string;
  /** Has a face or a pain badge drawn at its anchor. */
  readonly hasGlyph: boolean;
  /** Has a pain badge (right of the face): the text starts further right. */
  readonly hasPains: boolean;
  readonly from: Box;
  readonly to: Box;
  readonly sourceHandle: string;
  readonly targetHandle: string;
}

export interface TextPlace extends Box {
  readonly id: string;
  readonly text: string;
  readonly lines: number;
}

export interface GlyphLayout {
  /** How far each touchpoint's face moved from its bezier midpoint (only those that moved). */
  readonly shifts: ReadonlyMap<string, { dx: number; dy: number }>;
  readonly texts: readonly TextPlace[];
}

/** No face moved, no text placed: what the canvas shows before its nodes are measured. */
export const NO_GLYPHS: GlyphLayout = { shifts: new Map(), texts: [] };

const SIDE: Record<string, Position> = {
  t: Position.Top,
  r: Position.Right,
  b: Position.Bottom,
  l: Position.Left,
};

function handlePoint(box: Box, side: string): { x: number; y: number } {
  switch (side) {
    case 't':
      return { x: box.x + box.w / 2, y: box.y };
    case 'r':
      return { x: box.x + box.w, y: box.y + box.h / 2 };
    case 'l':
      return { x: box.x, y: box.y + box.h / 2 };
    default:
      return { x: box.x + box.w / 2, y: box.y + box.h };
  }
}

/** The midpoint React Flow puts an edge's label at, for these nodes and sides. */
export function bezierMidpoint(input: GlyphInput): { x: number; y: number } {
  const s = handlePoint(input.from, input.sourceHandle);
  const t = handlePoint(input.to, input.targetHandle);
  const [, x, y] = getBezierPath({
    sourceX: s.x,
    sourceY: s.y,
    targetX: t.x,
    targetY: t.y,
    sourcePosition: SIDE[input.sourceHandle] ?? Position.Bottom,
    targetPosition: SIDE[input.targetHandle] ?? Position.Top,
  });
  return { x, y };
}

/** The action as shown: whitespace folded, cut at a word near MAX_TEXT_CHARS with "…". */
export function shortText(action: string): string {
  const text = action.replace(/\s+/g, ' ').trim();
  if (text.length <= MAX_TEXT_CHARS) return text;
  const cut = text.slice(0, MAX_TEXT_CHARS - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_TEXT_CHARS * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The box a text needs: its width (at most TEXT_MAX_W) and lines (at most `maxLines`). */
export function textSize(
  text: string,
  maxLines = TEXT_MAX_LINES,
): { w: number; h: number; lines: number } {
  const inner = TEXT_MAX_W - 2 * TEXT_PAD_PX;
  const width = text.length * CHAR_PX;
  // Words do not break where the estimate would: one spare line's worth per line of text.
  const lines = Math.min(maxLines, Math.max(1, Math.ceil((width * 1.12) / inner)));
  const w = Math.ceil(Math.min(inner, width) + 2 * TEXT_PAD_PX);
  return { w, h: lines * TEXT_LINE_PX + TEXT_PAD_TOP_PX, lines };
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** The box around `boxes`, or null for none. */
function boundsOf(boxes: readonly Box[]): Box | null {
  if (boxes.length === 0) return null;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const b of boxes) {
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.w);
    y1 = Math.max(y1, b.y + b.h);
  }
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** Cells per row of the bucket grid's numeric key (a cell's key is x * CELL_ROW + y). */
const CELL_ROW = 2 ** 21;

/**
 * A bucket grid over boxes, so each test looks at the few boxes nearby. Cells are keyed by a
 * number, not a string: this runs for every touchpoint on every layout (a remote edit on a
 * 500-node map spent most of its 17 ms building "x,y" keys). Two cells sharing a key (far-off
 * coordinates) only add candidates: each is still tested with `overlaps`.
 */
class BoxIndex {
  private readonly cells = new Map<number, Box[]>();
  constructor(private readonly cell = 160) {}
  add(b: Box): void {
    const c = this.cell;
    const x1 = Math.floor((b.x + b.w) / c);
    const y1 = Math.floor((b.y + b.h) / c);
    for (let x = Math.floor(b.x / c); x <= x1; x++)
      for (let y = Math.floor(b.y / c); y <= y1; y++) {
        const k = x * CELL_ROW + y;
        const list = this.cells.get(k);
        if (list) list.push(b);
        else this.cells.set(k, [b]);
      }
  }
  hits(b: Box): boolean {
    const c = this.cell;
    const x1 = Math.floor((b.x + b.w) / c);
    const y1 = Math.floor((b.y + b.h) / c);
    for (let x = Math.floor(b.x / c); x <= x1; x++)
      for (let y = Math.floor(b.y / c); y <= y1; y++) {
        const list = this.cells.get(x * CELL_ROW + y);
        if (list) for (const o of list) if (overlaps(o, b)) return true;
      }
    return false;
  }
}

const faceBox = (x: number, y: number, pains: boolean): Box => ({
  x: x - FACE_BOX_PX / 2,
  y: y - FACE_BOX_PX / 2,
  w: FACE_BOX_PX + (pains ? 16 : 0),
  h: FACE_BOX_PX,
});

export function layoutGlyphs(inputs: readonly GlyphInput[], nodes: readonly Box[]): GlyphLayout {
  const sorted = [...inputs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const shifts = new Map<string, { dx: number; dy: number }>();
  const faces = new BoxIndex();
  const anchors = new Map<string, { x: number; y: number }>();
  const faceBoxes: Box[] = [];
  for (const tp of sorted) {
    const m = bezierMidpoint(tp);
    let at = m;
    for (let k = 0; k < 12; k++) {
      // 0, +1, -1, +2, -2 … face widths sideways.
      const step = k === 0 ? 0 : (k % 2 === 1 ? 1 : -1) * Math.ceil(k / 2);
      const x = m.x + step * (FACE_BOX_PX + GAP_PX + (tp.hasPains ? 16 : 0));
      const probe = faceBox(x, m.y, tp.hasPains);
      if (!faces.hits(probe)) {
        at = { x, y: m.y };
        break;
      }
    }
    if (at.x !== m.x) shifts.set(tp.id, { dx: at.x - m.x, dy: 0 });
    anchors.set(tp.id, at);
    const box = faceBox(at.x, at.y, tp.hasPains);
    faces.add(box);
    faceBoxes.push(box);
  }

  const taken = new BoxIndex();
  for (const n of nodes) taken.add(n);
  for (const b of faceBoxes) taken.add(b);
  // The nodes' box: an image export is cut at it (model/geometry.ts, mapExtent), so a text
  // goes outside it only when no place inside is free.
  const area = boundsOf(nodes);
  const inside = (b: Box) =>
    !area ||
    (b.x >= area.x &&
      b.y >= area.y &&
      b.x + b.w <= area.x + area.w &&
      b.y + b.h <= area.y + area.h);
  const texts: TextPlace[] = [];
  for (const tp of sorted) {
    const text = shortText(tp.action);
    if (!text) continue;
    const a = anchors.get(tp.id)!;
    const half = tp.hasGlyph ? FACE_BOX_PX / 2 : 2;
    const right = a.x + half + (tp.hasPains ? 16 : 0) + GAP_PX;
    const spotsFor = (size: { w: number; h: number }): Box[] => {
      const left = a.x - half - GAP_PX - size.w;
      const below = a.y + half + GAP_PX;
      const above = a.y - half - GAP_PX - size.h;
      return [
        // Beside the face: right (centred, lower, upper), left, below, above.
        { x: right, y: a.y - size.h / 2, ...size },
        { x: right, y: a.y + 2, ...size },
        { x: right, y: a.y - 2 - size.h, ...size },
        { x: left, y: a.y - size.h / 2, ...size },
        { x: a.x - size.w / 2, y: below, ...size },
        { x: a.x - size.w / 2, y: above, ...size },
        // A crowded row of faces: under or over it, starting at the face or ending there.
        { x: a.x - half, y: below, ...size },
        { x: a.x + half - size.w, y: below, ...size },
        { x: a.x - half, y: above, ...size },
        { x: a.x + half - size.w, y: above, ...size },
      ];
    };
    let place: TextPlace | null = null;
    for (const keep of [inside, () => true]) {
      for (const maxLines of [TEXT_MAX_LINES, 1]) {
        const size = textSize(text, maxLines);
        const spot = spotsFor(size).find((s) => keep(s) && !taken.hits(s));
        if (!spot) continue;
        place = {
          id: tp.id,
          text,
          lines: size.lines,
          x: Math.round(spot.x),
          y: Math.round(spot.y),
          w: size.w,
          h: size.h,
        };
        break;
      }
      if (place) break;
    }
    if (!place) continue;
    taken.add(place);
    texts.push(place);
  }
  return { shifts, texts };
}

const sameBox = (a: Box, b: Box) => a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;

function sameInput(a: GlyphInput, b: GlyphInput): boolean {
  return (
    a.id === b.id &&
    a.action === b.action &&
    a.hasGlyph === b.hasGlyph &&
    a.hasPains === b.hasPains &&
    a.sourceHandle === b.sourceHandle &&
    a.targetHandle === b.targetHandle &&
    sameBox(a.from, b.from) &&
    sameBox(a.to, b.to)
  );
}

const sameList = <T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean) =>
  a.length === b.length && a.every((x, i) => same(x, b[i]!));

/**
 * `layoutGlyphs` that returns its last layout (the same object) while what the layout reads
 * is unchanged: a label edit, a colour or a selection changes the snapshot but no box and no
 * action, so the canvas neither lays out again nor re-maps edges for new shifts. Comparing
 * the inputs costs far less than laying them out. One per canvas.
 */
export function cachedGlyphLayout(): (
  inputs: readonly GlyphInput[],
  nodes: readonly Box[],
) => GlyphLayout {
  let last: { inputs: readonly GlyphInput[]; nodes: readonly Box[]; layout: GlyphLayout } | null =
    null;
  return (inputs, nodes) => {
    if (last && sameList(last.inputs, inputs, sameInput) && sameList(last.nodes, nodes, sameBox))
      return last.layout;
    const layout = layoutGlyphs(inputs, nodes);
    last = { inputs, nodes, layout };
    return layout;
  };
}
