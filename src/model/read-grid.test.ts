import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNode, addTouchpoint, deleteItems, moveNodes, updateTouchpoint } from './commands';
import { gridItemsMap, gridLanesMap, gridSettingsMap, newRecord, nodesMap } from './doc';
import { addLane, addLaneItem, deleteLane, setLaneHidden } from './grid-commands';
import { createHistory } from './history';
import { MapReader, readSnapshot } from './read';
import { EMPTY_GRID, LANE_SETTINGS_KEY } from './read-grid';

function sample() {
  const doc = new Y.Doc();
  const s1 = addNode(doc, { kind: 'stage', label: 'S1', x: 0, y: 0, order: 1, id: 's1' });
  const s2 = addNode(doc, { kind: 'stage', label: 'S2', x: 300, y: 0, order: 2, id: 's2' });
  const web = addNode(doc, { kind: 'channel', label: 'Web', x: 0, y: 200, id: 'web' });
  const lane = addLane(doc, { type: 'backstage', order: 90, id: 'back' })!;
  const i1 = addLaneItem(doc, { laneId: lane, stageId: s1, text: 'one', id: 'i1' })!;
  const i2 = addLaneItem(doc, { laneId: lane, stageId: s2, text: 'two', id: 'i2' })!;
  return { doc, s1, s2, web, lane, i1, i2 };
}

const gridRepairs = (doc: Y.Doc) =>
  new Map(
    [...readSnapshot(doc).repairs].filter(([k]) => /^(lane:|laneItem:|laneSettings$)/.test(k)),
  );

describe('snapshot.grid', () => {
  it('is empty for a map without grid records', () => {
    const doc = new Y.Doc();
    expect(readSnapshot(doc).grid).toEqual(EMPTY_GRID);
  });

  it('reads lanes and items by id, and settings by lane key', () => {
    const { doc, s1, lane } = sample();
    setLaneHidden(doc, 'emotion', true);
    gridSettingsMap(doc).set('channel:web/order', 15);
    const g = readSnapshot(doc).grid;
    expect(g.lanes).toEqual([{ id: lane, type: 'backstage', title: '', order: 90, hidden: false }]);
    expect(g.items.map((i) => i.id)).toEqual(['i1', 'i2']);
    expect(g.items[0]).toEqual({ id: 'i1', laneId: lane, stageId: s1, text: 'one', order: 1 });
    expect([...g.settings]).toEqual([
      ['emotion', { hidden: true }],
      ['channel:web', { order: 15 }],
    ]);
  });

  it('hides items of a deleted stage or lane, live and fresh alike, and shows them on undo', () => {
    const { doc, s1, lane } = sample();
    const live = new MapReader(doc);
    const history = createHistory(doc);
    expect(live.getSnapshot().grid.items).toHaveLength(2);
    // A peer deletes the stage without the leftovers (an older client): the item stays stored.
    doc.transact(() => nodesMap(doc).delete(s1));
    expect(gridItemsMap(doc).has('i1')).toBe(true);
    expect(live.getSnapshot().grid.items.map((i) => i.id)).toEqual(['i2']);
    expect(readSnapshot(doc).grid).toEqual(live.getSnapshot().grid);
    // A lane deleted under its items (concurrently with an add): its items are not shown.
    doc.transact(() => gridLanesMap(doc).delete(lane));
    expect(live.getSnapshot().grid.items).toEqual([]);
    expect(readSnapshot(doc).grid).toEqual(live.getSnapshot().grid);
    // With the commands, undo brings everything back.
    const other = sample();
    const r = new MapReader(other.doc);
    const h = createHistory(other.doc);
    const before = r.getSnapshot().grid;
    deleteItems(other.doc, { nodeIds: [other.s1] });
    h.stopCapturing();
    deleteLane(other.doc, other.lane);
    expect(r.getSnapshot().grid.items).toEqual([]);
    h.undo();
    h.undo();
    expect(r.getSnapshot().grid).toEqual(before);
    history.dispose();
    h.dispose();
    live.dispose();
    r.dispose();
  });

  it('hides an item whose stage stops being a stage (a peer rewrote its kind)', () => {
    const { doc, s1 } = sample();
    const live = new MapReader(doc);
    expect(live.getSnapshot().grid.items).toHaveLength(2);
    doc.transact(() => nodesMap(doc).get(s1)!.set('kind', 'channel'));
    expect(live.getSnapshot().grid.items.map((i) => i.id)).toEqual(['i2']);
    expect(live.getSnapshot()).toEqual(readSnapshot(doc));
    doc.transact(() => nodesMap(doc).get(s1)!.set('kind', 'stage'));
    expect(live.getSnapshot().grid.items).toHaveLength(2);
    expect(live.getSnapshot()).toEqual(readSnapshot(doc));
    live.dispose();
  });

  it('reports repairs under lane:, laneItem: and laneSettings, and clears them when fixed', () => {
    const { doc, lane } = sample();
    const live = new MapReader(doc);
    doc.transact(() => {
      gridLanesMap(doc).get(lane)!.set('type', 'wormhole');
      gridLanesMap(doc).set('not a record' as string, 'x' as never);
      gridLanesMap(doc).set('bad id!', newRecord({ type: 'text', order: 1 }));
      gridItemsMap(doc).get('i1')!.set('order', 'soon');
      gridSettingsMap(doc).set('kpis/order', 'first');
      gridSettingsMap(doc).set('nonsense', 1);
      gridSettingsMap(doc).set('channel:web/colour', 'red');
    });
    const snap = live.getSnapshot();
    expect(snap).toEqual(readSnapshot(doc));
    const repairs = gridRepairs(doc);
    expect([...repairs.keys()].sort()).toEqual([
      'lane:back',
      'lane:bad id!',
      'lane:not a record',
      'laneItem:i1',
      LANE_SETTINGS_KEY,
    ]);
    expect(repairs.get('lane:back')?.map((r) => r.field)).toEqual(['type']);
    expect(
      repairs
        .get(LANE_SETTINGS_KEY)
        ?.map((r) => r.field)
        .sort(),
    ).toEqual(['channel:web/colour', 'kpis/order', 'nonsense']);
    // Restored values: an unknown type is a text lane, a bad order 0, a bad setting dropped.
    expect(snap.grid.lanes.map((l) => [l.id, l.type])).toEqual([[lane, 'text']]);
    expect(snap.grid.items.find((i) => i.id === 'i1')?.order).toBe(0);
    expect(snap.grid.settings.get('kpis')).toEqual({});
    // Fixed by a person: the repairs go, in the live reader as in a fresh one.
    doc.transact(() => {
      gridLanesMap(doc).get(lane)!.set('type', 'backstage');
      gridLanesMap(doc).delete('not a record');
      gridLanesMap(doc).delete('bad id!');
      gridItemsMap(doc).get('i1')!.set('order', 1);
      for (const k of ['kpis/order', 'nonsense', 'channel:web/colour'])
        gridSettingsMap(doc).delete(k);
    });
    expect(live.getSnapshot().repairs).toEqual(readSnapshot(doc).repairs);
    expect([...gridRepairs(doc).keys()]).toEqual([]);
    live.dispose();
  });

  it('writes nothing while reading, even a repaired grid', () => {
    const { doc, lane } = sample();
    doc.transact(() => {
      gridLanesMap(doc).get(lane)!.set('title', 42);
      gridItemsMap(doc).get('i2')!.set('laneId', null);
      gridSettingsMap(doc).set('devices/hidden', 'yes');
    });
    let updates = 0;
    doc.on('update', () => updates++);
    const live = new MapReader(doc);
    live.getSnapshot();
    readSnapshot(doc);
    moveNodes(doc, [{ id: 's1', x: 5, y: 5 }]);
    updates = 0;
    live.getSnapshot();
    expect(updates).toBe(0);
    live.dispose();
  });

  it('keeps the grid’s identity when only touchpoints or node positions change', () => {
    const { doc, s1, web } = sample();
    const live = new MapReader(doc);
    const first = live.getSnapshot();
    const tp = addTouchpoint(doc, { from: s1, to: web, action: 'a' })!;
    const second = live.getSnapshot();
    expect(second).not.toBe(first);
    expect(second.grid).toBe(first.grid);
    updateTouchpoint(doc, tp, { action: 'b' });
    moveNodes(doc, [{ id: web, x: 40, y: 40 }]);
    const third = live.getSnapshot();
    expect(third.grid).toBe(first.grid);
    expect(third.grid.items).toBe(first.grid.items);
    // A new stage changes the node set but not the items shown: items keep their identity.
    addNode(doc, { kind: 'stage', label: 'S3', x: 0, y: 0 });
    expect(live.getSnapshot().grid.items).toBe(first.grid.items);
    // A grid edit makes a new grid.
    addLaneItem(doc, { laneId: 'back', stageId: s1, text: 'three' });
    expect(live.getSnapshot().grid).not.toBe(first.grid);
    expect(live.getSnapshot().grid.items).toHaveLength(3);
    live.dispose();
  });
});
