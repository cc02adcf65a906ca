import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNode, addTouchpoint, updateTouchpoint } from './commands';
import { gridItemsMap, gridLanesMap, gridSettingsMap, newRecord, nodesMap } from './doc';
import {
  contentLaneKey,
  DEFAULT_LANE_ORDER,
  gridModel,
  gridRows,
  meanEmotion,
  type LaneKey,
} from './grid';
import { addLane, addLaneItem, reorderLanes, setLaneHidden } from './grid-commands';
import { readSnapshot } from './read';
import { addKpi } from './strategy/commands';

/** A small map: stages S1, S2; channels web (left), app (right); devices pc, phone. */
function sample() {
  const doc = new Y.Doc();
  const s1 = addNode(doc, { kind: 'stage', label: 'S1', x: 0, y: 0, order: 1, id: 's1' });
  const s2 = addNode(doc, { kind: 'stage', label: 'S2', x: 300, y: 0, order: 2, id: 's2' });
  const web = addNode(doc, { kind: 'channel', label: 'Web', x: 0, y: 200, id: 'web' });
  const app = addNode(doc, { kind: 'channel', label: 'App', x: 300, y: 200, id: 'app' });
  const pc = addNode(doc, { kind: 'device', label: 'PC', x: 0, y: 400, id: 'pc' });
  const phone = addNode(doc, { kind: 'device', label: 'Phone', x: 300, y: 400, id: 'phone' });
  return { doc, s1, s2, web, app, pc, phone };
}

const keys = (doc: Y.Doc) => gridRows(readSnapshot(doc)).map((r) => r.key);

describe('gridModel rows', () => {
  it('lists the derived lanes in the default order, channels by canvas position', () => {
    const { doc } = sample();
    expect(keys(doc)).toEqual([
      'actions',
      'channel:web',
      'channel:app',
      'devices',
      'emotion',
      'painPoints',
      'opportunities',
      'kpis',
    ]);
    const rows = gridRows(readSnapshot(doc));
    expect(rows.map((r) => r.order)).toEqual([10, 20, 20, 30, 40, 50, 60, 70]);
    expect(rows[1]).toMatchObject({ type: 'channel', title: 'Web', hidden: false });
    expect(rows[1]!.channel?.id).toBe('web');
    expect(rows[0]).toMatchObject({ type: 'actions', title: '', hidden: false });
  });

  it('sorts channel rows left to right, then top to bottom, then by id', () => {
    const doc = new Y.Doc();
    addNode(doc, { kind: 'channel', label: 'c', x: 100, y: 0, id: 'c' });
    addNode(doc, { kind: 'channel', label: 'b', x: 0, y: 50, id: 'b' });
    addNode(doc, { kind: 'channel', label: 'a', x: 0, y: 50, id: 'a' });
    addNode(doc, { kind: 'channel', label: 'z', x: 0, y: 10, id: 'z' });
    expect(keys(doc).filter((k) => k.startsWith('channel:'))).toEqual([
      'channel:z',
      'channel:a',
      'channel:b',
      'channel:c',
    ]);
  });

  it('places content lanes by their order, ties by the default sequence of types', () => {
    const { doc } = sample();
    addLane(doc, { type: 'text', order: 5, id: 'thoughts' });
    addLane(doc, { type: 'support', order: DEFAULT_LANE_ORDER.support, id: 'sup' });
    addLane(doc, { type: 'frontstage', order: 30, id: 'front' });
    expect(keys(doc)).toEqual([
      'lane:thoughts',
      'actions',
      'channel:web',
      'channel:app',
      'devices', // 30, rank 30
      'lane:front', // 30, rank 80
      'emotion',
      'painPoints',
      'opportunities',
      'kpis',
      'lane:sup',
    ]);
    const front = gridRows(readSnapshot(doc)).find((r) => r.key === 'lane:front');
    expect(front).toMatchObject({ type: 'frontstage', laneId: 'front', title: '', order: 30 });
  });

  it('follows stored orders, and a channel without one comes after the last ordered channel', () => {
    const { doc } = sample();
    const before = gridRows(readSnapshot(doc)).map((r) => r.key);
    // The person moves App above Web and Devices to the top.
    const moved: LaneKey[] = ['devices', ...before.filter((k) => k !== 'devices')];
    [moved[2], moved[3]] = [moved[3]!, moved[2]!];
    reorderLanes(doc, moved);
    expect(keys(doc)).toEqual(moved);
    // A channel added afterwards joins the channels (not the top, not the end).
    addNode(doc, { kind: 'channel', label: 'Chat', x: -500, y: 0, id: 'chat' });
    addNode(doc, { kind: 'channel', label: 'Mail', x: -600, y: 0, id: 'mail' });
    expect(keys(doc)).toEqual([
      'devices',
      'actions',
      'channel:app',
      'channel:web',
      'channel:mail', // unordered channels: after the last ordered one, by canvas position
      'channel:chat',
      'emotion',
      'painPoints',
      'opportunities',
      'kpis',
    ]);
    const rows = gridRows(readSnapshot(doc));
    expect(rows.find((r) => r.key === 'channel:chat')?.order).toBe(
      rows.find((r) => r.key === 'channel:web')?.order,
    );
  });

  it('keeps hidden rows in rows and leaves them out of visibleRows', () => {
    const { doc } = sample();
    const lane = addLane(doc, { type: 'backstage', order: 90 })!;
    setLaneHidden(doc, 'emotion', true);
    setLaneHidden(doc, 'channel:app', true);
    setLaneHidden(doc, contentLaneKey(lane), true);
    const m = gridModel(readSnapshot(doc));
    expect(m.rows.filter((r) => r.hidden).map((r) => r.key)).toEqual([
      'channel:app',
      'emotion',
      `lane:${lane}`,
    ]);
    expect(m.visibleRows.map((r) => r.key)).toEqual([
      'actions',
      'channel:web',
      'devices',
      'painPoints',
      'opportunities',
      'kpis',
    ]);
    setLaneHidden(doc, 'emotion', false);
    expect(gridModel(readSnapshot(doc)).visibleRows.map((r) => r.key)).toContain('emotion');
  });

  it('uses a derived lane’s stored title, and the channel’s label for a channel row', () => {
    const { doc } = sample();
    gridSettingsMap(doc).set('kpis/title', 'Measures');
    gridSettingsMap(doc).set('channel:web/title', 'ignored');
    const rows = gridRows(readSnapshot(doc));
    expect(rows.find((r) => r.key === 'kpis')?.title).toBe('Measures');
    expect(rows.find((r) => r.key === 'channel:web')?.title).toBe('Web');
  });
});

describe('gridModel cells', () => {
  it('orders the stages by order, ties by id, and gives every stage a column', () => {
    const doc = new Y.Doc();
    addNode(doc, { kind: 'stage', label: 'b', x: 0, y: 0, order: 2, id: 'b' });
    addNode(doc, { kind: 'stage', label: 'c', x: 0, y: 0, order: 1, id: 'c' });
    addNode(doc, { kind: 'stage', label: 'a', x: 0, y: 0, order: 2, id: 'a' });
    const m = gridModel(readSnapshot(doc));
    expect(m.stages.map((s) => s.id)).toEqual(['c', 'a', 'b']);
    expect([...m.columns.keys()].sort()).toEqual(['a', 'b', 'c']);
    const empty = m.columns.get('a')!;
    expect(empty.touchpoints).toEqual([]);
    expect(empty.byChannel.size).toBe(0);
    expect(empty.items.size).toBe(0);
  });

  it('puts touchpoints in their stage × channel cell, in either direction', () => {
    const { doc, s1, s2, web, app } = sample();
    const t1 = addTouchpoint(doc, { from: s1, to: web, action: 'one', id: 't1' })!;
    const t2 = addTouchpoint(doc, { from: app, to: s1, action: 'two', id: 't2' })!;
    const t3 = addTouchpoint(doc, { from: s1, to: web, action: 'three', id: 't3' })!;
    const t4 = addTouchpoint(doc, { from: s2, to: app, action: 'four', id: 't4' })!;
    const m = gridModel(readSnapshot(doc));
    const c1 = m.columns.get(s1)!;
    expect(c1.touchpoints.map((t) => t.id)).toEqual([t1, t2, t3]);
    expect(c1.byChannel.get(web)?.map((t) => t.id)).toEqual([t1, t3]);
    expect(c1.byChannel.get(app)?.map((t) => t.id)).toEqual([t2]);
    expect(
      m.columns
        .get(s2)!
        .byChannel.get(app)
        ?.map((t) => t.id),
    ).toEqual([t4]);
    expect(m.columns.get(s2)!.byChannel.has(web)).toBe(false);
  });

  it('counts a stage-to-stage touchpoint for both stages but in no channel cell', () => {
    const { doc, s1, s2 } = sample();
    addTouchpoint(doc, { from: s1, to: s2, action: 'next', id: 'tss' });
    const m = gridModel(readSnapshot(doc));
    expect(m.columns.get(s1)!.touchpoints.map((t) => t.id)).toEqual(['tss']);
    expect(m.columns.get(s2)!.touchpoints.map((t) => t.id)).toEqual(['tss']);
    expect(m.columns.get(s1)!.byChannel.size).toBe(0);
  });

  it('reaches devices joined to the stage and through its channels’ channel–device links', () => {
    const { doc, s1, s2, web, app, pc, phone } = sample();
    addTouchpoint(doc, { from: s1, to: web });
    addTouchpoint(doc, { from: web, to: pc }); // web is used on a PC
    addTouchpoint(doc, { from: phone, to: app }); // app on a phone (device → channel)
    addTouchpoint(doc, { from: s2, to: phone }); // s2 joined to the phone directly
    const m = gridModel(readSnapshot(doc));
    expect(m.columns.get(s1)!.devices.map((d) => d.id)).toEqual([pc]);
    expect(m.columns.get(s2)!.devices.map((d) => d.id)).toEqual([phone]);
    // A channel of the stage used on both devices: sorted by canvas position.
    addTouchpoint(doc, { from: s1, to: app });
    expect(
      gridModel(readSnapshot(doc))
        .columns.get(s1)!
        .devices.map((d) => d.id),
    ).toEqual([pc, phone]);
  });

  it('gathers pain points, opportunities, emotions and KPIs of the stage’s touchpoints', () => {
    const { doc, s1, web, app } = sample();
    const k1 = addKpi(doc, { name: 'First', family: 'service' });
    const k2 = addKpi(doc, { name: 'Second', family: 'quality' });
    const a = addTouchpoint(doc, { from: s1, to: web, id: 'ta', emotion: 2 })!;
    const b = addTouchpoint(doc, { from: s1, to: app, id: 'tb', emotion: -1 })!;
    addTouchpoint(doc, { from: s1, to: app, id: 'tc' }); // no emotion
    updateTouchpoint(doc, a, {
      painPoints: ['slow', '  '],
      opportunities: ['faster'],
      kpiIds: [k2, 'kpi-gone'],
    });
    updateTouchpoint(doc, b, { painPoints: ['lost'], kpiIds: [k2, k1] });
    const col = gridModel(readSnapshot(doc)).columns.get(s1)!;
    expect(col.painPoints).toEqual([
      { text: 'slow', touchpointId: a },
      { text: 'lost', touchpointId: b },
    ]);
    expect(col.opportunities).toEqual([{ text: 'faster', touchpointId: a }]);
    expect(col.emotions).toEqual([2, -1]);
    expect(meanEmotion(col.emotions)).toBe(0.5);
    expect(meanEmotion([])).toBeNull();
    // The strategy's order (k1 first), each once, unknown ids left out.
    expect(col.kpis.map((k) => k.id)).toEqual([k1, k2]);
  });

  it('gives each content lane’s items per stage, sorted by order then id', () => {
    const { doc, s1, s2 } = sample();
    const lane = addLane(doc, { type: 'backstage', order: 90, id: 'back' })!;
    const other = addLane(doc, { type: 'text', order: 110, id: 'quotes' })!;
    addLaneItem(doc, { laneId: lane, stageId: s1, text: 'second', order: 2, id: 'i-b' });
    addLaneItem(doc, { laneId: lane, stageId: s1, text: 'first', order: 1, id: 'i-z' });
    addLaneItem(doc, { laneId: lane, stageId: s1, text: 'tie', order: 2, id: 'i-a' });
    addLaneItem(doc, { laneId: lane, stageId: s1, text: 'last', id: 'i-last' }); // order 3
    addLaneItem(doc, { laneId: other, stageId: s2, text: 'quote', id: 'q1' });
    const m = gridModel(readSnapshot(doc));
    expect(
      m.columns
        .get(s1)!
        .items.get(lane)
        ?.map((i) => i.id),
    ).toEqual(['i-z', 'i-a', 'i-b', 'i-last']);
    expect(m.columns.get(s1)!.items.has(other)).toBe(false);
    expect(
      m.columns
        .get(s2)!
        .items.get(other)
        ?.map((i) => i.text),
    ).toEqual(['quote']);
  });
});

describe('gridModel on odd graphs', () => {
  it('survives self-links, links between devices, notes and a map with no stages', () => {
    const doc = new Y.Doc();
    const ch = addNode(doc, { kind: 'channel', label: 'c', x: 0, y: 0 });
    const d = addNode(doc, { kind: 'device', label: 'd', x: 0, y: 0 });
    const n = addNode(doc, { kind: 'note', label: 'n', x: 0, y: 0 });
    addTouchpoint(doc, { from: d, to: n });
    addTouchpoint(doc, { from: ch, to: d });
    const m = gridModel(readSnapshot(doc));
    expect(m.stages).toEqual([]);
    expect(m.columns.size).toBe(0);
    expect(m.rows.filter((r) => r.type === 'channel')).toHaveLength(1);
  });

  it('ignores a raw self-loop, a touchpoint to a missing node and items of gone lanes or stages', () => {
    const { doc, s1, web } = sample();
    doc.transact(() => {
      const tps = doc.getMap('touchpoints');
      tps.set('loop', newRecord({ from: s1, to: s1, action: 'loop', emotion: 1 }));
      tps.set('dangling', newRecord({ from: s1, to: 'nobody', action: 'x' }));
      tps.set('tw', newRecord({ from: web, to: s1, action: 'ok' }));
      gridLanesMap(doc).set('l1', newRecord({ type: 'frontstage', order: 80 }));
      gridItemsMap(doc).set('in', newRecord({ laneId: 'l1', stageId: s1, text: 'kept' }));
      gridItemsMap(doc).set('nolane', newRecord({ laneId: 'gone', stageId: s1, text: 'x' }));
      gridItemsMap(doc).set('nostage', newRecord({ laneId: 'l1', stageId: web, text: 'x' }));
      gridItemsMap(doc).set('garbage', newRecord({ laneId: 7, stageId: null, text: 'x' }));
    });
    const m = gridModel(readSnapshot(doc));
    const col = m.columns.get(s1)!;
    expect(col.touchpoints.map((t) => t.id).sort()).toEqual(['loop', 'tw']);
    expect(col.byChannel.get(web)?.map((t) => t.id)).toEqual(['tw']);
    expect(col.emotions).toEqual([1]);
    expect([...col.items.values()].flat().map((i) => i.id)).toEqual(['in']);
    expect(m.columns.get(web)).toBeUndefined();
  });

  it('does not throw when a channel or stage is deleted under its settings and items', () => {
    const { doc, s1, web } = sample();
    const lane = addLane(doc, { type: 'support', order: 100 })!;
    addLaneItem(doc, { laneId: lane, stageId: s1, text: 'CRM' });
    gridSettingsMap(doc).set(`channel:${web}/order`, 3);
    doc.transact(() => {
      nodesMap(doc).delete(web);
      nodesMap(doc).delete(s1);
    });
    const m = gridModel(readSnapshot(doc));
    expect(m.rows.some((r) => r.key === `channel:${web}`)).toBe(false);
    expect(m.columns.has(s1)).toBe(false);
  });
});
