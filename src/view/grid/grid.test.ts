/** The Grid view's first render (static markup) and its pure helpers: orders and cell data. */
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { gridModel, type GridRow, type LaneKey } from '../../model/grid';
import type { GridData, JourneyNode, Touchpoint } from '../../model/types';
import { commandCalls, makeSnapshot, renderStatic } from '../testing/staticRender';
import { rowCells, sameCell, sameCells, type EmotionCell } from './cells';
import { GridView } from './GridView';
import { dropLaneKeys, insertLaneKey, moveLaneKeys, moveStageIds } from './laneOrder';

const nodes: JourneyNode[] = [
  { id: 's1', kind: 'stage', label: 'Inspiration', x: 0, y: 0, order: 1 },
  { id: 's2', kind: 'stage', label: 'Booking', x: 240, y: 0, order: 2 },
  { id: 'c1', kind: 'channel', label: 'Website', x: 0, y: 200, channelType: 'web' },
  { id: 'c2', kind: 'channel', label: 'Call centre', x: 240, y: 200, channelType: 'phone' },
  { id: 'd1', kind: 'device', label: 'PC', x: 0, y: 400, deviceType: 'pc' },
];
const tp = (id: string, from: string, to: string, extra: Partial<Touchpoint> = {}): Touchpoint => ({
  id,
  from,
  to,
  action: '',
  painPoints: [],
  opportunities: [],
  kpiIds: [],
  ...extra,
});
const touchpoints = [
  tp('t1', 's1', 'c1', { action: 'Browses guides', emotion: 2, painPoints: ['Slow pages'] }),
  tp('t2', 's2', 'c2', { action: 'Calls to book', emotion: -1 }),
  tp('t3', 'c1', 'd1'),
];
const grid: GridData = {
  lanes: [
    { id: 'l1', type: 'frontstage', title: '', order: 80, hidden: false },
    { id: 'l2', type: 'backstage', title: 'Behind the desk', order: 90, hidden: false },
    { id: 'l3', type: 'text', title: 'Quotes', order: 110, hidden: true },
  ],
  items: [
    { id: 'i1', laneId: 'l1', stageId: 's2', text: 'Confirmation e-mail', order: 1 },
    { id: 'i2', laneId: 'l2', stageId: 's2', text: 'Re-keys the booking', order: 1 },
  ],
  settings: new Map(),
};
const snapshot = makeSnapshot({ nodes, touchpoints, grid });
const render = (lang: 'en' | 'it' = 'en') =>
  renderStatic(
    createElement(GridView, {
      snapshot,
      selection: { nodes: new Set<string>(), touchpoints: new Set(['t1']) },
      select: () => {},
    }),
    snapshot,
    lang,
  );

describe('GridView (first render)', () => {
  it('is an ARIA grid of stage columns and lane rows, and renders without writing', () => {
    commandCalls.length = 0;
    const html = render();
    expect(html).toContain('role="grid"');
    expect(html).toContain('aria-label="Journey grid"');
    expect(html).toContain('data-testid="journey-grid"');
    expect(html.match(/role="columnheader"/g)).toHaveLength(3);
    // 6 one-of-a-kind lanes, 2 channels, 2 shown content lanes (Quotes is hidden).
    expect(html.match(/role="rowheader"/g)).toHaveLength(10);
    expect(html).not.toContain('Quotes');
    expect(html).toContain('Hidden lanes (1)');
    expect(html).toContain('Frontstage actions');
    expect(html).toContain('Behind the desk');
    expect(html).toContain('Line of interaction');
    expect(html).toContain('Line of visibility');
    expect(html).toContain('aria-label="Add touchpoint: Booking × Website"');
    expect(html).toContain('aria-label="Add item: Frontstage actions, Inspiration"');
    expect(html).toContain('aria-label="Lane options: Website"');
    expect(html).toContain('Mean emotion +2.0: Very positive, 1 rating');
    // One cell is in the Tab order (roving tabindex).
    expect(html.match(/tabindex="0"/g)).toHaveLength(1);
    expect(commandCalls).toEqual([]);
  });

  it('speaks Italian, a content lane without a title showing its type', () => {
    const html = render('it');
    expect(html).toContain('Azioni di front-stage');
    expect(html).toContain('Azioni del cliente');
    expect(html).toContain('Punti critici');
    expect(html).toContain('Linea di visibilità');
  });

  it('says what to do on a map without stages', () => {
    const empty = makeSnapshot({});
    const html = renderStatic(
      createElement(GridView, {
        snapshot: empty,
        selection: { nodes: new Set<string>(), touchpoints: new Set<string>() },
        select: () => {},
      }),
      empty,
    );
    expect(html).toContain('no stages yet');
    expect(html).not.toContain('role="grid"');
  });
});

describe('lane and stage orders', () => {
  const rows = (keys: string[], hidden: string[] = []) =>
    keys.map((key) => ({ key: key as LaneKey, hidden: hidden.includes(key) }));
  it('moves a lane past its next shown neighbour', () => {
    expect(moveLaneKeys(rows(['actions', 'devices', 'emotion']), 'emotion', -1)).toEqual([
      'actions',
      'emotion',
      'devices',
    ]);
    expect(
      moveLaneKeys(rows(['actions', 'devices', 'emotion'], ['devices']), 'actions', 1),
    ).toEqual(['devices', 'emotion', 'actions']);
    expect(moveLaneKeys(rows(['actions', 'devices']), 'actions', -1)).toBeNull();
  });
  it('drops a lane at another one’s place, inserts a new one after its anchor', () => {
    expect(dropLaneKeys(rows(['a', 'b', 'c']), 'a' as LaneKey, 'c' as LaneKey)).toEqual([
      'b',
      'c',
      'a',
    ]);
    expect(dropLaneKeys(rows(['a', 'b', 'c']), 'c' as LaneKey, 'a' as LaneKey)).toEqual([
      'c',
      'a',
      'b',
    ]);
    expect(insertLaneKey(rows(['a', 'b']), 'lane:x', 'a' as LaneKey)).toEqual(['a', 'lane:x', 'b']);
    expect(insertLaneKey(rows(['a', 'b']), 'lane:x', null)).toEqual(['a', 'b', 'lane:x']);
  });
  it('moves a stage left or right', () => {
    expect(moveStageIds(['s1', 's2', 's3'], 's2', 1)).toEqual(['s1', 's3', 's2']);
    expect(moveStageIds(['s1', 's2'], 's1', -1)).toBeNull();
  });
});

describe('cell data', () => {
  const model = gridModel(snapshot);
  const row = (type: string): GridRow => model.rows.find((r) => r.type === type)!;
  it('draws the emotion curve through the neighbours’ means, with each range and the worst moment', () => {
    const [a, b] = rowCells(row('emotion'), model) as EmotionCell[];
    expect(a).toEqual({
      mean: 2,
      prev: null,
      next: -1,
      count: 1,
      min: 2,
      max: 2,
      worst: false,
      personas: [],
    });
    expect(b).toEqual({
      mean: -1,
      prev: 2,
      next: null,
      count: 1,
      min: -1,
      max: -1,
      worst: true,
      personas: [],
    });
  });
  it('tells unchanged cells across snapshots, changed ones apart', () => {
    const again = gridModel(makeSnapshot({ nodes, touchpoints, grid }));
    for (const r of model.visibleRows) {
      const other = again.visibleRows.find((x) => x.key === r.key)!;
      expect(sameCells(rowCells(r, model), rowCells(other, again)), r.key).toBe(true);
    }
    const edited = touchpoints.map((t) => (t.id === 't1' ? { ...t, action: 'Reads' } : t));
    const next = gridModel(makeSnapshot({ nodes, touchpoints: edited, grid }));
    const web = model.rows.find((r) => r.key === 'channel:c1')!;
    const [before] = rowCells(web, model);
    const [after] = rowCells(web, next);
    expect(sameCell(before!, after!)).toBe(false);
  });
});
