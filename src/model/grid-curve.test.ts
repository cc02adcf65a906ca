/** The grid's Emotion lane and the canvas curve are one reading of the emotions (emotion.ts `stageRatings`). */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNode, addTouchpoint, deleteItems } from './commands';
import { curveLayout } from './geometry';
import { gridModel, meanEmotion } from './grid';
import { readSnapshot } from './read';
import { seedTemplate } from './templates/seed';
import type { MapSnapshot } from './types';

/** What the grid's Emotion lane draws at each stage: mean, lowest, highest (view/grid/cells.ts). */
const gridLane = (snap: MapSnapshot) => {
  const model = gridModel(snap);
  return model.stages.map((s) => {
    const e = model.columns.get(s.id)!.emotions;
    return [meanEmotion(e), e.length ? Math.min(...e) : null, e.length ? Math.max(...e) : null];
  });
};
const canvasCurve = (snap: MapSnapshot) =>
  curveLayout(snap)!.points.map((p) => [p.average, p.min, p.max]);

describe('the grid Emotion lane and the canvas curve', () => {
  it('agree stage by stage on the airline', () => {
    const doc = new Y.Doc();
    seedTemplate(doc, 'airline', 'Airline', new Date(2026, 0, 1));
    const snap = readSnapshot(doc);
    expect(gridLane(snap)).toEqual(canvasCurve(snap));
  });

  it('agree when a channel–device touchpoint is rated (it counts at its channel’s one stage)', () => {
    const doc = new Y.Doc();
    addNode(doc, { id: 'st1', kind: 'stage', label: 'One', x: 0, y: 0 });
    addNode(doc, { id: 'st2', kind: 'stage', label: 'Two', x: 300, y: 0 });
    addNode(doc, { id: 'ch', kind: 'channel', channelType: 'app', label: 'App', x: 0, y: 200 });
    addNode(doc, {
      id: 'dv',
      kind: 'device',
      deviceType: 'smartphone',
      label: 'Phone',
      x: 0,
      y: 400,
    });
    addTouchpoint(doc, { id: 't1', from: 'st1', to: 'ch', emotion: 2 });
    addTouchpoint(doc, { id: 't2', from: 'ch', to: 'dv', emotion: -2 });
    addTouchpoint(doc, { id: 't3', from: 'st2', to: 'ch', emotion: 1 });
    const snap = readSnapshot(doc);
    // The channel serves two stages: the device touchpoint is at neither.
    expect(gridLane(snap)).toEqual([
      [2, 2, 2],
      [1, 1, 1],
    ]);
    expect(gridLane(snap)).toEqual(canvasCurve(snap));
    // With one stage left, it counts there: (2 − 2) / 2 = 0 on both.
    deleteItems(doc, { nodeIds: ['st2'] });
    const one = readSnapshot(doc);
    expect(gridLane(one)).toEqual([[0, -2, 2]]);
    expect(gridLane(one)).toEqual(canvasCurve(one));
  });
});
