/**
 * The deck's overview laid out natively (issue 16): the journey grid as stage columns × lane
 * rows, with each touchpoint a small card in its emotion colour and every other cell's texts
 * as lines, fitted to the page. Shared by the PDF (points) and the PowerPoint file (points,
 * turned into inches there): a pure function of the deck, a text measure and a box, returning
 * positioned boxes that each builder draws with its own primitives. No picture, no DOM.
 *
 * Fitting: stages are split over as many pages as keep a column at least `MIN_COL` wide; on
 * each page the roomiest of a few plans that fits is chosen (cards of up to 3 lines, every item
 * shown … down to one line and one item per cell, the rest counted as "+N"); when even the
 * tightest plan is too tall, the lanes continue on more pages. Coordinates: points, y down.
 */
import type { Deck, DeckGridItem, DeckGridRow } from '../model/deck';
import type { Emotion, LaneType } from '../model/types';

export interface TextMeasure {
  /** The text as it will be drawn (characters the font lacks replaced, one line). */
  clean(text: string): string;
  /** Width of clean text at `size` points, in points. */
  width(text: string, size: number, bold: boolean): number;
}

export interface OverviewLabels {
  /** Names of the lanes by type (a lane with a stored title uses it). */
  readonly lanes: Readonly<Record<LaneType, string>>;
  /** The corner cell above the lane names, e.g. "Lanes". */
  readonly corner: string;
  readonly emotions: Readonly<Record<Emotion, string>>;
  readonly unrated: string;
  readonly untitledStage: string;
}

export interface Area {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

interface At {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export type OverviewBox =
  /** A stage's column head: its number and name. */
  | (At & { readonly kind: 'stage'; readonly lines: readonly string[]; readonly size: number })
  /** A lane's name, left of its row. */
  | (At & { readonly kind: 'lane'; readonly lines: readonly string[]; readonly size: number })
  /** A row's background band (every other row) and the rule under it. */
  | (At & { readonly kind: 'band'; readonly shaded: boolean })
  /** A touchpoint: a card in its emotion's colour. */
  | (At & {
      readonly kind: 'card';
      readonly lines: readonly string[];
      readonly size: number;
      readonly emotion: Emotion | null;
    })
  /** A text item (pain point, device, lane item…), with a coloured mark for some lanes. */
  | (At & {
      readonly kind: 'text';
      readonly lines: readonly string[];
      readonly size: number;
      readonly mark?: 'pain' | 'gain';
    })
  /** A cell as a count (dense maps): how many items, tinted by their mean emotion. */
  | (At & {
      readonly kind: 'count';
      readonly text: string;
      readonly size: number;
      /** Touchpoint rows: the mean of the rated emotions (null: none rated); text rows: undefined. */
      readonly emotion?: number | null;
    })
  /** "+N": items of the cell left out. */
  | (At & { readonly kind: 'more'; readonly text: string; readonly size: number })
  /** The emotion row: the stage's mean emotion as a face (centre, radius) and its name. */
  | (At & {
      readonly kind: 'face';
      readonly emotion: number | null;
      readonly r: number;
      readonly label: string;
      readonly size: number;
    });

export interface OverviewPage {
  readonly boxes: readonly OverviewBox[];
}

/** Sizes, in points. */
const MIN_COL = 84;
const HEAD_SIZE = 8;
const LANE_SIZE = 7.5;
const ITEM_SIZE = 7;
const LINE = ITEM_SIZE * 1.25;
const CARD_PAD = 2.2;
const GAP = 2;
const ROW_PAD = 3;
/** Room for "+N" beside a cell's last item. */
const MORE_W = 15;
const FACE_ROW = 20;
const MAX_CHARS = 400;

/** The plans tried, roomiest first: lines per item, items per cell. */
const PLANS: ReadonlyArray<readonly [number, number]> = [
  [3, Infinity],
  [2, Infinity],
  [2, 6],
  [1, Infinity],
  [2, 4],
  [1, 6],
  [1, 4],
  [1, 3],
  [1, 2],
  [1, 1],
];

/** White space as `\s` matches it (what the words of a wrap are split on). */
function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** `line` cut so that it and "…" fit `width` (measured character by character). */
function ellipsize(m: TextMeasure, line: string, size: number, bold: boolean, width: number) {
  const room = width - m.width('…', size, bold);
  let w = 0;
  let end = 0;
  while (end < line.length) {
    const pair = line.codePointAt(end)! > 0xffff;
    w += m.width(pair ? line.slice(end, end + 2) : line[end]!, size, bold);
    if (w > room) break;
    end += pair ? 2 : 1;
  }
  return `${line.slice(0, end).trimEnd()}…`;
}

/** A wrap and whether text was left out of it (it ran past its last line, or MAX_CHARS). */
export interface Wrap {
  readonly lines: string[];
  readonly cut: boolean;
}

/**
 * Greedy word wrap to at most `maxLines` lines of `width`, the last cut with "…" when text is
 * left out. A line's width is the sum of its words and spaces (each word measured once).
 */
export const wrapLines = (...args: Parameters<typeof wrap>): string[] => wrap(...args).lines;

/** The wrap of wrapLines, and whether it left text out (what firstLines needs to cut a shorter wrap). */
export function wrap(
  m: TextMeasure,
  raw: string,
  size: number,
  bold: boolean,
  width: number,
  maxLines: number,
): Wrap {
  let cut = raw.length > MAX_CHARS;
  const text = m.clean(cut ? raw.slice(0, MAX_CHARS) : raw);
  const space = m.width(' ', size, bold);
  const lines: string[] = [];
  // Words are the runs between white space; a line is words joined by one space. While the
  // line's words have one plain space between them in the text, it is a slice of the text.
  const n = text.length;
  let from = -1; // the line as text.slice(from, to) while `joined` is null
  let to = -1;
  let joined: string | null = null;
  let curW = 0;
  const line = () => joined ?? text.slice(from, to);
  const skipSpace = (i: number) => {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    return i;
  };
  let i = skipSpace(0);
  while (i < n) {
    const start = i;
    while (i < n && !isSpace(text.charCodeAt(i))) i++;
    const word = text.slice(start, i);
    const w = m.width(word, size, bold);
    i = skipSpace(i);
    if (from >= 0 && curW + space + w <= width) {
      if (joined === null && start === to + 1 && text.charCodeAt(to) === 0x20)
        to = start + word.length;
      else joined = `${line()} ${word}`;
      curW += space + w;
      continue;
    }
    if (from >= 0) {
      if (lines.length + 1 === maxLines) {
        cut = true;
        break;
      }
      lines.push(line());
    }
    if (w <= width) {
      from = start;
      to = start + word.length;
      joined = null;
      curW = w;
      continue;
    }
    // A word wider than a line: the line holds what fits of it, "…" ends it.
    from = start;
    joined = ellipsize(m, word, size, bold, width);
    curW = width;
    if (i < n && lines.length + 1 === maxLines) cut = true;
  }
  const cur = from >= 0 ? line() : '';
  if (cur) lines.push(cur);
  if (cut && lines.length) {
    const last = lines[lines.length - 1]!;
    if (!last.endsWith('…')) lines[lines.length - 1] = ellipsize(m, last, size, bold, width);
  }
  return { lines, cut };
}

/**
 * The lines a wrap to `n` lines would give, from `full`, a wrap of the same text and width to
 * `n` or more lines: greedy wrapping makes the same first lines, and the n-th is cut with "…"
 * when anything follows it.
 */
export function firstLines(
  m: TextMeasure,
  full: Wrap,
  n: number,
  size: number,
  bold: boolean,
  width: number,
): string[] {
  if (full.lines.length <= n) return full.lines;
  const lines = full.lines.slice(0, n);
  const last = lines[n - 1]!;
  if (!last.endsWith('…')) lines[n - 1] = ellipsize(m, last, size, bold, width);
  return lines;
}

const isEmotion = (e: unknown): e is Emotion =>
  typeof e === 'number' && Number.isInteger(e) && e >= -2 && e <= 2;

const emotionName = (l: OverviewLabels, e: number | null): string =>
  e === null || !Number.isFinite(e)
    ? l.unrated
    : (l.emotions[Math.max(-2, Math.min(2, Math.round(e))) as Emotion] ?? '');

interface Cols {
  readonly from: number;
  readonly to: number;
}

/** The most lines a plan gives an item. */
const MOST_LINES = Math.max(...PLANS.map(([lines]) => lines));

/**
 * Per item and width: its wrap to MOST_LINES, made once; every plan's lines come from it
 * (firstLines), and a plan's height only needs min(its lines, the wrap's), so trying ten plans
 * does not wrap each item ten times.
 */
type Wrapped = Map<DeckGridItem, Map<number, Wrap>>;

function fullWrap(m: TextMeasure, item: DeckGridItem, w: number, cache: Wrapped): Wrap {
  let byItem = cache.get(item);
  if (!byItem) cache.set(item, (byItem = new Map()));
  let out = byItem.get(w);
  if (!out) {
    const wrapped = wrap(m, item.text, ITEM_SIZE, false, innerWidth(item, w), MOST_LINES);
    out = wrapped.lines.length ? wrapped : { lines: [''], cut: false };
    byItem.set(w, out);
  }
  return out;
}

const innerWidth = (item: DeckGridItem, w: number) =>
  item.touchpoint ? w - 2 * CARD_PAD - 3 : w - 6;

/** Height of one item drawn with at most `lines` lines. */
function itemHeight(
  m: TextMeasure,
  item: DeckGridItem,
  w: number,
  lines: number,
  cache: Wrapped,
): number {
  const count = Math.min(lines, fullWrap(m, item, w, cache).lines.length);
  return count * LINE + (item.touchpoint ? 2 * CARD_PAD : 0);
}

/** The lines of one item drawn with at most `lines` lines. */
function wrapped(
  m: TextMeasure,
  item: DeckGridItem,
  w: number,
  lines: number,
  cache: Wrapped,
): string[] {
  return firstLines(m, fullWrap(m, item, w, cache), lines, ITEM_SIZE, false, innerWidth(item, w));
}

function cellHeight(
  m: TextMeasure,
  items: readonly DeckGridItem[],
  w: number,
  plan: readonly [number, number],
  cache: Wrapped,
): number {
  // Not destructured: array destructuring goes through the iterator protocol, which allocates
  // in code V8 has not optimised (a layout runs a few times per export).
  const lines = plan[0];
  const cap = plan[1];
  const iw = items.length > cap ? w - MORE_W : w;
  const shown = Math.min(items.length, cap);
  let h = 0;
  for (let i = 0; i < shown; i++) h += itemHeight(m, items[i]!, iw, lines, cache) + GAP;
  return Math.max(0, h - GAP);
}

function rowHeight(
  m: TextMeasure,
  row: DeckGridRow,
  cols: Cols,
  cw: number,
  plan: readonly [number, number],
  cache: Wrapped,
): number {
  if (row.type === 'emotion') return FACE_ROW;
  let h = LINE;
  for (let i = cols.from; i < cols.to; i++)
    h = Math.max(h, cellHeight(m, row.cells[i] ?? [], cw - 2 * ROW_PAD, plan, cache));
  return h + 2 * ROW_PAD;
}

const laneName = (l: OverviewLabels, row: DeckGridRow) =>
  row.title.trim() || l.lanes[row.type] || row.type;

/** The overview in cards: the actions, pain points… themselves. */
function cardPages(deck: Deck, labels: OverviewLabels, area: Area, m: TextMeasure): OverviewPage[] {
  const n = deck.stages.length;
  const laneW = Math.min(104, Math.max(70, area.w * 0.12));
  const room = area.w - laneW;
  const perPageMax = Math.max(1, Math.floor(room / MIN_COL));
  const chunks = Math.max(1, Math.ceil(n / perPageMax));
  const per = Math.max(1, Math.ceil(n / chunks));
  const cache: Wrapped = new Map();
  const pages: OverviewPage[] = [];
  for (let c = 0; c < chunks; c++) {
    const cols = { from: c * per, to: Math.min(n, (c + 1) * per) };
    const count = Math.max(1, cols.to - cols.from);
    const cw = room / count;
    // Stage heads: number and name on up to 2 lines.
    const heads = deck.stages
      .slice(cols.from, cols.to)
      .map((s) =>
        wrapLines(
          m,
          `${s.index}. ${s.title.trim() || labels.untitledStage}`,
          HEAD_SIZE,
          true,
          cw - 6,
          2,
        ),
      );
    const headH = Math.max(1, ...heads.map((h) => h.length)) * HEAD_SIZE * 1.25 + 8;
    // Lanes with something to show on this page.
    const rows = deck.grid.filter((row) =>
      row.type === 'emotion'
        ? deck.stages.slice(cols.from, cols.to).some((s) => s.emotion !== null)
        : row.cells.slice(cols.from, cols.to).some((cell) => cell.length > 0),
    );
    const bodyH = area.h - headH;
    let plan = PLANS[PLANS.length - 1]!;
    let heights = rows.map((r) => rowHeight(m, r, cols, cw, plan, cache));
    for (const p of PLANS) {
      const hs = rows.map((r) => rowHeight(m, r, cols, cw, p, cache));
      if (hs.reduce((a, b) => a + b, 0) <= bodyH) {
        plan = p;
        heights = hs;
        break;
      }
    }
    // Rows in groups that fit (one group unless even the tightest plan is too tall).
    const groups: number[][] = [[]];
    let used = 0;
    rows.forEach((_, i) => {
      const h = Math.min(heights[i]!, bodyH);
      if (used + h > bodyH && groups[groups.length - 1]!.length) {
        groups.push([]);
        used = 0;
      }
      groups[groups.length - 1]!.push(i);
      used += h;
    });
    for (const group of groups) {
      const boxes: OverviewBox[] = [];
      const headTop = area.y;
      boxes.push({
        kind: 'lane',
        x: area.x,
        y: headTop,
        w: laneW,
        h: headH,
        lines: wrapLines(m, labels.corner, LANE_SIZE, true, laneW - 6, 1),
        size: LANE_SIZE,
      });
      heads.forEach((lines, k) =>
        boxes.push({
          kind: 'stage',
          x: area.x + laneW + k * cw,
          y: headTop,
          w: cw,
          h: headH,
          lines,
          size: HEAD_SIZE,
        }),
      );
      let y = area.y + headH;
      group.forEach((ri, gi) => {
        const row = rows[ri]!;
        const h = Math.min(heights[ri]!, bodyH);
        boxes.push({ kind: 'band', x: area.x, y, w: area.w, h, shaded: gi % 2 === 0 });
        boxes.push({
          kind: 'lane',
          x: area.x,
          y,
          w: laneW,
          h,
          lines: wrapLines(
            m,
            laneName(labels, row),
            LANE_SIZE,
            true,
            laneW - 6,
            Math.max(1, Math.floor((h - 2) / (LANE_SIZE * 1.25))),
          ),
          size: LANE_SIZE,
        });
        for (let i = cols.from; i < cols.to; i++) {
          const x = area.x + laneW + (i - cols.from) * cw + ROW_PAD;
          const w = cw - 2 * ROW_PAD;
          if (row.type === 'emotion') {
            const e = deck.stages[i]!.emotion;
            boxes.push({
              kind: 'face',
              x,
              y,
              w,
              h,
              r: 6,
              emotion: e,
              label: emotionName(labels, e),
              size: ITEM_SIZE,
            });
            continue;
          }
          const items = row.cells[i] ?? [];
          let iy = y + ROW_PAD;
          const bottom = y + h - ROW_PAD;
          let shown = 0;
          let lastY = iy;
          // A cell with more items than the plan shows: "+N" to the right of the last one.
          const iw = items.length > plan[1] ? w - MORE_W : w;
          for (const it of items.slice(0, plan[1])) {
            const lines = wrapped(m, it, iw, plan[0], cache);
            const ih = lines.length * LINE + (it.touchpoint ? 2 * CARD_PAD : 0);
            if (iy + ih > bottom + 0.01 && shown > 0) break;
            lastY = iy;
            boxes.push(
              it.touchpoint
                ? {
                    kind: 'card',
                    x,
                    y: iy,
                    w: iw,
                    h: ih,
                    lines,
                    size: ITEM_SIZE,
                    emotion: isEmotion(it.emotion) ? it.emotion : null,
                  }
                : {
                    kind: 'text',
                    x,
                    y: iy,
                    w: iw,
                    h: ih,
                    lines,
                    size: ITEM_SIZE,
                    ...(row.type === 'painPoints'
                      ? { mark: 'pain' as const }
                      : row.type === 'opportunities'
                        ? { mark: 'gain' as const }
                        : {}),
                  },
            );
            iy += ih + GAP;
            shown++;
          }
          if (shown < items.length)
            boxes.push({
              kind: 'more',
              x: x + iw + 1,
              y: lastY + (row.type === 'actions' || row.type === 'channel' ? CARD_PAD : 0),
              w: w - iw - 1,
              h: LINE,
              text: `+${items.length - shown}`,
              size: ITEM_SIZE,
            });
        }
        y += h;
      });
      pages.push({ boxes });
    }
  }
  return pages;
}

/** Count mode's sizes: columns as narrow as a number, rows as short as a line. */
const COUNT_COL = 24;
const COUNT_SIZE = 6.5;
const COUNT_ROW = { min: 7.5, max: 14 };

const mean = (items: readonly DeckGridItem[]): number | null => {
  const rated = items.map((i) => i.emotion).filter(isEmotion);
  return rated.length ? rated.reduce((a: number, b) => a + b, 0) / rated.length : null;
};

/** The overview in counts, for grids too big for cards: each cell says how many items it has. */
function countPages(deck: Deck, labels: OverviewLabels, area: Area, m: TextMeasure) {
  const n = deck.stages.length;
  const laneW = Math.min(104, Math.max(70, area.w * 0.12));
  const room = area.w - laneW;
  const chunks = Math.max(1, Math.ceil(n / Math.max(1, Math.floor(room / COUNT_COL))));
  const per = Math.max(1, Math.ceil(n / chunks));
  const pages: OverviewPage[] = [];
  for (let c = 0; c < chunks; c++) {
    const from = c * per;
    const to = Math.min(n, from + per);
    const cw = room / Math.max(1, to - from);
    const heads = deck.stages
      .slice(from, to)
      .map((s) =>
        wrapLines(
          m,
          `${s.index}. ${s.title.trim() || labels.untitledStage}`,
          COUNT_SIZE,
          true,
          cw - 3,
          3,
        ),
      );
    const headH = Math.max(1, ...heads.map((h) => h.length)) * COUNT_SIZE * 1.25 + 6;
    const rows = deck.grid.filter((row) =>
      row.type === 'emotion'
        ? deck.stages.slice(from, to).some((s) => s.emotion !== null)
        : row.cells.slice(from, to).some((cell) => cell.length > 0),
    );
    const bodyH = area.h - headH;
    const rowH = Math.max(COUNT_ROW.min, Math.min(COUNT_ROW.max, bodyH / Math.max(1, rows.length)));
    const perGroup = Math.max(1, Math.floor(bodyH / rowH));
    for (let g = 0; g < Math.max(1, rows.length); g += perGroup) {
      const boxes: OverviewBox[] = [];
      boxes.push({
        kind: 'lane',
        x: area.x,
        y: area.y,
        w: laneW,
        h: headH,
        lines: wrapLines(m, labels.corner, COUNT_SIZE, true, laneW - 6, 1),
        size: COUNT_SIZE,
      });
      heads.forEach((lines, k) =>
        boxes.push({
          kind: 'stage',
          x: area.x + laneW + k * cw,
          y: area.y,
          w: cw,
          h: headH,
          lines,
          size: COUNT_SIZE,
        }),
      );
      let y = area.y + headH;
      rows.slice(g, g + perGroup).forEach((row, gi) => {
        boxes.push({ kind: 'band', x: area.x, y, w: area.w, h: rowH, shaded: gi % 2 === 0 });
        const size = Math.min(LANE_SIZE, rowH * 0.72);
        boxes.push({
          kind: 'lane',
          x: area.x,
          y,
          w: laneW,
          h: rowH,
          lines: wrapLines(m, laneName(labels, row), size, true, laneW - 6, 1),
          size,
        });
        for (let i = from; i < to; i++) {
          const x = area.x + laneW + (i - from) * cw + 1;
          if (row.type === 'emotion') {
            const r = Math.min(rowH / 2 - 1, 4.5);
            boxes.push({
              kind: 'face',
              x: x + (cw - 2) / 2 - r - 1,
              y,
              w: 2 * r + 2,
              h: rowH,
              r,
              emotion: deck.stages[i]!.emotion,
              label: '',
              size: COUNT_SIZE,
            });
            continue;
          }
          const items = row.cells[i] ?? [];
          if (!items.length) continue;
          const cards = items.some((it) => it.touchpoint);
          boxes.push({
            kind: 'count',
            x,
            y: y + 1,
            w: cw - 2,
            h: rowH - 2,
            text: String(items.length),
            size: Math.min(COUNT_SIZE, rowH * 0.7),
            ...(cards ? { emotion: mean(items) } : {}),
          });
        }
        y += rowH;
      });
      pages.push({ boxes });
    }
  }
  return pages;
}

/** More overview pages than this, and the grid is shown as counts. */
const MAX_CARD_PAGES = 2;

/** The overview's pages (at least one, even for a map with no stages). */
export function layoutOverview(
  deck: Deck,
  labels: OverviewLabels,
  area: Area,
  m: TextMeasure,
): OverviewPage[] {
  const cards = cardPages(deck, labels, area, m);
  return cards.length <= MAX_CARD_PAGES ? cards : countPages(deck, labels, area, m);
}
