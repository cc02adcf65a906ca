/**
 * A lane row's height before it has been drawn, px: a rough layout of its tallest cell from
 * its data (lines of wrapped text, cards, items), at the metrics of grid.css. It only sizes the
 * placeholders of rows not rendered yet (windowing.ts); a drawn row's measured height replaces it.
 */
import type { GatheredText, GridRow } from '../../model/grid';
import type { DeviceNode, Kpi, LaneItem, Touchpoint } from '../../model/types';
import type { CellValue } from './cells';

/** grid.css: 13 px text at line-height 1.35. */
const LINE = 17.5;
/** An average character of the 13 px UI font, px. */
const CHAR = 6.8;
/** A cell's padding (6 + 6) and its bottom border. */
const CELL_PAD = 13;
/** A cell's horizontal padding (8 + 8) and its right border. */
const CELL_INSET = 17;
/** Above a row with a blueprint line: its border and label (grid.css `.has-line`). */
const LINE_EXTRA = 21;
/** The lane title's block in the row header (a title line, the menu button). */
const HEADER_MIN = 24;
/** An empty channel cell (grid.css `.grid-cell-channel.is-empty`). */
const EMPTY_CHANNEL = 44;
const EMOTION = 96;

/** Lines `text` wraps to in `width` px. */
function lines(text: string, width: number): number {
  const perLine = Math.max(4, Math.floor(width / CHAR));
  return Math.max(1, Math.ceil(text.length / perLine));
}

const sum = <T>(xs: readonly T[], f: (x: T) => number) => xs.reduce((n, x) => n + f(x), 0);

/** The content height of one cell of `row`, px, in a column `width` px wide. */
function cellContent(row: GridRow, value: CellValue, width: number): number {
  const w = width - CELL_INSET;
  if (!Array.isArray(value)) return EMOTION - CELL_PAD;
  switch (row.type) {
    case 'actions':
      return sum(value as readonly Touchpoint[], (tp) => lines(tp.action, w) * LINE + 7);
    case 'painPoints':
    case 'opportunities':
      return sum(value as readonly GatheredText[], (g) => lines(g.text, w - 12) * LINE + 7);
    case 'channel': {
      const tps = value as readonly Touchpoint[];
      if (tps.length === 0) return EMPTY_CHANNEL - CELL_PAD;
      // A card: padding and borders, the face floated left of the action, the badges' line.
      const card = (tp: Touchpoint) =>
        12 +
        Math.max(20, lines(tp.action, w - 12 - 25) * LINE) +
        (tp.painPoints.length || tp.kpiIds.length ? 21 : 0) +
        5;
      return sum(tps, card) + 22;
    }
    case 'devices': {
      const n = (value as readonly DeviceNode[]).length;
      return Math.ceil(n / 2) * 27;
    }
    case 'kpis':
      return sum(value as readonly Kpi[], (k) => LINE + (typeof k.target === 'number' ? 16 : 0));
    default:
      // A content lane: its items and the Add item button.
      return sum(value as readonly LaneItem[], (item) => lines(item.text, w - 14) * LINE + 12) + 26;
  }
}

/** The estimated height of `row` with `cells`, px, columns `width` px wide. */
export function estimateRowHeight(
  row: GridRow,
  cells: readonly CellValue[],
  width: number,
  hasLine: boolean,
): number {
  let tallest = HEADER_MIN;
  for (const value of cells) tallest = Math.max(tallest, cellContent(row, value, width));
  return Math.round(tallest + CELL_PAD + (hasLine ? LINE_EXTRA : 0));
}
