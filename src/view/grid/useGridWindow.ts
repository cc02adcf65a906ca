/**
 * The Grid view's windowing (windowing.ts) as a hook: which rows and columns GridView renders,
 * from the scroller's offsets and size, the drawn rows' measured heights (rowHeight.ts
 * estimates the others) and the cells that must stay (the active cell's row and column, a lane
 * or stage being renamed). Grids up to WINDOW_ABOVE_CELLS cells, and any grid while
 * `renderAll` is on, render whole.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type { GridRow, LaneKey } from '../../model/grid';
import type { StageNode } from '../../model/types';
import { sameCells, type CellValue } from './cells';
import { estimateRowHeight } from './rowHeight';
import type { BlueprintLine } from './Rows';
import {
  allSlots,
  areaFor,
  columnRange,
  isWhole,
  nextArea,
  rowRange,
  sameArea,
  sameSlots,
  slots,
  type Area,
  type Slot,
  type Viewport,
} from './windowing';

/**
 * Grids of more cells (stages × shown lanes) render only what is near the screen; smaller ones
 * render whole (and the browser's find-in-page finds everything in them).
 */
export const WINDOW_ABOVE_CELLS = 600;

/** grid.css `--grid-col-min` and `--grid-lane-w`, px: the sizes assumed before the first layout. */
const COL_MIN = 134;
const LANE_W = 160;
const HEAD_H = 60;

/** What is assumed of the scroller before it is laid out: the window's size, at the top left. */
function firstViewport(): Viewport {
  const w = typeof window === 'undefined' ? 1440 : window.innerWidth;
  const h = typeof window === 'undefined' ? 900 : window.innerHeight;
  return { top: 0, left: 0, width: w, height: h, headHeight: HEAD_H, laneWidth: LANE_W };
}

/** A drawn row's height, and the cells it was drawn with (a change of data measures it anew). */
interface Drawn {
  readonly height: number;
  readonly cells: readonly CellValue[];
}

export interface GridWindowInput {
  /** The grid's table and its scroll container. */
  readonly rootRef: RefObject<HTMLTableElement | null>;
  readonly scrollRef: RefObject<HTMLDivElement | null>;
  readonly stages: readonly StageNode[];
  /** The shown lanes, their cells and blueprint lines, in order. */
  readonly rows: readonly GridRow[];
  readonly cells: readonly (readonly CellValue[])[];
  readonly lines: readonly BlueprintLine[];
  /** The active cell (row 0: the stage headers; column 0: the lane titles). */
  readonly active: { readonly r: number; readonly c: number };
  readonly renamingLane: LaneKey | null;
  readonly renamingStage: string | null;
  readonly renderAll: boolean;
}

export interface GridWindow {
  /** The lane rows to render and the placeholders between them. */
  readonly rowSlots: readonly Slot[];
  /** The stage columns to render and the placeholders between them (one array per value). */
  readonly columns: readonly Slot[];
  /** Per row, its least height (the tallest it was drawn with its data), px. */
  readonly minHeights: readonly (number | undefined)[];
  /** Nothing left out. */
  readonly complete: boolean;
  /** For the scroller's scroll event. */
  readonly onScroll: () => void;
}

export function useGridWindow({
  rootRef,
  scrollRef,
  stages,
  rows: visibleRows,
  cells,
  lines,
  active,
  renamingLane,
  renamingStage,
  renderAll,
}: GridWindowInput): GridWindow {
  const ar = active.r;
  const ac = active.c;
  const empty = stages.length === 0;
  const stageCount = useRef(stages.length);
  stageCount.current = stages.length;
  const viewport = useRef<Viewport | null>(null);
  const [area, setArea] = useState<Area>(() => areaFor(firstViewport()));
  const [colWidth, setColWidth] = useState(COL_MIN);
  const areaRef = useRef(area);
  areaRef.current = area;
  const colWidthRef = useRef(colWidth);
  colWidthRef.current = colWidth;
  const drawn = useRef(new Map<LaneKey, Drawn>());
  const whole = renderAll || stages.length * visibleRows.length <= WINDOW_ABOVE_CELLS;
  // Estimated once per row data (a remote edit re-estimates the rows it changed).
  const estimated = useRef(new Map<LaneKey, Drawn & { width: number; line: boolean }>());
  const estimates = useMemo(
    () =>
      visibleRows.map((row, i) => {
        if (whole) return 0;
        const line = lines[i] != null;
        const e = estimated.current.get(row.key);
        if (e && e.width === colWidth && e.line === line && sameCells(e.cells, cells[i]!))
          return e.height;
        const height = estimateRowHeight(row, cells[i]!, colWidth, line);
        estimated.current.set(row.key, { height, cells: cells[i]!, width: colWidth, line });
        return height;
      }),
    [visibleRows, cells, colWidth, lines, whole],
  );
  // Always rendered: the active cell's row and column, a lane or stage being renamed.
  const keepRows = [ar - 1, visibleRows.findIndex((row) => row.key === renamingLane)].filter(
    (i) => i >= 0,
  );
  const keepCols = [ac - 1, stages.findIndex((st) => st.id === renamingStage)].filter(
    (i) => i >= 0,
  );
  const heights = visibleRows.map((row, i) => drawn.current.get(row.key)?.height ?? estimates[i]!);
  const minHeights = visibleRows.map((row, i) => {
    const d = drawn.current.get(row.key);
    return !whole && d && sameCells(d.cells, cells[i]!) ? d.height : undefined;
  });
  const rowSlots: Slot[] = whole
    ? allSlots(visibleRows.length)
    : slots(visibleRows.length, rowRange(heights, area.y0, area.y1), keepRows, (i) => heights[i]!);
  const colSlots: Slot[] = whole
    ? allSlots(stages.length)
    : slots(stages.length, columnRange(stages.length, colWidth, area.x0, area.x1), keepCols);
  // Memoized rows compare the column slots by value; one array per distinct value keeps it cheap.
  const columnsRef = useRef(colSlots);
  if (!sameSlots(columnsRef.current, colSlots)) columnsRef.current = colSlots;
  const columns = columnsRef.current;
  const complete = isWhole(rowSlots) && isWhole(columns);
  const rendered = useRef({ rows: rowSlots, cols: columns });
  rendered.current = { rows: rowSlots, cols: columns };

  /** Reads the scroller and the table; moves the rendered area if what is visible left it. */
  const measure = useCallback(() => {
    const scroller = scrollRef.current;
    const table = rootRef.current;
    if (!scroller || !table) return;
    const corner = table.querySelector<HTMLElement>('.grid-corner');
    const laneWidth = corner?.offsetWidth ?? LANE_W;
    viewport.current = {
      top: scroller.scrollTop,
      left: scroller.scrollLeft,
      width: scroller.clientWidth,
      height: scroller.clientHeight,
      headHeight: table.tHead?.offsetHeight ?? HEAD_H,
      laneWidth,
    };
    const n = stageCount.current;
    if (n > 0) {
      const w = (table.offsetWidth - laneWidth) / n;
      if (w > 0 && Math.abs(colWidthRef.current - w) >= 0.5) {
        // Other widths wrap text anew: the heights drawn at the old one no longer hold.
        drawn.current.clear();
        colWidthRef.current = w;
        setColWidth(w);
      }
    }
    const next = nextArea(areaRef.current, viewport.current);
    if (!sameArea(areaRef.current, next)) {
      areaRef.current = next;
      setArea(next);
    }
  }, [rootRef, scrollRef]);

  // After each render: the drawn rows' heights (placeholders and least heights use them), the
  // scroller's size and offsets. It renders again only when a height moved a row in or out of
  // the area; heights of the same data only grow, so this settles.
  const [, setMeasured] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- after every render, on purpose
  useLayoutEffect(() => {
    const table = rootRef.current;
    if (!table || whole) return;
    measure();
    let changed = false;
    const byKey = new Map(visibleRows.map((row, i) => [row.key, i]));
    for (const tr of table.tBodies[0]?.rows ?? []) {
      const key = tr.dataset.key as LaneKey | undefined;
      const i = key === undefined ? undefined : byKey.get(key);
      if (key === undefined || i === undefined) continue;
      const height = tr.getBoundingClientRect().height;
      const before = drawn.current.get(key);
      const same = before !== undefined && sameCells(before.cells, cells[i]!);
      const next = same ? Math.max(before.height, height) : height;
      if (!before || !same || Math.abs(before.height - next) > 0.5) {
        drawn.current.set(key, { height: next, cells: cells[i]! });
        if (!before || Math.abs(before.height - next) > 0.5) changed = true;
      }
    }
    if (!changed) return;
    // New heights can move rows in or out of the area: render again if they do.
    const h = visibleRows.map((row, i) => drawn.current.get(row.key)?.height ?? estimates[i]!);
    const { rows } = rendered.current;
    const again = slots(visibleRows.length, rowRange(h, area.y0, area.y1), keepRows);
    const indices = (s: readonly Slot[]) => s.flatMap((x) => ('index' in x ? [x.index] : []));
    if (indices(again).join() !== indices(rows).join()) setMeasured((k) => k + 1);
  });

  useEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => measure());
    observer.observe(scroller);
    return () => observer.disconnect();
  }, [measure, scrollRef, empty]);

  return { rowSlots, columns, minHeights, complete, onScroll: measure };
}
