/**
 * What part of the grid is rendered: the rows and columns within the scrolled-to area plus a
 * margin, the active cell's row and column always (the roving focus and a cell being edited
 * stay in the DOM), and placeholders ("gaps") standing for the runs left out, so the table keeps
 * its whole size (scrollbars, sticky headers, keyboard moves and the emotion curve stay right).
 * Pure: GridView measures the DOM and feeds the numbers in.
 */

/** A rendered index, or a run of `count` left-out indices starting at `first` (`size` px, rows only). */
export type Slot =
  | { readonly index: number }
  | { readonly gap: true; readonly first: number; readonly count: number; readonly size: number };

/** The area to render, px: rows in tbody coordinates, columns from the first stage column's left edge. */
export interface Area {
  readonly y0: number;
  readonly y1: number;
  readonly x0: number;
  readonly x1: number;
}

/** What GridView reads from the DOM (or assumes before the first layout). */
export interface Viewport {
  /** Scroll offsets of the grid's scroller, px. */
  readonly top: number;
  readonly left: number;
  /** The scroller's client size, px. */
  readonly width: number;
  readonly height: number;
  /** The sticky stage header's height and the sticky lane column's width, px. */
  readonly headHeight: number;
  readonly laneWidth: number;
}

/** Rendered beyond the visible area on each side, px. */
export const MARGIN_Y = 360;
export const MARGIN_X = 280;
/** Before it runs out, the rendered area is moved when the visible area comes this near its edge. */
const LEAD_Y = MARGIN_Y / 3;
const LEAD_X = MARGIN_X / 3;

/** The visible part of the rows and columns, px (what the sticky headers cover is not visible). */
function visible(v: Viewport): Area {
  return {
    y0: v.top,
    y1: v.top + Math.max(0, v.height - v.headHeight),
    x0: v.left,
    x1: v.left + Math.max(0, v.width - v.laneWidth),
  };
}

const grow = (a: Area, dy: number, dx: number): Area => ({
  y0: Math.max(0, a.y0 - dy),
  y1: a.y1 + dy,
  x0: Math.max(0, a.x0 - dx),
  x1: a.x1 + dx,
});

/** The area to render for `v`: the visible area and the margins. */
export function areaFor(v: Viewport): Area {
  return grow(visible(v), MARGIN_Y, MARGIN_X);
}

/**
 * The area to render after a scroll or resize: `current` while it still covers what is visible
 * with some lead (so a scroll does not re-render the grid at every frame), else a new one.
 */
export function nextArea(current: Area, v: Viewport): Area {
  const need = grow(visible(v), LEAD_Y, LEAD_X);
  const covered =
    current.y0 <= need.y0 &&
    current.y1 >= need.y1 &&
    current.x0 <= need.x0 &&
    current.x1 >= need.x1;
  // Shrinking matters too: after a jump far away, the old area would keep everything between.
  const far =
    current.y1 - current.y0 > need.y1 - need.y0 + 4 * MARGIN_Y ||
    current.x1 - current.x0 > need.x1 - need.x0 + 4 * MARGIN_X;
  return covered && !far ? current : areaFor(v);
}

export const sameArea = (a: Area, b: Area) =>
  a.y0 === b.y0 && a.y1 === b.y1 && a.x0 === b.x0 && a.x1 === b.x1;

/** The rows (half-open index range) whose extent, laid out with `heights`, meets [y0, y1). */
export function rowRange(heights: readonly number[], y0: number, y1: number): [number, number] {
  let top = 0;
  let start = heights.length;
  let end = heights.length;
  for (let i = 0; i < heights.length; i++) {
    const bottom = top + heights[i]!;
    if (start === heights.length && bottom > y0) start = i;
    if (top >= y1) {
      end = i;
      break;
    }
    top = bottom;
  }
  return start >= end ? [0, 0] : [start, end];
}

/** The columns (half-open index range) of width `width` that meet [x0, x1). */
export function columnRange(
  count: number,
  width: number,
  x0: number,
  x1: number,
): [number, number] {
  if (count === 0 || width <= 0) return [0, count];
  const start = Math.max(0, Math.min(count, Math.floor(x0 / width)));
  const end = Math.max(start, Math.min(count, Math.ceil(x1 / width)));
  return [start, end];
}

/**
 * The slots of `count` indices: those in `range` and in `keep` rendered, the runs between them
 * as gaps whose size is the sum of `sizeOf` over the run.
 */
export function slots(
  count: number,
  range: readonly [number, number],
  keep: readonly number[] = [],
  sizeOf: (i: number) => number = () => 0,
): Slot[] {
  const shown = (i: number) => (i >= range[0] && i < range[1]) || keep.includes(i);
  const out: Slot[] = [];
  let i = 0;
  while (i < count) {
    if (shown(i)) {
      out.push({ index: i });
      i++;
      continue;
    }
    const first = i;
    let size = 0;
    while (i < count && !shown(i)) size += sizeOf(i++);
    out.push({ gap: true, first, count: i - first, size });
  }
  return out;
}

/** Does every index have a slot of its own (nothing left out)? */
export const isWhole = (s: readonly Slot[]) => s.every((x) => 'index' in x);

/** The slots of everything (the render-all switch, a picture). */
export function allSlots(count: number): Slot[] {
  return Array.from({ length: count }, (_, index) => ({ index }));
}

/** Same slots (so memoized rows can tell their columns did not change). */
export function sameSlots(a: readonly Slot[], b: readonly Slot[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if ('index' in x ? !('index' in y) || x.index !== y.index : 'index' in y) return false;
    if ('gap' in x && 'gap' in y && (x.first !== y.first || x.count !== y.count)) return false;
  }
  return true;
}
