/** The grid's windowing: which rows and columns are rendered, the placeholders, the row estimates, and GridView's first render of a large map. */
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { gridModel, type GridRow } from '../../model/grid';
import type { JourneyNode, Touchpoint } from '../../model/types';
import { makeSnapshot, renderStatic } from '../testing/staticRender';
import { rowCells } from './cells';
import { GridView } from './GridView';
import { estimateRowHeight } from './rowHeight';
import {
  areaFor,
  columnRange,
  isWhole,
  MARGIN_X,
  MARGIN_Y,
  nextArea,
  rowRange,
  sameSlots,
  slots,
  type Viewport,
} from './windowing';

const at = (top: number, left: number): Viewport => ({
  top,
  left,
  width: 1100,
  height: 800,
  headHeight: 60,
  laneWidth: 160,
});

describe('rendered rows and columns', () => {
  it('finds the rows and columns that meet an area', () => {
    const heights = [100, 200, 300, 50];
    expect(rowRange(heights, 0, 50)).toEqual([0, 1]);
    expect(rowRange(heights, 150, 301)).toEqual([1, 3]);
    expect(rowRange(heights, 0, 10_000)).toEqual([0, 4]);
    expect(rowRange(heights, 700, 800)).toEqual([0, 0]);
    expect(columnRange(30, 134, 0, 940)).toEqual([0, 8]);
    expect(columnRange(30, 134, 1340, 1341)).toEqual([10, 11]);
    expect(columnRange(30, 134, 0, 100_000)).toEqual([0, 30]);
  });

  it('leaves placeholders the size of the runs left out, keeps the active index', () => {
    const s = slots(8, [2, 4], [6], (i) => (i + 1) * 10);
    expect(s).toEqual([
      { gap: true, first: 0, count: 2, size: 30 },
      { index: 2 },
      { index: 3 },
      { gap: true, first: 4, count: 2, size: 110 },
      { index: 6 },
      { gap: true, first: 7, count: 1, size: 80 },
    ]);
    expect(isWhole(s)).toBe(false);
    expect(isWhole(slots(3, [0, 3]))).toBe(true);
    expect(
      sameSlots(
        s,
        slots(8, [2, 4], [6], () => 1),
      ),
    ).toBe(true);
    expect(sameSlots(s, slots(8, [2, 5], [6]))).toBe(false);
  });

  it('moves the rendered area only when what is visible comes near its edge', () => {
    const first = areaFor(at(0, 0));
    expect(first).toEqual({ y0: 0, y1: 740 + MARGIN_Y, x0: 0, x1: 940 + MARGIN_X });
    // A small scroll stays inside: the same area, nothing to render.
    expect(nextArea(first, at(40, 40))).toBe(first);
    // Near the edge: a new area around the new position.
    const moved = nextArea(first, at(MARGIN_Y, 0));
    expect(moved).not.toBe(first);
    expect(moved.y0).toBe(0);
    expect(moved.y1).toBe(MARGIN_Y + 740 + MARGIN_Y);
    // Far away (a keyboard jump to the end): the area follows, it does not stretch.
    const far = nextArea(first, at(20_000, 3000));
    expect(far).toEqual(areaFor(at(20_000, 3000)));
  });
});

const stages: JourneyNode[] = Array.from({ length: 30 }, (_, i) => ({
  id: `s${i}`,
  kind: 'stage' as const,
  label: `Stage ${i + 1}`,
  x: i * 200,
  y: 0,
  order: i + 1,
}));
const channels: JourneyNode[] = Array.from({ length: 40 }, (_, i) => ({
  id: `c${i}`,
  kind: 'channel' as const,
  label: `Channel ${i + 1}`,
  x: 0,
  y: 200 + i * 100,
  channelType: 'web' as const,
}));
const tp = (s: number, c: number, action: string): Touchpoint => ({
  id: `t-${s}-${c}-${action.length}`,
  from: `s${s}`,
  to: `c${c}`,
  action,
  painPoints: [],
  opportunities: [],
  kpiIds: [],
});
const touchpoints = stages.flatMap((_, s) => channels.map((_, c) => tp(s, c, `Acts ${s}.${c}`)));
const big = makeSnapshot({ nodes: [...stages, ...channels], touchpoints });
const renderBig = (renderAll: boolean) =>
  renderStatic(
    createElement(GridView, {
      snapshot: big,
      selection: { nodes: new Set<string>(), touchpoints: new Set<string>() },
      select: () => {},
      renderAll,
    }),
    big,
  );
const count = (html: string, re: RegExp) => html.match(re)?.length ?? 0;

describe('GridView windowed', () => {
  it('renders the rows and columns near the top left of a large map, placeholders for the rest', () => {
    const html = renderBig(false);
    const rows = gridModel(big).visibleRows.length;
    expect(html).toContain(`aria-rowcount="${rows + 1}"`);
    expect(html).toContain('aria-colcount="31"');
    expect(html).toContain('data-complete="false"');
    const headers = count(html, /role="columnheader"/g);
    expect(headers).toBeGreaterThan(5);
    expect(headers).toBeLessThan(31);
    const lanes = count(html, /role="rowheader"/g);
    expect(lanes).toBeGreaterThan(2);
    expect(lanes).toBeLessThan(rows);
    expect(html).toContain('class="grid-gap"');
    // Placeholders are not in the accessibility tree; rendered cells say where they are.
    expect(html).toMatch(/<tr class="grid-gap-row" aria-hidden="true">/);
    expect(html).toContain('aria-colindex="2"');
    expect(html).not.toContain('Acts 29.39');
    // The roving focus's cell is rendered.
    expect(count(html, /tabindex="0"/g)).toBe(1);
  });

  it('renders every row and column with the render-all switch (a picture)', () => {
    const html = renderBig(true);
    expect(html).toContain('data-complete="true"');
    expect(count(html, /role="columnheader"/g)).toBe(31);
    expect(count(html, /role="rowheader"/g)).toBe(gridModel(big).visibleRows.length);
    expect(html).not.toContain('grid-gap');
    expect(html).toContain('Acts 29.39');
  });
});

describe('row estimates', () => {
  const model = gridModel(big);
  const row = (key: string): GridRow => model.visibleRows.find((r) => r.key === key)!;
  it('grow with a row’s tallest cell and the blueprint line above it', () => {
    const web = row('channel:c0');
    const cells = rowCells(web, model);
    const one = estimateRowHeight(web, cells, 134, false);
    const empty = estimateRowHeight(
      web,
      cells.map(() => []),
      134,
      false,
    );
    expect(empty).toBeLessThan(one);
    const two = cells.map((c, i) =>
      i === 3 ? [...(c as Touchpoint[]), ...(c as Touchpoint[])] : c,
    );
    expect(estimateRowHeight(web, two, 134, false)).toBeGreaterThan(one);
    expect(estimateRowHeight(web, cells, 134, true)).toBeGreaterThan(one);
    // Narrower columns wrap long text into more lines.
    const long = cells.map(() => [tp(0, 0, 'x'.repeat(200))]);
    expect(estimateRowHeight(web, long, 134, false)).toBeGreaterThan(
      estimateRowHeight(web, long, 400, false),
    );
  });
});
