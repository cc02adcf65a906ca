import { describe, expect, it } from 'vitest';
import { curveLayout, personaCurveLines } from '../../model/geometry';
import { orderedStages } from '../../model/grid';
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

describe('the grid Emotion lane focus', () => {
  it('a focus on a deleted persona is no focus: every line is drawn', () => {
    const lanes = personaLanes(src, personas, stages, 'persona-deleted', 'Unnamed');
    expect(lanes.map((l) => l.id)).toEqual(personas.map((p) => p.id));
  });
});
