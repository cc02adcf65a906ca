import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNode, addTouchpoint, deleteItems } from './commands';
import { gridItemsMap, gridLanesMap, gridSettingsMap, newRecord, nodesMap } from './doc';
import { contentLaneKey, gridModel, gridRows } from './grid';
import {
  addLane,
  addLaneItem,
  deleteLane,
  deleteLaneItems,
  LANE_ORDER_STEP,
  moveLaneItem,
  relinkTouchpoint,
  renameLane,
  reorderLanes,
  reorderStages,
  setLaneHidden,
  updateLaneItem,
} from './grid-commands';
import { createHistory } from './history';
import { MAX_LABEL_CHARS, MAX_LANE_ITEMS, MAX_LANES, MAX_ORDER } from './limits';
import { LANE_ITEM_LIMITS } from './records/lane-item';
import { readSnapshot } from './read';

/** Repair keys of grid records (an unseeded doc's meta is repaired too: not ours). */
const gridRepairs = (doc: Y.Doc) =>
  [...readSnapshot(doc).repairs.keys()].filter((k) => /^(lane|laneItem|laneSettings)\b/.test(k));

function sample() {
  const doc = new Y.Doc();
  const s1 = addNode(doc, { kind: 'stage', label: 'S1', x: 0, y: 0, order: 1, id: 's1' });
  const s2 = addNode(doc, { kind: 'stage', label: 'S2', x: 300, y: 0, order: 2, id: 's2' });
  const web = addNode(doc, { kind: 'channel', label: 'Web', x: 0, y: 200, id: 'web' });
  const app = addNode(doc, { kind: 'channel', label: 'App', x: 300, y: 200, id: 'app' });
  const pc = addNode(doc, { kind: 'device', label: 'PC', x: 0, y: 400, id: 'pc' });
  return { doc, s1, s2, web, app, pc };
}

/** Counts the transactions `fn` runs. */
function transactions(doc: Y.Doc, fn: () => void): number {
  let n = 0;
  const count = () => n++;
  doc.on('afterTransaction', count);
  fn();
  doc.off('afterTransaction', count);
  return n;
}

/** Counts the updates (writes) `fn` makes. */
function writes(doc: Y.Doc, fn: () => void): number {
  let n = 0;
  const count = () => n++;
  doc.on('update', count);
  fn();
  doc.off('update', count);
  return n;
}

describe('lanes', () => {
  it('adds a content lane with its type, capped title and clamped order', () => {
    const { doc } = sample();
    const id = addLane(doc, {
      type: 'backstage',
      title: 'x'.repeat(MAX_LABEL_CHARS + 50),
      order: 1e9,
    });
    const lane = readSnapshot(doc).grid.lanes.find((l) => l.id === id);
    expect(lane).toEqual({
      id,
      type: 'backstage',
      title: 'x'.repeat(MAX_LABEL_CHARS),
      order: MAX_ORDER,
      hidden: false,
    });
    expect(gridRepairs(doc)).toEqual([]);
    expect(addLane(doc, { type: 'text', order: 5, id: 'fixed' })).toBe('fixed');
  });

  it('refuses a lane past MAX_LANES', () => {
    const doc = new Y.Doc();
    doc.transact(() => {
      for (let i = 0; i < MAX_LANES; i++)
        gridLanesMap(doc).set(`l${i}`, newRecord({ type: 'text', order: i }));
    });
    expect(addLane(doc, { type: 'text', order: 0 })).toBeNull();
    expect(gridLanesMap(doc).size).toBe(MAX_LANES);
  });

  it('renames a content lane, a channel row (its node) and a derived lane', () => {
    const { doc, web } = sample();
    const id = addLane(doc, { type: 'support', order: 100 })!;
    renameLane(doc, contentLaneKey(id), 'Systems');
    renameLane(doc, `channel:${web}`, 'Website');
    renameLane(doc, 'kpis', '  Measures  ');
    let snap = readSnapshot(doc);
    const rows = gridRows(snap);
    expect(rows.find((r) => r.key === `lane:${id}`)?.title).toBe('Systems');
    expect(snap.nodeById.get(web)?.label).toBe('Website');
    expect(rows.find((r) => r.key === 'kpis')?.title).toBe('Measures');
    renameLane(doc, 'kpis', '   ');
    snap = readSnapshot(doc);
    expect(gridSettingsMap(doc).has('kpis/title')).toBe(false);
    expect(gridRows(snap).find((r) => r.key === 'kpis')?.title).toBe('');
  });

  it('renames nothing for an unknown key, a gone lane or a channel key naming another kind', () => {
    const { doc, s1 } = sample();
    const n = writes(doc, () => {
      renameLane(doc, 'nonsense' as never, 'x');
      renameLane(doc, 'lane:gone', 'x');
      renameLane(doc, 'channel:gone', 'x');
      renameLane(doc, `channel:${s1}`, 'not a channel');
    });
    expect(n).toBe(0);
    expect(readSnapshot(doc).nodeById.get(s1)?.label).toBe('S1');
  });

  it('hides and shows lanes; showing deletes the stored flag', () => {
    const { doc, app } = sample();
    const id = addLane(doc, { type: 'text', order: 110 })!;
    setLaneHidden(doc, contentLaneKey(id), true);
    setLaneHidden(doc, `channel:${app}`, true);
    setLaneHidden(doc, 'devices', true);
    expect(gridModel(readSnapshot(doc)).rows.filter((r) => r.hidden)).toHaveLength(3);
    setLaneHidden(doc, contentLaneKey(id), false);
    setLaneHidden(doc, `channel:${app}`, false);
    setLaneHidden(doc, 'devices', false);
    expect(gridModel(readSnapshot(doc)).rows.filter((r) => r.hidden)).toHaveLength(0);
    expect(gridSettingsMap(doc).size).toBe(0);
    expect(gridLanesMap(doc).get(id)?.has('hidden')).toBe(false);
  });

  it('writes no setting for a channel that is gone', () => {
    const { doc } = sample();
    expect(writes(doc, () => setLaneHidden(doc, 'channel:gone', true))).toBe(0);
    expect(gridSettingsMap(doc).size).toBe(0);
  });

  it('reorders every lane in one transaction, in steps of LANE_ORDER_STEP', () => {
    const { doc, web } = sample();
    const id = addLane(doc, { type: 'frontstage', order: 80 })!;
    const keys = gridRows(readSnapshot(doc)).map((r) => r.key);
    const reversed = [...keys].reverse();
    expect(transactions(doc, () => reorderLanes(doc, reversed))).toBe(1);
    expect(gridRows(readSnapshot(doc)).map((r) => r.key)).toEqual(reversed);
    expect(gridLanesMap(doc).get(id)?.get('order')).toBe(LANE_ORDER_STEP);
    expect(gridSettingsMap(doc).get(`channel:${web}/order`)).toBe(
      (reversed.indexOf(`channel:${web}`) + 1) * LANE_ORDER_STEP,
    );
    // Keys of gone lanes and channels, and garbage, are skipped.
    reorderLanes(doc, ['lane:gone', 'channel:gone', 'junk' as never, ...keys]);
    expect(gridSettingsMap(doc).has('channel:gone/order')).toBe(false);
    expect(gridRows(readSnapshot(doc)).map((r) => r.key)).toEqual(keys);
  });

  it('deletes a lane with its items in one undo step', () => {
    const { doc, s1, s2 } = sample();
    const history = createHistory(doc);
    const lane = addLane(doc, { type: 'backstage', order: 90 })!;
    const keep = addLane(doc, { type: 'support', order: 100 })!;
    addLaneItem(doc, { laneId: lane, stageId: s1, text: 'a' });
    addLaneItem(doc, { laneId: lane, stageId: s2, text: 'b' });
    addLaneItem(doc, { laneId: keep, stageId: s1, text: 'c' });
    history.stopCapturing();
    const before = readSnapshot(doc).grid;
    deleteLane(doc, lane);
    const after = readSnapshot(doc).grid;
    expect(after.lanes.map((l) => l.id)).toEqual([keep]);
    expect(after.items.map((i) => i.text)).toEqual(['c']);
    expect(gridItemsMap(doc).size).toBe(1);
    history.undo();
    expect(readSnapshot(doc).grid).toEqual(before);
  });
});

describe('lane items', () => {
  it('adds items last in their cell, cut to the limit, with a given order when asked', () => {
    const { doc, s1, s2 } = sample();
    const lane = addLane(doc, { type: 'text', order: 110 })!;
    const a = addLaneItem(doc, { laneId: lane, stageId: s1, text: 'a' })!;
    const b = addLaneItem(doc, { laneId: lane, stageId: s1, text: 'b' })!;
    const c = addLaneItem(doc, { laneId: lane, stageId: s2, text: 'c' })!;
    const d = addLaneItem(doc, {
      laneId: lane,
      stageId: s1,
      text: 'x'.repeat(LANE_ITEM_LIMITS.text.chars + 10),
      order: 0.5,
    })!;
    const items = new Map(readSnapshot(doc).grid.items.map((i) => [i.id, i]));
    expect(items.get(a)?.order).toBe(1);
    expect(items.get(b)?.order).toBe(2);
    expect(items.get(c)?.order).toBe(1);
    expect(items.get(d)?.text).toHaveLength(LANE_ITEM_LIMITS.text.chars);
    const col = gridModel(readSnapshot(doc)).columns.get(s1)!;
    expect(col.items.get(lane)?.map((i) => i.id)).toEqual([d, a, b]);
    expect(gridRepairs(doc)).toEqual([]);
  });

  it('refuses an item for a gone lane, a node that is not a stage, or past MAX_LANE_ITEMS', () => {
    const { doc, s1, web } = sample();
    const lane = addLane(doc, { type: 'text', order: 110 })!;
    expect(addLaneItem(doc, { laneId: 'gone', stageId: s1, text: 'x' })).toBeNull();
    expect(addLaneItem(doc, { laneId: lane, stageId: web, text: 'x' })).toBeNull();
    expect(addLaneItem(doc, { laneId: lane, stageId: 'gone', text: 'x' })).toBeNull();
    doc.transact(() => {
      for (let i = 0; i < MAX_LANE_ITEMS; i++)
        gridItemsMap(doc).set(
          `i${i}`,
          newRecord({ laneId: lane, stageId: s1, text: '', order: i }),
        );
    });
    expect(addLaneItem(doc, { laneId: lane, stageId: s1, text: 'x' })).toBeNull();
    expect(gridItemsMap(doc).size).toBe(MAX_LANE_ITEMS);
  });

  it('updates an item’s text (cut), and does nothing for a gone one', () => {
    const { doc, s1 } = sample();
    const lane = addLane(doc, { type: 'text', order: 110 })!;
    const id = addLaneItem(doc, { laneId: lane, stageId: s1, text: 'a' })!;
    updateLaneItem(doc, id, { text: 'y'.repeat(LANE_ITEM_LIMITS.text.chars + 1) });
    expect(readSnapshot(doc).grid.items[0]?.text).toHaveLength(LANE_ITEM_LIMITS.text.chars);
    expect(writes(doc, () => updateLaneItem(doc, 'gone', { text: 'x' }))).toBe(0);
    expect(gridItemsMap(doc).has('gone')).toBe(false);
  });

  it('moves an item to another cell as one undo step, refusing gone targets', () => {
    const { doc, s1, s2, web } = sample();
    const history = createHistory(doc);
    const a = addLane(doc, { type: 'frontstage', order: 80 })!;
    const b = addLane(doc, { type: 'backstage', order: 90 })!;
    const id = addLaneItem(doc, { laneId: a, stageId: s1, text: 'move me' })!;
    history.stopCapturing();
    moveLaneItem(doc, id, { laneId: b, stageId: s2, order: 2 * MAX_ORDER });
    expect(readSnapshot(doc).grid.items[0]).toMatchObject({
      laneId: b,
      stageId: s2,
      order: MAX_ORDER,
    });
    history.undo();
    expect(readSnapshot(doc).grid.items[0]).toMatchObject({ laneId: a, stageId: s1, order: 1 });
    const n = writes(doc, () => {
      moveLaneItem(doc, id, { laneId: 'gone', stageId: s2, order: 1 });
      moveLaneItem(doc, id, { laneId: b, stageId: web, order: 1 });
      moveLaneItem(doc, 'gone', { laneId: b, stageId: s2, order: 1 });
    });
    expect(n).toBe(0);
  });

  it('deletes items in one transaction', () => {
    const { doc, s1 } = sample();
    const lane = addLane(doc, { type: 'text', order: 110 })!;
    const ids = [1, 2, 3].map((i) =>
      addLaneItem(doc, { laneId: lane, stageId: s1, text: `${i}` })!,
    );
    expect(transactions(doc, () => deleteLaneItems(doc, [ids[0]!, ids[2]!, 'gone']))).toBe(1);
    expect(readSnapshot(doc).grid.items.map((i) => i.id)).toEqual([ids[1]]);
  });
});

describe('relinkTouchpoint', () => {
  it('moves a card to another stage and channel, keeping its direction, as one undo step', () => {
    const { doc, s1, s2, web, app } = sample();
    const history = createHistory(doc);
    const fwd = addTouchpoint(doc, { from: s1, to: web, action: 'fwd' })!;
    const back = addTouchpoint(doc, { from: web, to: s1, action: 'back' })!;
    history.stopCapturing();
    relinkTouchpoint(doc, fwd, { stageId: s2, channelId: app });
    history.stopCapturing();
    relinkTouchpoint(doc, back, { stageId: s2, channelId: app });
    let snap = readSnapshot(doc);
    expect(snap.touchpointById.get(fwd)).toMatchObject({ from: s2, to: app, action: 'fwd' });
    expect(snap.touchpointById.get(back)).toMatchObject({ from: app, to: s2, action: 'back' });
    expect(gridModel(snap).columns.get(s2)!.byChannel.get(app)).toHaveLength(2);
    history.undo();
    snap = readSnapshot(doc);
    expect(snap.touchpointById.get(back)).toMatchObject({ from: web, to: s1 });
    expect(snap.touchpointById.get(fwd)).toMatchObject({ from: s2, to: app });
    history.undo();
    expect(readSnapshot(doc).touchpointById.get(fwd)).toMatchObject({ from: s1, to: web });
  });

  it('changes only the stage or only the channel when the other stays', () => {
    const { doc, s1, s2, web, app } = sample();
    const tp = addTouchpoint(doc, { from: s1, to: web })!;
    relinkTouchpoint(doc, tp, { stageId: s1, channelId: app });
    expect(readSnapshot(doc).touchpointById.get(tp)).toMatchObject({ from: s1, to: app });
    relinkTouchpoint(doc, tp, { stageId: s2, channelId: app });
    expect(readSnapshot(doc).touchpointById.get(tp)).toMatchObject({ from: s2, to: app });
    expect(writes(doc, () => relinkTouchpoint(doc, tp, { stageId: s2, channelId: app }))).toBe(0);
  });

  it('refuses targets of the wrong kind and touchpoints that are not stage–channel cards', () => {
    const { doc, s1, s2, web, app, pc } = sample();
    const card = addTouchpoint(doc, { from: s1, to: web })!;
    const usage = addTouchpoint(doc, { from: web, to: pc })!;
    const toDevice = addTouchpoint(doc, { from: s1, to: pc })!;
    const between = addTouchpoint(doc, { from: s1, to: s2 })!;
    const before = readSnapshot(doc).touchpoints;
    const n = writes(doc, () => {
      relinkTouchpoint(doc, card, { stageId: web, channelId: app });
      relinkTouchpoint(doc, card, { stageId: s2, channelId: s1 });
      relinkTouchpoint(doc, card, { stageId: 'gone', channelId: app });
      relinkTouchpoint(doc, 'gone', { stageId: s2, channelId: app });
      relinkTouchpoint(doc, usage, { stageId: s2, channelId: app });
      relinkTouchpoint(doc, toDevice, { stageId: s2, channelId: app });
      relinkTouchpoint(doc, between, { stageId: s2, channelId: app });
    });
    expect(n).toBe(0);
    expect(readSnapshot(doc).touchpoints).toEqual(before);
  });
});

describe('stages and deleting nodes', () => {
  it('reorders stages in one undo step, skipping ids that are not stages', () => {
    const { doc, s1, s2, web } = sample();
    const history = createHistory(doc);
    const s3 = addNode(doc, { kind: 'stage', label: 'S3', x: 0, y: 0, order: 3 });
    history.stopCapturing();
    reorderStages(doc, [s3, web, s1, 'gone', s2]);
    expect(gridModel(readSnapshot(doc)).stages.map((s) => s.id)).toEqual([s3, s1, s2]);
    expect(nodesMap(doc).get(web)?.has('order')).toBe(false);
    history.undo();
    expect(gridModel(readSnapshot(doc)).stages.map((s) => s.id)).toEqual([s1, s2, s3]);
  });

  it('deleting a stage removes its items, deleting a channel its row settings; undo restores', () => {
    const { doc, s1, s2, web, app } = sample();
    const history = createHistory(doc);
    const lane = addLane(doc, { type: 'support', order: 100 })!;
    addLaneItem(doc, { laneId: lane, stageId: s1, text: 'CRM' });
    addLaneItem(doc, { laneId: lane, stageId: s2, text: 'Booking engine' });
    setLaneHidden(doc, `channel:${web}`, true);
    reorderLanes(
      doc,
      gridRows(readSnapshot(doc)).map((r) => r.key),
    );
    history.stopCapturing();
    const before = readSnapshot(doc).grid;
    deleteItems(doc, { nodeIds: [s1, web] });
    expect([...gridItemsMap(doc).values()].map((i) => i.get('text'))).toEqual(['Booking engine']);
    expect([...gridSettingsMap(doc).keys()].some((k) => k.startsWith(`channel:${web}/`))).toBe(
      false,
    );
    expect(gridSettingsMap(doc).has(`channel:${app}/order`)).toBe(true);
    history.undo();
    expect(readSnapshot(doc).grid).toEqual(before);
    expect(readSnapshot(doc).nodeById.has(s1)).toBe(true);
  });
});

describe('on a doc with garbage under record keys', () => {
  it('skips values that are not records instead of throwing', () => {
    const { doc, s1, web } = sample();
    const lane = addLane(doc, { type: 'text', order: 110 })!;
    addLaneItem(doc, { laneId: lane, stageId: s1, text: 'kept' });
    doc.transact(() => {
      (gridItemsMap(doc) as Y.Map<unknown>).set('junk', 42);
      (gridItemsMap(doc) as Y.Map<unknown>).set('text', 'not a record');
      (gridLanesMap(doc) as Y.Map<unknown>).set('fake', 'lane');
      (nodesMap(doc) as Y.Map<unknown>).set('ghost', [1, 2]);
      (doc.getMap('touchpoints') as Y.Map<unknown>).set('bad', null);
    });
    expect(() => {
      expect(addLaneItem(doc, { laneId: lane, stageId: s1, text: 'more' })).not.toBeNull();
      expect(addLaneItem(doc, { laneId: 'fake', stageId: s1, text: 'x' })).toBeNull();
      expect(addLaneItem(doc, { laneId: lane, stageId: 'ghost', text: 'x' })).toBeNull();
      updateLaneItem(doc, 'junk', { text: 'x' });
      moveLaneItem(doc, 'junk', { laneId: lane, stageId: s1, order: 1 });
      renameLane(doc, 'lane:fake', 'x');
      renameLane(doc, 'channel:ghost', 'x');
      setLaneHidden(doc, 'lane:fake', true);
      setLaneHidden(doc, 'channel:ghost', true);
      reorderLanes(doc, ['lane:fake', 'channel:ghost', `channel:${web}`]);
      relinkTouchpoint(doc, 'bad', { stageId: s1, channelId: web });
      reorderStages(doc, ['ghost', s1]);
      deleteLane(doc, 'fake');
      deleteItems(doc, { nodeIds: [s1] });
    }).not.toThrow();
    expect(gridItemsMap(doc).get('junk' as never)).toBe(42);
    expect(gridSettingsMap(doc).has('channel:ghost/hidden')).toBe(false);
    expect(readSnapshot(doc).grid.items).toEqual([]);
  });
});

describe('orders that are not numbers', () => {
  it('puts a lane at its default place, an item last in its cell; refuses a derived type', () => {
    const { doc, s1, s2 } = sample();
    const lane = addLane(doc, { type: 'support', order: NaN })!;
    expect(readSnapshot(doc).grid.lanes.find((l) => l.id === lane)?.order).toBe(100);
    expect(addLane(doc, { type: 'channel' as never, order: 5 })).toBeNull();
    addLaneItem(doc, { laneId: lane, stageId: s1, text: 'a', order: 4 });
    const b = addLaneItem(doc, { laneId: lane, stageId: s1, text: 'b', order: NaN })!;
    const c = addLaneItem(doc, { laneId: lane, stageId: s2, text: 'c' })!;
    moveLaneItem(doc, c, { laneId: lane, stageId: s1, order: NaN });
    const orders = Object.fromEntries(readSnapshot(doc).grid.items.map((i) => [i.text, i.order]));
    expect(orders).toEqual({ a: 4, b: 5, c: 6 });
    moveLaneItem(doc, b, { laneId: lane, stageId: s1, order: NaN });
    expect(readSnapshot(doc).grid.items.find((i) => i.id === b)?.order).toBe(7);
    expect(gridRepairs(doc)).toEqual([]);
  });
});
