import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNode, addTouchpoint, deleteItems } from '../../model/commands';
import { curveLayout, personaCurveLines } from '../../model/geometry';
import { gridModel, orderedStages } from '../../model/grid';
import { readSnapshot } from '../../model/read';
import { seedTemplate } from '../../model/templates/seed';
import { AIRLINE } from '../../model/templates/airline';
import { curveStyleAt } from '../canvas/curveStyles';
import { rowCells, sameCell, type EmotionCell } from './cells';
import { personaLanes } from './personaLines';

const src = {
  nodes: AIRLINE.nodes,
  touchpoints: AIRLINE.touchpoints,
  nodeById: new Map(AIRLINE.nodes.map((n) => [n.id, n])),
};
const personas = AIRLINE.personas ?? [];
const stages = orderedStages(src);
const airlineDoc = () => {
  const doc = new Y.Doc();
  seedTemplate(doc, 'airline', 'Airline', new Date(2026, 0, 1));
  return doc;
};

describe('the grid Emotion lane persona lines', () => {
  it('give the canvas curve values per persona for the airline', () => {
    expect(personas.length).toBe(2);
    const lanes = personaLanes(src, personas, stages, null, 'Unnamed');
    const canvas = personaCurveLines(
      src,
      personas.map((p) => p.id),
      curveLayout(src)!,
    );
    expect(lanes.map((l) => l.means)).toEqual(
      canvas.map((line) => line.points.map((p) => p.average)),
    );
    // The two personas feel something differently somewhere (check-in in the app).
    expect(lanes[0]!.means).not.toEqual(lanes[1]!.means);
    expect(lanes.map((l) => l.style)).toEqual([curveStyleAt(0), curveStyleAt(1)]);
  });

  it('draw only the focused persona, in their own style', () => {
    const lanes = personaLanes(src, personas, stages, personas[1]!.id, 'Unnamed');
    expect(lanes.map((l) => l.id)).toEqual([personas[1]!.id]);
    expect(lanes[0]!.style).toEqual(curveStyleAt(1));
  });

  it('pass each stage its persona means and neighbours', () => {
    const lanes = personaLanes(src, personas, stages, null, 'Unnamed');
    const model = {
      stages,
      rows: [],
      visibleRows: [],
      columns: new Map(),
    };
    const row = { key: 'emotion', type: 'emotion', title: '', hidden: false } as const;
    const cells = rowCells(row as never, model as never, lanes) as EmotionCell[];
    cells.forEach((c, i) => {
      expect(c.personas.map((p) => p.mean)).toEqual(lanes.map((l) => l.means[i] ?? null));
      expect(c.personas.map((p) => p.prev)).toEqual(lanes.map((l) => l.means[i - 1] ?? null));
    });
    const without = rowCells(row as never, model as never) as EmotionCell[];
    expect(without[0]!.personas).toEqual([]);
    expect(sameCell(cells[0]!, without[0]!)).toBe(cells[0]!.personas.length === 0);
  });
});

describe('the grid Emotion lane and the canvas curve', () => {
  /** The overall means of the grid's Emotion lane, stage by stage. */
  const gridMeans = (snapshot: Parameters<typeof gridModel>[0]) => {
    const model = gridModel(snapshot);
    const row = model.rows.find((r) => r.type === 'emotion')!;
    return (rowCells(row, model) as EmotionCell[]).map((c) => [c.mean, c.min, c.max]);
  };
  const canvasMeans = (snapshot: Parameters<typeof curveLayout>[0]) =>
    curveLayout(snapshot)!.points.map((p) => [p.average, p.min, p.max]);

  it('agree stage by stage on the airline', () => {
    const snap = readSnapshot(airlineDoc());
    expect(gridMeans(snap)).toEqual(canvasMeans(snap));
  });

  it('agree when a channel–device touchpoint is rated (it counts at its channel’s one stage)', () => {
    const doc = new Y.Doc();
    addNode(doc, { id: 'st1', kind: 'stage', label: 'One', x: 0, y: 0 });
    addNode(doc, { id: 'st2', kind: 'stage', label: 'Two', x: 300, y: 0 });
    addNode(doc, { id: 'ch', kind: 'channel', channelType: 'app', label: 'App', x: 0, y: 200 });
    addNode(doc, { id: 'dv', kind: 'device', deviceType: 'smartphone', label: 'Phone', x: 0, y: 400 });
    addTouchpoint(doc, { id: 't1', from: 'st1', to: 'ch', emotion: 2 });
    addTouchpoint(doc, { id: 't2', from: 'ch', to: 'dv', emotion: -2 });
    addTouchpoint(doc, { id: 't3', from: 'st2', to: 'ch', emotion: 1 });
    const snap = readSnapshot(doc);
    // The channel serves two stages: the device touchpoint is at none of them.
    expect(gridMeans(snap)).toEqual([
      [2, 2, 2],
      [1, 1, 1],
    ]);
    expect(gridMeans(snap)).toEqual(canvasMeans(snap));
    // With one stage only, it counts there: (2 − 2) / 2 = 0 on both.
    deleteItems(doc, { nodeIds: ['st2'] });
    const one = readSnapshot(doc);
    expect(gridMeans(one)).toEqual([[0, -2, 2]]);
    expect(gridMeans(one)).toEqual(canvasMeans(one));
  });

  it('a focus on a deleted persona is no focus: every line is drawn', () => {
    const lanes = personaLanes(src, personas, stages, 'persona-deleted', 'Unnamed');
    expect(lanes.map((l) => l.id)).toEqual(personas.map((p) => p.id));
  });
});
