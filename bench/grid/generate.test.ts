import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { gridModel } from '../../src/model/grid';
import { MapReader } from '../../src/model/read';
import {
  EDITED_TOUCHPOINT,
  GRID_CHANNELS,
  GRID_LANE_ITEMS,
  GRID_STAGES,
  GRID_TOUCHPOINTS,
  gridMapUpdate,
} from './generate';

function snapshotOf(update: Uint8Array) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return new MapReader(doc).getSnapshot();
}

describe('the grid bench map', () => {
  const snapshot = snapshotOf(gridMapUpdate());

  it('has the issue 12 sizes, nothing repaired', () => {
    const kinds = (k: string) => snapshot.nodes.filter((n) => n.kind === k).length;
    expect(kinds('stage')).toBe(GRID_STAGES);
    expect(kinds('channel')).toBe(GRID_CHANNELS);
    expect(snapshot.touchpoints).toHaveLength(GRID_TOUCHPOINTS);
    expect(snapshot.grid.items).toHaveLength(GRID_LANE_ITEMS);
    expect(snapshot.repairs.size).toBe(0);
  });

  it('is a grid of 30 columns and a row per channel, with the edited touchpoint in a cell', () => {
    const grid = gridModel(snapshot);
    expect(grid.stages).toHaveLength(GRID_STAGES);
    expect(grid.visibleRows.filter((r) => r.type === 'channel')).toHaveLength(GRID_CHANNELS);
    const tp = snapshot.touchpointById.get(EDITED_TOUCHPOINT)!;
    expect(
      grid.columns
        .get(tp.from)
        ?.byChannel.get(tp.to)
        ?.map((t) => t.id),
    ).toContain(tp.id);
  });

  it("is the same map every time (the doc's client id aside)", () => {
    const again = snapshotOf(gridMapUpdate());
    expect(again.nodes).toEqual(snapshot.nodes);
    expect(again.touchpoints).toEqual(snapshot.touchpoints);
    expect(again.grid.items).toEqual(snapshot.grid.items);
  });
});
